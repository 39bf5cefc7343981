using System.CommandLine;
using System.Globalization;
using AdintAudit.Data;
using AdintAudit.Mobility;
using AdintAudit.Quality;

namespace AdintAudit.Cli.Commands;

/// <summary>Options shared by <c>stays</c>, <c>places</c> and <c>homes</c>: input, output, and every stage parameter.</summary>
internal sealed class MobilityCli
{
    private static readonly StayOptions s_stay = new();
    private static readonly PlaceOptions s_place = new();
    private static readonly HomeWorkOptions s_home = new();
    private static readonly QualityOptions s_quality = new();

    public Argument<string[]> Inputs { get; } = new("input")
    {
        Description = "Parquet or CSV files, or folders of them (hive-style partitions included).",
        Arity = ArgumentArity.OneOrMore,
    };

    public Option<string> Out { get; } = new("--out") { Description = "Output file: .csv or .parquet.", Required = true };

    public Option<bool> Force { get; } = new("--force") { Description = "Replace --out if it exists (otherwise exit 4)." };

    public Option<string[]> Map { get; } = new("--map")
    {
        Description = "Column overrides: field=column[,field=column...]; fields device_id, timestamp, latitude, longitude, accuracy.",
        AllowMultipleArgumentsPerToken = true,
    };

    public Option<string?> TimeZone { get; } = new("--timezone") { Description = "IANA time zone for local time (default: fixed offset from the median longitude)." };

    public Option<string?> TimestampUnit { get; } = new("--timestamp-unit") { Description = "Unit of numeric timestamps without a logical type: s, ms, us, ns (default: by magnitude)." };

    public Option<string?> MaxMemory { get; } = MaxMemoryOption.Create();

    public Option<int> Threads { get; } = new("--threads") { Description = "Threads (0 = all cores); results do not depend on it.", DefaultValueFactory = _ => 0 };

    // Stays.
    public Option<double> RadiusM { get; } = Number("--radius-m", "Adtech stays: radius in meters.", s_stay.RadiusMeters);

    public Option<double> MinDurationMin { get; } = Number("--min-duration-min", "Adtech stays: minimum duration in minutes.", s_stay.MinDurationMinutes);

    public Option<double> MaxGapMin { get; } = Number("--max-gap-min", "Adtech stays: longest gap bridged inside the radius, in minutes.", s_stay.MaxGapMinutes);

    public Option<double> MaxAccuracyM { get; } = Number("--max-accuracy-m", "Adtech stays, home evidence and the quality screen: pings with a worse accuracy are ignored, in meters.", s_stay.MaxAccuracyMeters);

    public Option<double> SkmobRadiusKm { get; } = Number("--skmob-spatial-radius-km", "skmob stays: spatial_radius_km.", s_stay.SkmobSpatialRadiusKm);

    public Option<double> SkmobMinutes { get; } = Number("--skmob-minutes-for-a-stop", "skmob stays: minutes_for_a_stop.", s_stay.SkmobMinutesForAStop);

    public Option<double> SkmobNoData { get; } = Number("--skmob-no-data-for-minutes", "skmob stays: no_data_for_minutes.", s_stay.SkmobNoDataForMinutes);

    public Option<bool> SkmobLeavingTime { get; } = new("--skmob-leaving-time") { Description = "skmob stays: leaving_time (true/false).", DefaultValueFactory = _ => true };

    public Option<double> TiDist { get; } = Number("--trackintel-dist-threshold-m", "trackintel stays: dist_threshold in meters.", s_stay.TrackintelDistThresholdMeters);

    public Option<double> TiTime { get; } = Number("--trackintel-time-threshold-min", "trackintel stays: time_threshold in minutes.", s_stay.TrackintelTimeThresholdMinutes);

    public Option<double> TiGap { get; } = Number("--trackintel-gap-threshold-min", "trackintel stays: gap_threshold in minutes.", s_stay.TrackintelGapThresholdMinutes);

    public Option<bool> TiIncludeLast { get; } = new("--trackintel-include-last") { Description = "trackintel stays: include_last." };

    // Places.
    public Option<double> EpsM { get; } = Number("--eps-m", "Places (default, trackintel): DBSCAN eps in meters.", s_place.EpsMeters);

    public Option<double> SkmobClusterKm { get; } = Number("--skmob-cluster-radius-km", "Places (skmob): cluster_radius_km.", s_place.SkmobClusterRadiusKm);

    public Option<int> MinPoints { get; } = new("--min-points") { Description = "Places: DBSCAN min points.", DefaultValueFactory = _ => s_place.MinPoints };

    // Home and work.
    public Option<int> NightStart { get; } = new("--night-start-hour") { Description = "Night window start (local hour).", DefaultValueFactory = _ => s_home.NightStartHour };

    public Option<int> NightEnd { get; } = new("--night-end-hour") { Description = "Night window end (local hour, inclusive).", DefaultValueFactory = _ => s_home.NightEndHour };

