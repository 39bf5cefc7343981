using System.Diagnostics;
using AdintAudit.Parquet.Compression;

namespace AdintAudit.Parquet.Tests.Compression;

public sealed partial class ZstdDecoderTests
{
    [Fact]
    public void Decompress_zstdCliOutputAtManySettings_roundTrips()
    {
        string zstd = RequireZstdCli();
        (string Name, byte[] Data)[] inputs =
        [
            ("gps-page-1m", ZstdTestData.GpsPage(43_690, 11)),
            ("text-300k", ZstdTestData.Text(300_000, 12)),
            ("ints-128k+1", ZstdTestData.Ints(32_769, 13)[..((128 * 1024) + 1)]),
            ("random-70k", ZstdTestData.RandomBytes(70_000, 14)),
            ("zeros-300k", new byte[300_000]),
            ("one-byte", [42]),
            ("empty", []),
        ];
        string[][] settings =
        [
            ["-1"], ["-3"], ["-9"], ["--fast=5"], ["-3", "--no-check"], ["-1", "--long=24"], ["-5", "--no-content-size"],
        ];
        string directory = Directory.CreateTempSubdirectory("zstd-roundtrip-").FullName;
        try
        {
            foreach ((string name, byte[] data) in inputs)
            {
                string inputPath = Path.Combine(directory, name);
                File.WriteAllBytes(inputPath, data);
                var cases = new List<string[]>(settings);
                if (data.Length <= 300_000)
                {
                    cases.Add(["-19"]);
                }

                if (data.Length <= 100_000)
                {
                    cases.Add(["--ultra", "-22"]);
                }

                foreach (string[] arguments in cases)
                {
                    byte[] compressed = RunZstd(zstd, inputPath, arguments);
                    byte[] destination = new byte[data.Length];

                    int written = ZstdDecoder.Decompress(compressed, destination);

                    string label = $"{name} {string.Join(' ', arguments)}";
                    Assert.True(written == data.Length, $"{label}: wrote {written} of {data.Length}");
                    Assert.True(data.AsSpan().SequenceEqual(destination), $"{label}: content differs");
                }
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string RequireZstdCli()
    {
        string? path = Environment.GetEnvironmentVariable("PATH")?
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "zstd"))
            .FirstOrDefault(File.Exists);
        if (path is not null)
        {
            return path;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail("the zstd CLI is not on PATH on CI; .ci/install-deps should have installed it");
        }

        Assert.Skip("the zstd CLI is not on PATH (apt-get install -y zstd); CLI round-trip test skipped");
        return "";
    }

    private static byte[] RunZstd(string zstd, string inputPath, string[] arguments)
    {
        string outputPath = inputPath + ".zst";
        var start = new ProcessStartInfo(zstd) { RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("-q");
        start.ArgumentList.Add("-f");
        start.ArgumentList.Add(inputPath);
        start.ArgumentList.Add("-o");
        start.ArgumentList.Add(outputPath);
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start zstd");
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"zstd {string.Join(' ', arguments)} failed: {errors}");
        return File.ReadAllBytes(outputPath);
    }
}
