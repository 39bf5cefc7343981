namespace AdintAudit.Risk.Unicity;

/// <summary>Parameters of <see cref="UnicityEstimator"/>. Defaults follow de Montjoye et al. (2013) where they apply.</summary>
public sealed record UnicityOptions
{
    /// <summary>
    /// The numbers of known points p to report (each &gt;= 1, at most 16). Default 1..6: de Montjoye et al. report
    /// p = 2..5, and p = 1 ("has a point nobody else has") and p = 6 frame the curve.
    /// </summary>
    public IReadOnlyList<int> Points { get; init; } = [1, 2, 3, 4, 5, 6];

    /// <summary>
    /// The resolutions to evaluate. Default (250 m, 60 min), (1000 m, 60 min), (5000 m, 60 min), (1000 m, 240 min):
    /// 250 m is about a city block (what a precise SDK ping reveals), 1 km a neighbourhood, 5 km roughly the antenna
    /// scale of de Montjoye's phone data, all at the hourly bins of that study; (1 km, 4 h) shows how much temporal
    /// coarsening alone buys at the middle spatial scale.
    /// </summary>
    public IReadOnlyList<UnicityResolution> Resolutions { get; init; } =
        [new(250, 60), new(1000, 60), new(5000, 60), new(1000, 240)];

    /// <summary>
    /// Random p-subsets drawn per device for the expectation (&gt;= 1). Default 20: the interval over devices is then
    /// dominated by device-to-device variation, not by draw noise. When a device has at most this many p-subsets in all,
    /// every subset is evaluated once instead, which gives that device's exact share.
    /// </summary>
    public int DrawsPerDevice { get; init; } = 20;

    /// <summary>
    /// Most devices evaluated (&gt;= 1). Default 10,000, which puts the 95 % interval of a share within about ±1 point.
    /// When the dataset has more devices a uniform sample of this size is drawn with <see cref="Seed"/>; otherwise every
    /// device is evaluated. Uniqueness is always judged against ALL devices.
    /// </summary>
    public int MaxDevices { get; init; } = 10_000;

    /// <summary>Seed of the device sample and of every device's draws (default 1). Same seed and input, same result.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Coverage of the interval around each expectation, in (0, 1). Default 0.95.</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>
    /// Most posting-list intersections spent per device and resolution on the worst-case search (&gt;= 1). Default
    /// 20,000. The search also stops after 64 times as many list elements (each intersection charged its shorter list),
    /// which only matters when the lists hold more than 64 devices: it keeps the work per device constant when every
    /// point is shared by very many devices. A device whose search runs out before deciding p counts as not unique at p
    /// and is reported in <see cref="UnicityPoint.WorstCaseLowerBoundDevices"/>.
    /// </summary>
    public long MaxInstancesPerDevice { get; init; } = 20_000;

    /// <summary>Threads to use (&gt;= 1); results do not depend on it. Default: all cores.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}