    public Option<int> WorkStart { get; } = new("--work-start-hour") { Description = "Work window start (local hour, weekdays).", DefaultValueFactory = _ => s_home.WorkStartHour };

    public Option<int> WorkEnd { get; } = new("--work-end-hour") { Description = "Work window end (local hour).", DefaultValueFactory = _ => s_home.WorkEndHour };

    public Option<int> MinWorkDays { get; } = new("--min-work-days") { Description = "Distinct weekdays a work place needs.", DefaultValueFactory = _ => s_home.MinWorkDays };

    public Option<int> MinHomeNights { get; } = new("--min-home-nights") { Description = "Distinct nights a home needs.", DefaultValueFactory = _ => s_home.MinHomeNights };

    public Option<double> FallbackWorkHours { get; } = Number("--fallback-work-stay-hours", "Shift work: stays this long on enough days make a work place when none is found in the weekday window (0 = off).", s_home.FallbackWorkStayHours);

    public Option<double> EvidenceRadiusM { get; } = Number("--ping-evidence-radius-m", "Pings count as evidence for the nearest place within this radius, in meters.", s_home.PingEvidenceRadiusMeters);

    // Quality screen.
    public Option<double> TeleportKmh { get; } = Number("--teleport-kmh", "Quality screen: teleport speed in km/h.", s_quality.TeleportSpeedKmh);

    public Option<int> SharedMinDevices { get; } = new("--shared-coordinate-min-devices") { Description = "Quality screen: devices on one coordinate that make it a shared default coordinate.", DefaultValueFactory = _ => s_quality.SharedCoordinateMinDevices };

    public Option<string?> WindowStart { get; } = new("--window-start") { Description = "Quality screen: dataset window start (ISO-8601, UTC); default derived from the data." };

    public Option<string?> WindowEnd { get; } = new("--window-end") { Description = "Quality screen: dataset window end (exclusive)." };

    public void AddTo(Command command)
    {
        command.Add(Inputs);
        foreach (Option option in new Option[]
        {
            Out, Force, Map, TimeZone, TimestampUnit, MaxMemory, Threads, RadiusM, MinDurationMin, MaxGapMin, MaxAccuracyM, SkmobRadiusKm, SkmobMinutes, SkmobNoData,
            SkmobLeavingTime, TiDist, TiTime, TiGap, TiIncludeLast, EpsM, SkmobClusterKm, MinPoints, NightStart, NightEnd, WorkStart, WorkEnd,
            MinWorkDays, MinHomeNights, FallbackWorkHours, EvidenceRadiusM, TeleportKmh, SharedMinDevices, WindowStart, WindowEnd,
        })
        {
            command.Add(option);
        }
    }

    public PingLoadResult Load(ParseResult parse, CancellationToken cancellationToken)
    {
        string[] inputs = parse.GetValue(Inputs) ?? [];
        PingLoadOptions options = PingLoadArguments.Parse(parse.GetValue(Map), parse.GetValue(TimestampUnit), MaxMemoryOption.Bytes(parse, MaxMemory));
        try
        {
            PingLoadResult loaded = PingTableLoader.Load(inputs, options, cancellationToken);
            Console.Error.WriteLine(
                $"adint: read {loaded.RowsRead:N0} rows ({loaded.RowsDroppedNull:N0} dropped for missing values) of {loaded.Table.DeviceCount:N0} devices from {loaded.Files.Count} file(s); timestamps: {loaded.TimestampSource}");
            return loaded;
        }
        catch (PingInputException ex)
        {
            throw new CliFailure(ExitCodes.BadInput, $"{ex.FilePath}: {ex.Message}", ex);
        }
        catch (InputTooLargeException ex)
        {
            throw new CliFailure(ExitCodes.BadInput, ex.Message, ex);
        }
    }

