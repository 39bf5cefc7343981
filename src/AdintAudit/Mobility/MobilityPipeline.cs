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

    /// <summary>The quality screen's result, when a default method ran (compat methods see the input uncleaned).</summary>
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
    /// <summary>Runs the stages up to <paramref name="until"/>.</summary>
    /// <param name="input">The pings as loaded.</param>
    /// <param name="until">The last stage to run.</param>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <returns>The outputs.</returns>
    /// <exception cref="TimeZoneNotFoundException"><see cref="PipelineOptions.TimeZone"/> is unknown.</exception>
    public static MobilityRun Run(PingTable input, PipelineStage until, PipelineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= new PipelineOptions();
        bool skmobHomes = until == PipelineStage.Homes && options.HomeWork.Method == HomeWorkMethod.Skmob;
        bool clean = options.ScreenQuality && !skmobHomes && options.Stays.Method == StayMethod.Adtech;
        QualityResult? quality = clean ? QualityScreen.Screen(input, options.Quality) : null;
        PingTable used = quality?.Clean ?? input;
        LocalTime local = options.TimeZone is string zone
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
