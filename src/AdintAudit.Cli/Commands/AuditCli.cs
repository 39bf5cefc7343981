using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using AdintAudit.Audit;
using AdintAudit.Data;
using AdintAudit.Reporting;
using Spectre.Console;

namespace AdintAudit.Cli.Commands;

/// <summary>Options and the run/render logic shared by <c>audit</c>, <c>demo</c> and <c>risk</c>.</summary>
internal sealed class AuditCli
{
    public Option<string?> Sites { get; } = new("--sites") { Description = "GeoJSON of sensitive sites (polygons, or points with radius_m; name, category)." };

    public Option<string?> Truth { get; } = new("--truth") { Description = "Ground truth of homes and work places (the generator's truth_devices.parquet): adds an inference-accuracy section." };

    public Option<string?> TimeZone { get; } = new("--timezone") { Description = "IANA time zone for local time (default: fixed offset from the median longitude)." };

    public Option<string[]> Map { get; } = new("--map")
    {
        Description = "Column overrides: field=column[,field=column...]; fields device_id, timestamp, latitude, longitude, accuracy.",
        AllowMultipleArgumentsPerToken = true,
    };

    public Option<string?> TimestampUnit { get; } = new("--timestamp-unit") { Description = "Unit of numeric timestamps without a logical type: s, ms, us, ns (default: by magnitude)." };

    public Option<string?> MemoryBudget { get; } = new("--memory-budget")
    {
        Description = "Memory budget, e.g. 6G or 512M (binary units). Inputs estimated to need more are audited out of core, in device partitions "
            + "spilled to --work-dir; the results are the same. Default: a quarter of this machine's memory.",
    };

    public Option<int?> Partitions { get; } = new("--partitions") { Description = "Device partitions whatever the budget (1 = in memory; default: from the budget)." };

    public Option<string?> WorkDir { get; } = new("--work-dir") { Description = "Folder for the partitions of an out-of-core audit (a temporary sub-folder, deleted at the end; default: the system's temporary folder)." };

    public Option<int> Threads { get; } = new("--threads") { Description = "Threads (0 = all cores); results do not depend on it.", DefaultValueFactory = _ => 0 };

    public Option<int> UnicityDevices { get; } = new("--unicity-devices") { Description = "Devices sampled for unicity (all when fewer).", DefaultValueFactory = _ => new Risk.Unicity.UnicityOptions().MaxDevices };

    public Option<ulong> Seed { get; } = new("--seed") { Description = "Seed of the unicity sampling and draws.", DefaultValueFactory = _ => new Risk.Unicity.UnicityOptions().Seed };

    public Option<bool> NoWhatIfs { get; } = new("--no-what-ifs") { Description = "Skip the mitigation what-ifs (each re-runs the pipeline)." };

    public Option<int> MinDevicesPerCell { get; } = new("--min-devices-per-cell") { Description = "k: map cells and per-site home figures with fewer devices are suppressed.", DefaultValueFactory = _ => new AuditOptions().MinDevicesPerCell };

    public void AddTo(Command command)
    {
        foreach (Option option in new Option[] { Sites, Truth, TimeZone, Map, TimestampUnit, MemoryBudget, Partitions, WorkDir, Threads, UnicityDevices, Seed, NoWhatIfs, MinDevicesPerCell })
        {
            command.Add(option);
        }
    }

    public AuditOptions Options(ParseResult parse)
    {
        string? zone = parse.GetValue(TimeZone);
        if (zone is not null)
        {
            try
            {
                _ = TimeZoneInfo.FindSystemTimeZoneById(zone);
            }
            catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                throw new CliFailure(ExitCodes.Usage, $"--timezone: '{zone}' is not a known IANA time zone", ex);
            }
        }

        int unicityDevices = parse.GetValue(UnicityDevices);
        int k = parse.GetValue(MinDevicesPerCell);
        if (unicityDevices < 1)
        {
            throw new CliFailure(ExitCodes.Usage, "--unicity-devices: must be at least 1");
        }

        if (k < 1)
        {
            throw new CliFailure(ExitCodes.Usage, "--min-devices-per-cell: must be at least 1");
        }

