using System.Text;
using System.Text.Json;

namespace AdintAudit.Cli.Tests.Commands;

public sealed class ConvertCommandTests
{
    private const string SmallCsv = "id,name,score,code\r\n1,alice,1.5,007\r\n2,\"b,ob\",,010\r\n3,\"\",-2e-3,\r\n";

    public static TheoryData<string> GeneratedCsvFiles()
    {
        var data = new TheoryData<string>();
        if (TestEnvironment.InteropRoot is not string root)
        {
            data.Add("(shared/ absent)");
            return data;
        }

        foreach (string csv in Directory.GetFiles(Path.Combine(root, "generated"), "*.csv").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(csv));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GeneratedCsvFiles))]
    public void Convert_generatedCsvToParquet_duckDbReadsTheSameCsv(string name)
    {
        string generated = Path.Combine(TestEnvironment.RequireInterop(), "generated");
        string csvPath = Path.Combine(generated, name);
        string types = TypesFromSidecar(Path.ChangeExtension(csvPath, ".json"));
        using var temp = new TempFolder();
        string parquet = temp.File("out.parquet");

        (int code, _, string stderr) = types.Length > 0
            ? TestEnvironment.Adint("convert", csvPath, parquet, "--types", types)
            : TestEnvironment.Adint("convert", csvPath, parquet);

        Assert.True(code == 0, stderr);
        string duck = TestEnvironment.DuckDb("--read-parquet", parquet);
        string expected = File.ReadAllText(csvPath, Encoding.UTF8);
        Assert.True(expected == duck, $"{name}: DuckDB's CSV of our Parquet differs from the original ({FirstDifference(expected, duck)})");
    }

    [Theory]
    [MemberData(nameof(GeneratedCsvFiles))]
    public void Convert_parquetToParquet_keepsTheRows(string name)
    {
        string generated = Path.Combine(TestEnvironment.RequireInterop(), "generated");
        string source = Path.Combine(generated, Path.ChangeExtension(name, ".parquet"));
        using var temp = new TempFolder();
        string copy = temp.File("copy.parquet");
        string before = temp.File("before.csv");
        string after = temp.File("after.csv");
        (int sourceCode, _, string sourceError) = TestEnvironment.Adint("convert", source, before);
        if (sourceCode == 3 && sourceError.Contains("not supported yet", StringComparison.Ordinal))
        {
            Assert.Skip($"our reader cannot read {name} yet: {sourceError.Trim()}");
        }

        (int code, _, string stderr) = TestEnvironment.Adint("convert", source, copy, "--codec", "gzip", "--row-group-size", "1000");
        (int backCode, _, _) = TestEnvironment.Adint("convert", copy, after);

        Assert.True(code == 0, stderr);
        Assert.Equal(0, backCode);
        Assert.Equal(File.ReadAllText(before), File.ReadAllText(after));
    }

    [Fact]
    public void Convert_csvToParquetAndBack_givesTheSameCsvAndInfersTypes()
    {
        using var temp = new TempFolder();
        string csv = temp.File("in.csv");
        File.WriteAllText(csv, SmallCsv);

        (int code, _, string stderr) = TestEnvironment.Adint("convert", csv, temp.File("t.parquet"), "--codec", "none");
        (int backCode, _, _) = TestEnvironment.Adint("convert", temp.File("t.parquet"), temp.File("back.csv"));

        Assert.Equal(0, code);
        Assert.Contains("id:int64, name:string, score:double, code:string", stderr, StringComparison.Ordinal);
        Assert.Equal(0, backCode);
        Assert.Equal(SmallCsv.Replace("-2e-3", "-0.002", StringComparison.Ordinal), File.ReadAllText(temp.File("back.csv")));
        Assert.Equal(["back.csv", "in.csv", "t.parquet"], Directory.GetFiles(temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Convert_existingOutputWithoutForce_exits4AndKeepsIt()
    {
        using var temp = new TempFolder();
        string csv = temp.File("in.csv");
        File.WriteAllText(csv, SmallCsv);
        File.WriteAllText(temp.File("out.parquet"), "keep me");

        (int code, _, string stderr) = TestEnvironment.Adint("convert", csv, temp.File("out.parquet"));
        (int forced, _, _) = TestEnvironment.Adint("convert", csv, temp.File("out.parquet"), "--force");

        Assert.Equal(4, code);
        Assert.Contains("output exists; use --force", stderr, StringComparison.Ordinal);
        Assert.Equal(0, forced);
        Assert.StartsWith("PAR1", File.ReadAllText(temp.File("out.parquet"), Encoding.Latin1), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a,b\r\n1,2\r\n3\r\n", "line 3: 1 fields, but the header has 2")]
    [InlineData("a,b\r\n1,\"2\r\n", "line 2: quoted field is not closed")]
    [InlineData("a,b\r\n1,\"2\"x\r\n", "line 2: unexpected 'x' after a closing quote")]
    [InlineData("", "line 1: the file is empty")]
    public void Convert_badCsv_exits3WithOneLineAndNoFilesLeft(string content, string expected)
    {
        using var temp = new TempFolder();
        string csv = temp.File("bad.csv");
        File.WriteAllText(csv, content);

        (int code, _, string stderr) = TestEnvironment.Adint("convert", csv, temp.File("out.parquet"));

        Assert.Equal(3, code);
        string[] lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith($"adint: {csv}: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(expected, lines[0], StringComparison.Ordinal);
        Assert.Equal(["bad.csv"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Convert_valueFailingAfterTheInferenceSample_namesLineAndColumn()
    {
        using var temp = new TempFolder();
        var csv = new StringBuilder("n\r\n");
        for (int i = 0; i < 10_500; i++)
        {
            csv.Append(i).Append("\r\n");
        }

        csv.Append("oops\r\n");
        File.WriteAllText(temp.File("big.csv"), csv.ToString());

        (int code, _, string stderr) = TestEnvironment.Adint("convert", temp.File("big.csv"), temp.File("out.parquet"), "--row-group-size", "4000");

        Assert.Equal(3, code);
        Assert.Contains("line 10502: column 'n': \"oops\" is not a valid int64 (type inferred from the first 10,000 rows", stderr, StringComparison.Ordinal);
        Assert.Equal(["big.csv"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Convert_valueNotOfTheGivenType_exits3NamingLineAndColumn()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("in.csv"), "a,b\r\n1,2\r\n\"multi\nline\",x\r\n");

        (int code, _, string stderr) = TestEnvironment.Adint("convert", temp.File("in.csv"), temp.File("o.parquet"), "--types", "b=int64");

        Assert.Equal(3, code);
        Assert.Contains("line 3: column 'b': \"x\" is not a valid int64 (type given;", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("o.parquet")));
    }

    [Fact]
    public void Convert_badTypesOption_exits2()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("in.csv"), SmallCsv);

        (int code, _, string stderr) = TestEnvironment.Adint("convert", temp.File("in.csv"), temp.File("o.parquet"), "--types", "id=number");

        Assert.Equal(2, code);
        Assert.Contains("--types: 'id=number' is not col=type", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_corruptParquet_exits3()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("bad.parquet"), "PAR1 not really");

        (int code, _, string stderr) = TestEnvironment.Adint("convert", temp.File("bad.parquet"), temp.File("o.csv"));

        Assert.Equal(3, code);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(File.Exists(temp.File("o.csv")));
    }

    /// <summary>The --types argument that gives each sidecar column its kind (timestamps in their unit, FLOAT as float).</summary>
    private static string TypesFromSidecar(string sidecar)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(sidecar));
        var types = new List<string>();
        foreach (JsonElement column in document.RootElement.GetProperty("csv_columns").EnumerateArray())
        {
            string name = column.GetProperty("name").GetString()!;
            string kind = column.GetProperty("kind").GetString()!;
            string? type = kind switch
            {
                "string" => "string",
                "int" => "int64",
                "double" => "double",
                "float" => "float",
                // DuckDB returns TIMESTAMP(NANOS, UTC) at microsecond precision only, so nanoseconds are written as local.
                "timestamp_raw" => column.GetProperty("unit").GetString() switch
                {
                    "MILLIS" => "timestamp_ms",
                    "MICROS" => "timestamp_us",
                    _ => "local_timestamp_ns",
                },
                _ => null,
            };
            if (type is null)
            {
                Assert.Fail($"{sidecar}: column kind '{kind}' has no convert type");
            }

            types.Add($"{name}={type}");
        }

        return string.Join(',', types);
    }

    private static string FirstDifference(string expected, string actual)
    {
        int i = 0;
        while (i < expected.Length && i < actual.Length && expected[i] == actual[i])
        {
            i++;
        }

        int from = Math.Max(0, i - 40);
        return $"at char {i}: expected …{expected[from..Math.Min(expected.Length, i + 40)]}… got …{actual[from..Math.Min(actual.Length, i + 40)]}…";
    }
}
