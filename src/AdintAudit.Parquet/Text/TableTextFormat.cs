namespace AdintAudit.Parquet.Text;

/// <summary>Text formats for decoded rows.</summary>
public enum TableTextFormat
{
    /// <summary>RFC 4180 CSV with CRLF line ends, following the interop corpus's conventions.</summary>
    Csv,

    /// <summary>One JSON object per line.</summary>
    JsonLines,
}
