using System.Globalization;
using System.Text.Json;
using AdintAudit.Parquet.Reading;
using AdintAudit.Parquet.Text;

namespace AdintAudit.Parquet.Tests.Interop;

/// <summary>Every file of shared/parquet-interop decodes to its expected CSV, or fails with our own exception.</summary>
public sealed class InteropCorpusTests
{
    public static TheoryData<string> Sidecars()
    {
        var data = new TheoryData<string>();
        string? root = SharedData.Root;
        if (root is null)
        {
            data.Add("(shared/ absent)");
            return data;
        }

        foreach (string folder in new[] { "generated", "parquet-testing" })
        {
            foreach (string json in Directory.GetFiles(Path.Combine(root, "parquet-interop", folder), "*.json").Order(StringComparer.Ordinal))
            {
                data.Add(folder + "/" + Path.GetFileName(json));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Sidecars))]
    public void Corpus_file_decodes_to_its_expected_csv_or_fails_cleanly(string sidecar)
    {
        string sidecarPath = SharedData.Require(Path.Combine("parquet-interop", sidecar));
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(sidecarPath));
        JsonElement root = document.RootElement;
        string folder = Path.GetDirectoryName(sidecarPath)!;
        string parquetPath = Path.Combine(folder, root.GetProperty("file").GetString()!);
        bool expectError = root.TryGetProperty("expected_result", out JsonElement expected) && expected.GetString() == "error";

        if (expectError)
        {
            Assert.Throws<ParquetFormatException>(() => Render(parquetPath));
            return;
        }

        string actual = Render(parquetPath);

        string expectedCsv = File.ReadAllText(Path.Combine(folder, root.GetProperty("expected_csv").GetString()!));
        var kinds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (JsonElement column in root.GetProperty("csv_columns").EnumerateArray())
        {
            kinds[column.GetProperty("name").GetString()!] = column.GetProperty("kind").GetString()!;
        }

        AssertSameRows(CsvRecords.Parse(expectedCsv), CsvRecords.Parse(actual), kinds);

        // Beyond equal values, `adint cat` promises the exact text conventions (JavaScript number text, quoting, CRLF).
        Assert.True(expectedCsv == actual, "values match but the CSV text differs from the expected bytes");
    }

    internal static string Render(string parquetPath)
    {
        using ParquetFileReader reader = ParquetFileReader.Open(parquetPath);
        return Render(reader);
    }

    internal static string Render(byte[] bytes)
    {
        using ParquetFileReader reader = ParquetFileReader.Open(bytes);
        return Render(reader);
    }

    private static string Render(ParquetFileReader reader)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        ParquetTableWriter.Write(reader, writer, TableTextFormat.Csv, cancellationToken: TestContext.Current.CancellationToken);
        return writer.ToString();
    }

    internal static void AssertSameRows(List<string?[]> expected, List<string?[]> actual, Dictionary<string, string> kinds)
    {
        Assert.Equal(expected[0], actual[0]);
        Assert.Equal(expected.Count, actual.Count);
        string?[] header = expected[0];
        for (int r = 1; r < expected.Count; r++)
        {
            Assert.Equal(header.Length, actual[r].Length);
            for (int c = 0; c < header.Length; c++)
            {
                string? want = expected[r][c];
                string? got = actual[r][c];
                string kind = kinds.GetValueOrDefault(header[c]!, "string");
                if (want is not null && got is not null && kind is "double" or "float" or "float16")
                {
                    long wantBits = BitConverter.DoubleToInt64Bits(double.Parse(want, CultureInfo.InvariantCulture));
                    long gotBits = BitConverter.DoubleToInt64Bits(double.Parse(got, CultureInfo.InvariantCulture));
                    Assert.True(wantBits == gotBits, $"row {r} column {header[c]}: expected {want}, got {got}");
                }
                else
                {
                    Assert.True(want == got, $"row {r} column {header[c]}: expected {want ?? "null"}, got {got ?? "null"}");
                }
            }
        }
    }
}
