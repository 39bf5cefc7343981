using System.CommandLine;
using System.Text.Json;
using AdintAudit.Audit;
using AdintAudit.Reporting;
using AdintAudit.Synthetic;

namespace AdintAudit.Cli.Commands;

/// <summary><c>adint demo [--out DIR]</c>: audits the committed synthetic sample (or a freshly generated one) with its sites and truth.</summary>
internal static class DemoCommand
{
    /// <summary>Marks a folder as a demo report, which the next demo may replace without --force.</summary>
    private const string Marker = ".adint-demo";

    public static Command Create()
    {
        Option<string?> output = new("--out") { Description = "Report folder (default: artifacts/demo-report in the repository, else ./adint-demo-report)." };
        Option<bool> force = new("--force") { Description = "Replace a non-empty --out folder that is not a previous demo report." };
        Command command = new("demo",
            "Audit the synthetic sample in data-synthetic/sample (2,000 devices over 14 days, with sensitive sites and ground truth) and write the "
            + "report. Outside the repository, the same city is generated first (seed 42). Needs no arguments.\n"
            + "Exit codes: 0 done; 4 output not written; 130 interrupted.")
        {
            output, force,
        };
        command.SetAction((parse, cancellationToken) => Task.FromResult(CliRunner.Run(parse.GetValue(CommonOptions.Verbose), () =>
        {
            string? repository = FindRepository();
            string outPath = parse.GetValue(output)
                ?? (repository is null ? Path.GetFullPath("adint-demo-report") : Path.Combine(repository, "artifacts", "demo-report"));
            bool overwrite = parse.GetValue(force) || File.Exists(Path.Combine(outPath, Marker));
            AuditCli.CheckOutput(outPath, overwrite);
            string? generated = null;
            try
            {
                string sample = repository is null ? generated = Generate(cancellationToken) : Path.Combine(repository, "data-synthetic", "sample");
                Console.Error.WriteLine($"adint: auditing the synthetic sample in {sample}");
                var input = new AuditInput([Path.Combine(sample, "pings.parquet")], Path.Combine(sample, "sites.geojson"), Path.Combine(sample, "truth_devices.parquet"));
                var defaults = new AuditOptions();
                AuditOptions options = defaults with { Pipeline = defaults.Pipeline with { TimeZone = TimeZoneOf(sample) } };
                AuditResult result = AuditCli.Run(input, options, cancellationToken);
                AuditCli.Publish(result, outPath, overwrite, new ReportOutputOptions());
                File.WriteAllText(Path.Combine(outPath, Marker), "written by adint demo; the next demo may replace this folder\n");
            }
            finally
            {
                if (generated is not null)
                {
                    Directory.Delete(generated, recursive: true);
                }
            }

            return ExitCodes.Success;
        })));
        return command;
    }

    /// <summary>The repository holding data-synthetic/sample: searched upward from the working folder, then from the program.</summary>
    private static string? FindRepository()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "data-synthetic", "sample", "pings.parquet")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }

    /// <summary>The generator's time zone from the sample's manifest.json (Europe/Berlin when absent).</summary>
    private static string TimeZoneOf(string sample)
    {
        try
        {
            using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(sample, "manifest.json")));
            return manifest.RootElement.GetProperty("window").GetProperty("time_zone").GetString() ?? "Europe/Berlin";
        }
        catch (Exception ex) when (ex is IOException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return "Europe/Berlin";
        }
    }

    private static string Generate(CancellationToken cancellationToken)
    {
        string folder = Path.Combine(Path.GetTempPath(), $"adint-demo-{Guid.NewGuid().ToString("N")[..8]}");
        GeneratorOptions options = GeneratorOptions.ForPreset(GeneratorPreset.Mixed) with { Devices = 2_000, Days = 14, Seed = 42 };
        Console.Error.WriteLine("adint: data-synthetic/sample not found; generating the same synthetic city (2,000 devices, 14 days, seed 42)");
        SyntheticDatasetWriter.Write(options, folder, overwrite: false, progress: null, maxParallelism: 0, cancellationToken);
        return folder;
    }
}
