using AdintAudit.Data;
using AdintAudit.Quality;

namespace AdintAudit.Mobility;

/// <summary>Every setting of the stages from pings to home and work, each stage's defaults in its own record.</summary>
public sealed record PipelineOptions
{
    /// <summary>The quality screen (used by the default methods only).</summary>
    public QualityOptions Quality { get; init; } = new();

    /// <summary>Stay detection.</summary>
    public StayOptions Stays { get; init; } = new();

    /// <summary>Place clustering.</summary>
    public PlaceOptions Places { get; init; } = new();

    /// <summary>Home and work inference.</summary>
    public HomeWorkOptions HomeWork { get; init; } = new();

    /// <summary>IANA time zone for local time; null for the fixed offset from the median longitude.</summary>
    public string? TimeZone { get; init; }

    /// <summary>
    /// Whether the default methods run the quality screen first (default true). False for input that was already
    /// screened and then deliberately transformed (the mitigation what-ifs): rounding coordinates to 3 decimals must
    /// not make every ping look IP-derived.
    /// </summary>
    public bool ScreenQuality { get; init; } = true;
}

/// <summary>What <see cref="MobilityPipeline"/> computed; stages not run are null.</summary>
public sealed class MobilityRun
{
    internal MobilityRun(PingTable input, QualityResult? quality, PingTable used, LocalTime localTime)
    {
        Input = input;
        Quality = quality;
        Used = used;
        LocalTime = localTime;
    }

    /// <summary>The table as loaded.</summary>
    public PingTable Input { get; }

    /// <summary>
    /// The quality screen's result, when a default method ran (compat methods see the input uncleaned). For one partition
    /// of a dataset its report covers that partition; <see cref="QualityScreen.MergeReports"/> of every partition's
    /// <see cref="QualityResult.Partial"/> gives the dataset's.
    /// </summary>
    public QualityResult? Quality { get; }

    /// <summary>The table the stages used: cleaned for the default methods, as loaded for the compat methods.</summary>
    public PingTable Used { get; }

    /// <summary>The local clock used.</summary>
    public LocalTime LocalTime { get; }

    /// <summary>The stays, when computed.</summary>
    public StayTable? Stays { get; internal set; }

    /// <summary>The places, when computed.</summary>
    public PlaceTable? Places { get; internal set; }

    /// <summary>Home and work, when computed.</summary>
    public HomeWorkTable? Homes { get; internal set; }
}

/// <summary>Which stages to run.</summary>
public enum PipelineStage
{
    /// <summary>Quality screen and stays.</summary>
    Stays,

    /// <summary>Up to places.</summary>
    Places,

    /// <summary>Up to home and work.</summary>
    Homes,
}

/// <summary>
/// Runs the stages in order: the quality screen (when the stays method is <see cref="StayMethod.Adtech"/> or home/work
/// is the default: compat methods see all rows as loaded, ALGORITHMS.md), stays, places, home and work.
/// </summary>
public static class MobilityPipeline
{
    /// <summary>Runs the stages up to <paramref name="until"/>, deriving the quality facts and the local clock from <paramref name="input"/>.</summary>
    /// <param name="input">The pings as loaded.</param>
    /// <param name="until">The last stage to run.</param>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <returns>The outputs.</returns>
    /// <exception cref="TimeZoneNotFoundException"><see cref="PipelineOptions.TimeZone"/> is unknown.</exception>
    public static MobilityRun Run(PingTable input, PipelineStage until, PipelineOptions? options = null) =>
        Run(input, until, options, null, null);

