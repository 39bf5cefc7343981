using AdintAudit.Parquet.Reading;
using AdintAudit.Parquet.Text;

namespace AdintAudit.Parquet.Tests.Reading;

/// <summary>A file that changes under the reader: truncated after the footer was read, or deleted while open.</summary>
public sealed class ParquetSourceTests
{
    [Fact]
    public void File_truncated_after_the_footer_was_read_throws_a_format_exception()
    {
        string path = CopyOfSample();
        try
        {
            using ParquetFileReader reader = ParquetFileReader.Open(path);
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
            {
                stream.SetLength(stream.Length / 2); // the export is cut while the footer says the pages are there
            }

            var error = Assert.Throws<ParquetFormatException>(() => ParquetTableWriter.Write(reader, TextWriter.Null, TableTextFormat.Csv, cancellationToken: TestContext.Current.CancellationToken));

            Assert.Contains("truncated while being read", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void File_deleted_while_open_still_reads_to_the_end()
    {
        // POSIX keeps an unlinked file's data while a handle is open: deleting the input mid-run is not an error.
        string path = CopyOfSample();
        using ParquetFileReader reader = ParquetFileReader.Open(path);
        File.Delete(path);
        using var text = new StringWriter();

        ParquetTableWriter.Write(reader, text, TableTextFormat.Csv, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(text.ToString().Length > 1000);
    }

    private static string CopyOfSample()
    {
        string path = Path.Combine(Path.GetTempPath(), $"adint-source-{Guid.NewGuid():N}.parquet");
        File.Copy(Path.Combine(SharedData.RepoRoot, "data-synthetic", "sample", "pois.parquet"), path);
        return path;
    }
}
