using System.CommandLine;
using System.Globalization;
using AdintAudit.Synthetic;
using Spectre.Console;

namespace AdintAudit.Cli.Commands;

/// <summary><c>adint generate --out DIR</c>: synthetic ad-tech location data with ground truth (GENERATOR-SPEC.md).</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        Option<string> output = new("--out") { Description = "Dataset folder to create (must be empty or missing unless --force).", Required = true };
        Option<string> preset = new("--preset") { Description = "Parameter preset.", DefaultValueFactory = _ => "mixed" };
        preset.AcceptOnlyFromAmong("mixed", "bidstream", "sdk_panel");
        Option<int?> devices = new("--devices") { Description = "Persistent devices (default 50,000; ephemeral IDs come on top)." };
        Option<int?> days = new("--days") { Description = "Days in the window (default 28)." };
        Option<ulong?> seed = new("--seed") { Description = "Random seed (default 42); the output is a pure function of seed and parameters." };
        Option<string?> start = new("--start") { Description = "First local day, yyyy-MM-dd (default 2024-06-03)." };
        Option<string?> timeZone = new("--timezone") { Description = "IANA time zone of the synthetic metro area (default Europe/Berlin)." };
        Option<int> threads = new("--threads") { Description = "Generation threads (default: all cores); does not change the output.", DefaultValueFactory = _ => 0 };
        Option<bool> force = new("--force") { Description = "Write into a non-empty folder, replacing the dataset's files (otherwise exit 4)." };

        Command command = new("generate",
            "Generate synthetic ad-tech location data with ground truth: pings.parquet, truth_pings.parquet, truth_devices.parquet, "
            + "truth_visits.parquet, pois.parquet, sites.geojson and manifest.json. Written into a temporary folder and renamed when complete.\n"
            + "Exit codes: 0 done; 2 usage (bad option value); 4 output not written (including: the folder is not empty and --force was not given).")
        {
            output, preset, devices, days, seed, start, timeZone, threads, force,
        };
        command.SetAction((parse, cancellationToken) => Task.FromResult(CliRunner.Run(parse.GetValue(CommonOptions.Verbose), () =>
        {
            string outPath = parse.GetValue(output)!;
            GeneratorOptions options = GeneratorOptions.ForPreset(parse.GetValue(preset) switch
            {
                "bidstream" => GeneratorPreset.Bidstream,
                "sdk_panel" => GeneratorPreset.SdkPanel,
                _ => GeneratorPreset.Mixed,
            });
            options = options with
            {
                Devices = parse.GetValue(devices) ?? options.Devices,
                Days = parse.GetValue(days) ?? options.Days,
                Seed = parse.GetValue(seed) ?? options.Seed,
                TimeZoneId = parse.GetValue(timeZone) ?? options.TimeZoneId,
            };
            if (parse.GetValue(start) is { } startText)
            {
                if (!DateOnly.TryParseExact(startText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly startDate))
                {
                    throw new CliFailure(ExitCodes.Usage, $"--start: '{startText}' is not a date yyyy-MM-dd");
                }

                options = options with { StartDate = startDate };
            }

            try
            {
                options.Validate();
            }
            catch (ArgumentException ex)
            {
                throw new CliFailure(ExitCodes.Usage, ex.Message.Split(" (Parameter", 2)[0], ex);
            }

            bool overwrite = parse.GetValue(force);
            if (File.Exists(outPath))
            {
                throw new CliFailure(ExitCodes.OutputFailed, $"{outPath}: is a file, not a folder");
            }

            if (!overwrite && Directory.Exists(outPath) && Directory.EnumerateFileSystemEntries(outPath).Any())
            {
                throw new CliFailure(ExitCodes.OutputFailed, $"{outPath}: folder is not empty (use --force to replace the dataset in it)");
            }

            GenerationSummary summary;
            try
            {
                summary = RunWithProgress(options, outPath, overwrite, parse.GetValue(threads), cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliFailure(ExitCodes.OutputFailed, $"{outPath}: {ex.Message}", ex);
            }

            double seconds = Math.Max(1e-9, summary.Elapsed.TotalSeconds);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"adint: wrote {summary.OutputDirectory}: {summary.Pings:N0} pings, {summary.Identifiers:N0} identifiers "
                + $"({summary.PersistentDevices:N0} devices, {summary.EphemeralIds:N0} ephemeral IDs, {summary.Persons:N0} persons), "
                + $"{summary.Visits:N0} visits, {summary.Pois:N0} POIs ({summary.SensitiveSites:N0} sensitive sites) "
                + $"in {seconds:F1} s ({summary.Pings / seconds / 1e6:F2} M pings/s); preset {GeneratorOptions.PresetName(options.Preset)}, seed {options.Seed}"));
            return ExitCodes.Success;
        })));
        return command;
    }

    private static GenerationSummary RunWithProgress(GeneratorOptions options, string outPath, bool overwrite, int threads, CancellationToken cancellationToken)
    {
        if (Console.IsErrorRedirected)
        {
            int lastPercent = -1;
            var plain = new SynchronousProgress(p =>
            {
                int percent = (int)(p.UnitsDone * 10 / Math.Max(1, p.UnitsTotal)) * 10;
                if (percent != lastPercent)
                {
                    lastPercent = percent;
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generate: {percent}% ({p.UnitsDone:N0}/{p.UnitsTotal:N0} devices and IDs, {p.PingsWritten:N0} pings)"));
                }
            });
            return SyntheticDatasetWriter.Write(options, outPath, overwrite, plain, threads, cancellationToken);
        }

        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        GenerationSummary? result = null;
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                ProgressTask task = context.AddTask("Generating", maxValue: 1);
                var live = new SynchronousProgress(p =>
                {
                    task.MaxValue = Math.Max(1, p.UnitsTotal);
                    task.Value = p.UnitsDone;
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"Generating ({p.PingsWritten / 1e6:F1} M pings)");
                });
                result = SyntheticDatasetWriter.Write(options, outPath, overwrite, live, threads, cancellationToken);
                task.Value = task.MaxValue;
            });
        return result!; // Start runs the action synchronously, which either sets result or throws
    }

    /// <summary>An <see cref="IProgress{T}"/> that calls back on the reporting thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<GenerationProgress> report) : IProgress<GenerationProgress>
    {
        public void Report(GenerationProgress value) => report(value);
    }
}