    /// <summary>
    /// Runs the stages up to <paramref name="until"/> on one partition of the devices, with the dataset-wide quality facts
    /// and local clock; nothing dataset-wide is recomputed from <paramref name="input"/> when they are given.
    /// </summary>
    /// <param name="input">The pings as loaded: the whole dataset, or every row of some of its devices.</param>
    /// <param name="until">The last stage to run.</param>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <param name="facts">
    /// The merged facts of all partitions (<see cref="QualityScreen.Facts"/>); null to derive them from
    /// <paramref name="input"/>. Ignored when the settings run no quality screen.
    /// </param>
    /// <param name="localTime">
    /// The clock of the whole dataset (<see cref="LocalClock"/> of all scans for the default methods; for the compat
    /// methods, which see every row, the clock of all rows); null to derive it from <paramref name="input"/>.
    /// </param>
    /// <param name="globalDevice">
    /// Each local device's index among all devices of the dataset, for the order of the quality report's examples; empty
    /// when <paramref name="input"/> is the whole dataset.
    /// </param>
    /// <returns>The outputs; device numbers are those of <paramref name="input"/>.</returns>
    /// <exception cref="TimeZoneNotFoundException"><see cref="PipelineOptions.TimeZone"/> is unknown.</exception>
    public static MobilityRun Run(PingTable input, PipelineStage until, PipelineOptions? options, QualityFacts? facts, LocalTime? localTime,
        ReadOnlySpan<int> globalDevice = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= new PipelineOptions();
        bool skmobHomes = until == PipelineStage.Homes && options.HomeWork.Method == HomeWorkMethod.Skmob;
        bool clean = options.ScreenQuality && !skmobHomes && options.Stays.Method == StayMethod.Adtech;
        QualityResult? quality = null;
        LocalTime? local = localTime;
        if (clean && facts is null)
        {
            (quality, QualityScan scan) = QualityScreen.ScreenWhole(input, options.Quality);
            local ??= LocalClock([scan], options.TimeZone);
        }
        else if (clean)
        {
            // facts is not null here (the branch above took the null case).
            quality = QualityScreen.Screen(input, options.Quality, facts!, globalDevice);
        }

        PingTable used = quality?.Clean ?? input;
        local ??= options.TimeZone is string zone
            ? LocalTime.FromTimeZone(zone, MinTime(used), MaxTime(used))
            : LocalTime.FromMedianLongitude(used);
        var run = new MobilityRun(input, quality, used, local);
        ReadOnlySpan<bool> excluded = quality is null ? default : quality.IpLike;
        if (skmobHomes)
        {
            run.Homes = HomeWorkInference.Infer(used, null, null, options.HomeWork, local);
            return run;
        }

        run.Stays = StayDetector.Detect(used, options.Stays, excluded, local);
        if (until == PipelineStage.Stays)
        {
            return run;
        }

        run.Places = PlaceClusterer.Cluster(run.Stays, options.Places);
        if (until == PipelineStage.Places)
        {
            return run;
        }

        run.Homes = HomeWorkInference.Infer(used, run.Stays, run.Places, options.HomeWork, local, excluded);
        return run;
    }

    /// <summary>
    /// Returns the local clock of the default methods from the scans of all partitions: the IANA zone
    /// <paramref name="timeZone"/> with offsets cached over the kept pings' time range, or the fixed offset from the kept
    /// pings' median longitude (<see cref="LongitudeHistogram.ToLocalTime"/>; UTC when no ping was kept). One scan of a
    /// whole table gives what the table's own run uses.
    /// </summary>
    /// <param name="scans">One scan per partition (any order).</param>
    /// <param name="timeZone">IANA time zone (<see cref="PipelineOptions.TimeZone"/>); null for the fixed offset.</param>
    /// <returns>The clock.</returns>
    /// <exception cref="TimeZoneNotFoundException"><paramref name="timeZone"/> is unknown.</exception>
    public static LocalTime LocalClock(IReadOnlyList<QualityScan> scans, string? timeZone)
    {
        ArgumentNullException.ThrowIfNull(scans);
        long kept = 0;
        long min = long.MaxValue;
        long max = long.MinValue;
        foreach (QualityScan scan in scans)
        {
            kept += scan.KeptPings;
            min = Math.Min(min, scan.MinKeptTimeMs);
            max = Math.Max(max, scan.MaxKeptTimeMs);
        }

        if (timeZone is not null)
        {
            return LocalTime.FromTimeZone(timeZone, min, max);
        }

        if (kept == 0)
        {
            return LocalTime.Utc;
        }

        if (scans.Count == 1)
        {
            return scans[0].KeptLongitudes.ToLocalTime();
        }

        var longitudes = new LongitudeHistogram();
        foreach (QualityScan scan in scans)
        {
            longitudes.Merge(scan.KeptLongitudes);
        }

        return longitudes.ToLocalTime();
    }

    private static long MinTime(PingTable table)
    {
        long min = long.MaxValue;
        foreach (long t in table.TimeMs)
        {
            min = Math.Min(min, t);
        }

        return min;
    }

    private static long MaxTime(PingTable table)
    {
        long max = long.MinValue;
        foreach (long t in table.TimeMs)
        {
            max = Math.Max(max, t);
        }

        return max;
    }
}
