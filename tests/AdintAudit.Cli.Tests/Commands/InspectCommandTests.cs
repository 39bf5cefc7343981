using System.Text.Json;

namespace AdintAudit.Cli.Tests.Commands;

public sealed class InspectCommandTests
{
    [Fact]
    public void Inspect_describes_schema_row_groups_and_chunks()
    {
        string parquet = SharedData.Require("parquet-interop/generated/duckdb_gzip_tsmillis.parquet");

        AdintProcess.Result result = AdintProcess.Run("inspect", parquet);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("rows:           3,000 in 1 row group(s)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("TIMESTAMP(MILLIS, utc=false)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("GZIP", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("PLAIN_DICTIONARY", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_json_matches_the_sidecar_metadata()
    {
        string parquet = SharedData.Require("parquet-interop/generated/arrowrs_lz4raw_smallpages_pageindex.parquet");
        using JsonDocument sidecar = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(parquet, ".json")));
        JsonElement expected = sidecar.RootElement.GetProperty("parquet");

        AdintProcess.Result result = AdintProcess.Run("inspect", parquet, "--json");

        Assert.Equal(0, result.ExitCode);
        using JsonDocument actual = JsonDocument.Parse(result.Stdout);
        JsonElement root = actual.RootElement;
        Assert.Equal(expected.GetProperty("num_rows").GetInt64(), root.GetProperty("num_rows").GetInt64());
        Assert.Equal(expected.GetProperty("num_row_groups").GetInt32(), root.GetProperty("num_row_groups").GetInt32());
        JsonElement firstChunk = root.GetProperty("row_groups")[0].GetProperty("columns")[0];
        Assert.Equal("LZ4_RAW", firstChunk.GetProperty("codec").GetString());
        Assert.True(firstChunk.GetProperty("has_column_index").GetBoolean());
    }

    [Fact]
    public void Inspect_works_on_every_readable_corpus_file()
    {
        string folder = SharedData.Require("parquet-interop");
        int inspected = 0;
        foreach (string sidecar in Directory.GetFiles(Path.Combine(folder, "generated"), "*.json")
            .Concat(Directory.GetFiles(Path.Combine(folder, "parquet-testing"), "*.json")))
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(sidecar));
            if (document.RootElement.TryGetProperty("expected_result", out JsonElement expected) && expected.GetString() == "error")
            {
                continue;
            }

            string parquet = Path.Combine(Path.GetDirectoryName(sidecar)!, document.RootElement.GetProperty("file").GetString()!);
            AdintProcess.Result result = AdintProcess.Run("inspect", parquet, "--json");
            Assert.True(result.ExitCode == 0, $"{parquet}: {result.Stderr}");
            inspected++;
        }

        Assert.True(inspected >= 40, $"only {inspected} files inspected");
    }
}
