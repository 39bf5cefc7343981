namespace AdintAudit.Cli.Tests.Commands;

public sealed class CatCommandTests
{
    [Fact]
    public void Cat_prints_the_expected_csv_byte_for_byte()
    {
        string parquet = SharedData.Require("parquet-interop/generated/duckdb_gzip_tsmillis.parquet");
        string expected = File.ReadAllText(Path.ChangeExtension(parquet, ".csv"));

        AdintProcess.Result result = AdintProcess.Run("cat", parquet);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected, result.Stdout);
        Assert.Equal(string.Empty, result.Stderr);
    }

    [Fact]
    public void Cat_projects_and_limits_columns()
    {
        string parquet = SharedData.Require("parquet-interop/generated/duckdb_gzip_tsmillis.parquet");

        AdintProcess.Result result = AdintProcess.Run("cat", parquet, "--columns", "lat,device_id", "--limit", "2");

        Assert.Equal(0, result.ExitCode);
        string[] lines = result.Stdout.Split("\r\n");
        Assert.Equal(4, lines.Length); // header, 2 rows, empty after the last CRLF
        Assert.Equal("lat,device_id", lines[0]);
        Assert.StartsWith("51.59188472696283,3806ff44-", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Cat_jsonl_writes_one_object_per_row_with_typed_values()
    {
        string parquet = SharedData.Require("parquet-interop/parquet-testing/nullable.impala.parquet");

        AdintProcess.Result result = AdintProcess.Run("cat", parquet, "--format", "jsonl", "--columns", "id,int_array", "--limit", "2");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("{\"id\":1,\"int_array\":[\"1\",\"2\",\"3\"]}\n{\"id\":2,\"int_array\":[null,\"1\",\"2\",null,\"3\",null]}\n", result.Stdout);
    }

    [Fact]
    public void Cat_unknown_column_is_a_usage_error_naming_the_columns()
    {
        string parquet = SharedData.Require("parquet-interop/generated/duckdb_gzip_tsmillis.parquet");

        AdintProcess.Result result = AdintProcess.Run("cat", parquet, "--columns", "nope");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no column 'nope' (columns: device_id, timestamp", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("parquet-interop/parquet-testing/PARQUET-1481.parquet", "corrupt footer")]
    [InlineData("parquet-interop/parquet-testing/ARROW-RS-GH-6229-DICTHEADER.parquet", "holds 0 rows")]
    [InlineData("parquet-interop/parquet-testing/uniform_encryption.parquet.encrypted", "encrypted")]
    public void Cat_bad_file_prints_one_line_and_exits_3(string relative, string expectedWords)
    {
        string parquet = SharedData.Require(relative);

        AdintProcess.Result result = AdintProcess.Run("cat", parquet);

        Assert.Equal(3, result.ExitCode);
        string[] lines = result.Stderr.TrimEnd('\n').Split('\n');
        Assert.Single(lines);
        Assert.StartsWith($"adint: {parquet}: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(expectedWords, lines[0], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Cat_missing_file_exits_3()
    {
        AdintProcess.Result result = AdintProcess.Run("cat", "/nonexistent/pings.parquet");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("adint: /nonexistent/pings.parquet: folder not found\n", result.Stderr);
    }

    [Fact]
    public void Cat_not_parquet_exits_3_without_stack_trace_unless_verbose()
    {
        string path = Path.Combine(Path.GetTempPath(), $"adint-not-parquet-{Guid.NewGuid():N}.parquet");
        File.WriteAllText(path, "device_id,timestamp\nabc,1\n");
        try
        {
            AdintProcess.Result quiet = AdintProcess.Run("cat", path);
            AdintProcess.Result verbose = AdintProcess.Run("cat", path, "--verbose");

            Assert.Equal(3, quiet.ExitCode);
            Assert.Equal($"adint: {path}: not a Parquet file (missing PAR1 magic)\n", quiet.Stderr);
            Assert.Equal(3, verbose.ExitCode);
            Assert.Contains("at AdintAudit.Parquet", verbose.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