    public PipelineOptions Options(ParseResult parse, StayMethod stays, PlaceMethod places, HomeWorkMethod homes)
    {
        int threads = parse.GetValue(Threads);
        return new PipelineOptions
        {
            TimeZone = parse.GetValue(TimeZone),
            Quality = new QualityOptions
            {
                TeleportSpeedKmh = parse.GetValue(TeleportKmh),
                SharedCoordinateMinDevices = parse.GetValue(SharedMinDevices),
                MaxAccuracyMeters = parse.GetValue(MaxAccuracyM),
                WindowStartMs = Instant(parse.GetValue(WindowStart), "--window-start"),
                WindowEndMs = Instant(parse.GetValue(WindowEnd), "--window-end"),
            },
            Stays = new StayOptions
            {
                Method = stays,
                RadiusMeters = parse.GetValue(RadiusM),
                MinDurationMinutes = parse.GetValue(MinDurationMin),
                MaxGapMinutes = parse.GetValue(MaxGapMin),
                MaxAccuracyMeters = parse.GetValue(MaxAccuracyM),
                SkmobSpatialRadiusKm = parse.GetValue(SkmobRadiusKm),
                SkmobMinutesForAStop = parse.GetValue(SkmobMinutes),
                SkmobNoDataForMinutes = parse.GetValue(SkmobNoData),
                SkmobLeavingTime = parse.GetValue(SkmobLeavingTime),
                TrackintelDistThresholdMeters = parse.GetValue(TiDist),
                TrackintelTimeThresholdMinutes = parse.GetValue(TiTime),
                TrackintelGapThresholdMinutes = parse.GetValue(TiGap),
                TrackintelIncludeLast = parse.GetValue(TiIncludeLast),
                MaxDegreeOfParallelism = threads,
            },
            Places = new PlaceOptions
            {
                Method = places,
                EpsMeters = parse.GetValue(EpsM),
                SkmobClusterRadiusKm = parse.GetValue(SkmobClusterKm),
                MinPoints = parse.GetValue(MinPoints),
                MaxDegreeOfParallelism = threads,
            },
            HomeWork = new HomeWorkOptions
            {
                Method = homes,
                NightStartHour = parse.GetValue(NightStart),
                NightEndHour = parse.GetValue(NightEnd),
                WorkStartHour = parse.GetValue(WorkStart),
                WorkEndHour = parse.GetValue(WorkEnd),
                MinWorkDays = parse.GetValue(MinWorkDays),
                MinHomeNights = parse.GetValue(MinHomeNights),
                PingEvidenceRadiusMeters = parse.GetValue(EvidenceRadiusM),
                FallbackWorkStayHours = parse.GetValue(FallbackWorkHours),
                MaxAccuracyMeters = parse.GetValue(MaxAccuracyM),
                MaxDegreeOfParallelism = threads,
            },
        };
    }

    /// <summary>Runs the pipeline; the pipeline itself takes no token, so cancellation is observed before and after it.</summary>
    public static MobilityRun Run(PingTable table, PipelineStage until, PipelineOptions options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        MobilityRun run;
        try
        {
            run = MobilityPipeline.Run(table, until, options);
        }
        catch (TimeZoneNotFoundException ex)
        {
            throw new CliFailure(ExitCodes.Usage, $"--timezone: '{options.TimeZone}' is not a known IANA time zone", ex);
        }
        catch (InvalidTimeZoneException ex)
        {
            throw new CliFailure(ExitCodes.Usage, $"--timezone: '{options.TimeZone}' is not a valid time zone", ex);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (run.Quality is QualityResult quality)
        {
            string checks = string.Join(", ", quality.Report.Checks.Where(c => c.Pings > 0).Select(c => $"{c.Name} {c.Pings:N0}{(c.Removed ? " removed" : "")}"));
            Console.Error.WriteLine($"adint: quality screen kept {quality.Report.CleanPings:N0} of {quality.Report.InputPings:N0} pings ({(checks.Length == 0 ? "no findings" : checks)})");
        }
        else
        {
            Console.Error.WriteLine("adint: compat method: rows used as loaded, without the quality screen");
        }

        Console.Error.WriteLine($"adint: local time: {run.LocalTime.Description}");
        return run;
    }

    public void Write(ParseResult parse, IReadOnlyList<OutputColumn> columns, string what)
    {
        string outPath = parse.GetValue(Out)!;
        try
        {
            TableOutput.Write(outPath, columns, parse.GetValue(Force));
        }
        catch (ArgumentException ex)
        {
            throw new CliFailure(ExitCodes.Usage, ex.Message.Split(" (Parameter", 2)[0], ex);
        }
        catch (OutputWriteException ex)
        {
            throw new CliFailure(ExitCodes.OutputFailed, $"{outPath}: {ex.Message}", ex);
        }

        Console.Error.WriteLine($"adint: wrote {outPath}: {(columns.Count == 0 ? 0 : columns[0].Count):N0} {what}");
    }

    public void CheckOutput(ParseResult parse)
    {
        try
        {
            TableConverter.FormatOfOutput(parse.GetValue(Out)!);
        }
        catch (ArgumentException ex)
        {
            throw new CliFailure(ExitCodes.Usage, ex.Message.Split(" (Parameter", 2)[0], ex);
        }

        if (!parse.GetValue(Force) && File.Exists(parse.GetValue(Out)))
        {
            throw new CliFailure(ExitCodes.OutputFailed, $"{parse.GetValue(Out)}: output exists; use --force to replace it");
        }
    }

    private static Option<double> Number(string name, string description, double defaultValue) =>
        new(name) { Description = description, DefaultValueFactory = _ => defaultValue };

    private static long? Instant(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }

        return TimestampUnits.TryParseIso(text, out long ms)
            ? ms
            : throw new CliFailure(ExitCodes.Usage, string.Create(CultureInfo.InvariantCulture, $"{option}: '{text}' is not an ISO-8601 timestamp"));
    }
}