        int? partitions = parse.GetValue(Partitions);
        if (partitions is < 1 or > AuditPlan.MaxPartitions)
        {
            throw new CliFailure(ExitCodes.Usage, $"--partitions: must be between 1 and {AuditPlan.MaxPartitions}");
        }

        string? workDir = parse.GetValue(WorkDir);
        if (workDir is not null && !Directory.Exists(workDir))
        {
            throw new CliFailure(ExitCodes.Usage, $"--work-dir: {workDir}: no such folder");
        }

        var defaults = new AuditOptions();
        return defaults with
        {
            Load = PingLoadArguments.Parse(parse.GetValue(Map), parse.GetValue(TimestampUnit), null),
            MemoryBudgetBytes = BudgetBytes(parse.GetValue(MemoryBudget)),
            Partitions = partitions,
            WorkDirectory = workDir,
            Pipeline = defaults.Pipeline with { TimeZone = zone },
            Unicity = defaults.Unicity with { MaxDevices = unicityDevices, Seed = parse.GetValue(Seed) },
            WhatIfs = parse.GetValue(NoWhatIfs) ? [] : defaults.WhatIfs,
            MinDevicesPerCell = k,
            MaxDegreeOfParallelism = parse.GetValue(Threads),
        };
    }

    private static long? BudgetBytes(string? text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            return MemoryEstimate.ParseBytes(text);
        }
        catch (FormatException ex)
        {
            throw new CliFailure(ExitCodes.Usage, $"--memory-budget: {ex.Message}", ex);
        }
    }

    /// <summary>Runs the audit with a live progress display on stderr (plain lines when stderr is redirected).</summary>
    public static AuditResult Run(AuditInput input, AuditOptions options, CancellationToken cancellationToken)
    {
        foreach (string path in input.Pings)
        {
            // The input argument takes one or more values, so the parser hands a mistyped option over as a path.
            if (path.StartsWith('-') && !File.Exists(path) && !Directory.Exists(path))
            {
                throw new CliFailure(ExitCodes.Usage, $"{path}: unknown option (see --help)");
            }
        }

        try
        {
            if (Console.IsErrorRedirected)
            {
                return AuditRunner.Run(input, options, new PlainProgress(), cancellationToken);
            }

            IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            AuditResult? result = null;
            console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(),
                    new RemainingTimeColumn())
                .Start(context => result = AuditRunner.Run(input, options, new LiveProgress(context), cancellationToken));
            return result!;
        }
        catch (PingInputException ex)
        {
            throw new CliFailure(ExitCodes.BadInput, $"{ex.FilePath}: {ex.Message}", ex);
        }
        catch (InputFormatException ex)
        {
            throw new CliFailure(ExitCodes.BadInput, ex.Message, ex);
        }
        catch (Parquet.ParquetFormatException ex)
        {
            throw new CliFailure(ExitCodes.BadInput, ex.Message, ex);
        }
        catch (FileNotFoundException ex)
        {
            throw new CliFailure(ExitCodes.BadInput, $"{ex.FileName ?? "input"}: file not found", ex);
        }
        catch (DirectoryNotFoundException ex)
        {
            throw new CliFailure(ExitCodes.BadInput, ex.Message, ex);
        }
    }

    /// <summary>Writes the report folder and prints the summary table and where the report is.</summary>
    public static void Publish(AuditResult result, string outPath, bool overwrite, ReportOutputOptions outputOptions)
    {
        IReadOnlyList<string> files;
        try
        {
            files = AuditReportWriter.Write(result, outPath, overwrite, outputOptions);
        }
        catch (OutputWriteException ex)
        {
            throw new CliFailure(ExitCodes.OutputFailed, $"{outPath}: {ex.Message}", ex);
        }

        PrintSummary(result);
        string html = Path.GetFullPath(Path.Combine(outPath, "report.html"));
        Console.Out.WriteLine($"adint: wrote {files.Count} files to {Path.GetFullPath(outPath)}");
        Console.Out.WriteLine($"adint: open the report: {new Uri(html).AbsoluteUri}");
    }

    public static void CheckOutput(string outPath, bool overwrite)
    {
        try
        {
            AuditReportWriter.CheckWritable(outPath, overwrite);
        }
        catch (OutputWriteException ex)
        {
            throw new CliFailure(ExitCodes.OutputFailed, $"{outPath}: {ex.Message}", ex);
        }
    }

    public static void PrintSummary(AuditResult result)
    {
        IReadOnlyList<KeyFigure> figures = AuditReportBuilder.KeyFigures(result);
        if (Console.IsOutputRedirected)
        {
            foreach (KeyFigure figure in figures)
            {
                Console.Out.WriteLine($"{figure.Label}: {figure.Value}");
            }

            foreach (Risk.Verdict.CriterionVerdict criterion in result.Verdict.Criteria)
            {
                Console.Out.WriteLine($"{CriterionName(criterion.Criterion)}: {criterion.Level}");
            }

            return;
        }

        var table = new Spectre.Console.Table().Border(TableBorder.Rounded).AddColumn("Figure").AddColumn(new TableColumn("Value").RightAligned()).AddColumn("Meaning");
        foreach (KeyFigure figure in figures)
        {
            table.AddRow(Markup.Escape(figure.Label), Markup.Escape(figure.Value), Markup.Escape(figure.Explanation));
        }

        foreach (Risk.Verdict.CriterionVerdict criterion in result.Verdict.Criteria)
        {
            table.AddRow(Markup.Escape(CriterionName(criterion.Criterion)), Markup.Escape(criterion.Level.ToString()), Markup.Escape(criterion.Explanation));
        }

        AnsiConsole.Write(table);
    }

    private static string CriterionName(Risk.Verdict.PrivacyCriterion criterion) => criterion switch
    {
        Risk.Verdict.PrivacyCriterion.SinglingOut => "Singling out",
        Risk.Verdict.PrivacyCriterion.Linkability => "Linkability",
        _ => "Inference",
    };

    private static string Rate(AuditProgress p, double seconds) =>
        seconds <= 0 || p.Done == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $", {p.Done / seconds:N0} {p.Unit}/s");

    /// <summary>One line per finished stage, for logs and pipes.</summary>
    private sealed class PlainProgress : IProgress<AuditProgress>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public void Report(AuditProgress value)
        {
            if (value.Plan is AuditPlan plan)
            {
                Console.Error.WriteLine($"audit: mode {plan.Describe()}");
            }

            if (value.Done == 0 && !value.Finished)
            {
                _clock.Restart();
                return;
            }

            if (value.Finished)
            {
                double seconds = _clock.Elapsed.TotalSeconds;
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"audit: [{value.StageIndex + 1}/{value.StageCount}] {value.Stage}: {value.Done:N0} {value.Unit} in {seconds:F1} s{Rate(value, seconds)}"));
            }
        }
    }

    /// <summary>A Spectre progress task per stage: description with rows and rate, bar, elapsed and ETA.</summary>
    private sealed class LiveProgress(ProgressContext context) : IProgress<AuditProgress>
    {
        private readonly Stopwatch _clock = new();
        private ProgressTask? _task;
        private string _mode = "";

        public void Report(AuditProgress value)
        {
            lock (_clock)
            {
                if (_task is null || (value.Done == 0 && !value.Finished))
                {
                    _task?.StopTask();
                    _clock.Restart();
                    if (value.Plan is AuditPlan plan)
                    {
                        _mode = $" — {plan.Describe()}";
                    }

                    _task = context.AddTask(Describe(value, 0, _mode), maxValue: Math.Max(1, value.Total));
                }

                double seconds = _clock.Elapsed.TotalSeconds;
                _task.MaxValue = Math.Max(1, Math.Max(value.Total, value.Done));
                _task.Value = value.Done;
                _task.Description = Describe(value, seconds, value.StageIndex == 0 ? _mode : "");
                if (value.Finished)
                {
                    _task.Value = _task.MaxValue;
                    _task.StopTask();
                }

                context.Refresh();
            }
        }

        private static string Describe(AuditProgress p, double seconds, string mode) => Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"[{p.StageIndex + 1}/{p.StageCount}] {p.Stage} ({p.Done:N0}{(p.Total > 0 ? $"/{p.Total:N0}" : "")} {p.Unit}{Rate(p, seconds)}){mode}"));
    }
}
