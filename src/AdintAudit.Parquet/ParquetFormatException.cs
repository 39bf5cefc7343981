namespace AdintAudit.Parquet;

/// <summary>
/// Thrown when bytes that claim to be Parquet are not valid Parquet, or use a feature this reader does not
/// support. The message is one line that says what is wrong, suitable for showing to a user after the file name.
/// </summary>
public sealed class ParquetFormatException : Exception
{
    /// <summary>Creates the exception with a one-line description of the problem.</summary>
    /// <param name="message">What is wrong, in words a user can act on.</param>
    public ParquetFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a one-line description and the lower-level cause.</summary>
    /// <param name="message">What is wrong, in words a user can act on.</param>
    /// <param name="innerException">The exception that revealed the problem.</param>
    public ParquetFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public ParquetFormatException()
        : base("invalid Parquet data")
    {
    }
}
