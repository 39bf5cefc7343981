namespace AdintAudit.Risk.Linkage;

/// <summary>Parameters of <see cref="CoLocationLinkage.Find"/>.</summary>
public sealed record LinkageOptions
{
    /// <summary>
    /// Two stays are co-located when their centres are closer than this, in meters. Default 15 m (ALGORITHMS.md §4):
    /// about twice the median GPS error, so two phones on one table or in one flat usually qualify while neighbours in
    /// the next building usually do not. Must be positive and finite.
    /// </summary>
    public double DistanceMeters { get; init; } = 15;

    /// <summary>
    /// The strict variant of <see cref="DistanceMeters"/>, in meters. Default 5 m: centres this close are very rarely
    /// chance (stay centres are medians of many pings, so their error is well below a single ping's). Positive and at
    /// most <see cref="DistanceMeters"/>.
    /// </summary>
    public double StrictDistanceMeters { get; init; } = 5;

    /// <summary>
    /// Minimum time overlap of two stays, in minutes, for them to count as together. Default 5 min: a stay's start and end
    /// are its first and last ping inside the radius, so bounds are only as precise as the ping spacing, and an overlap of
    /// a minute or two is as often a hand-over (one leaves the table as the other sits down, shift change at a desk) as
    /// co-presence; 5 min is still far below the 20 min minimum stay, so real meetings are kept. 0 counts stays that
    /// merely touch (closed intervals), which also links zero-length stays at the same instant. Must be ≥ 0 and finite.
    /// </summary>
    public double MinOverlapMinutes { get; init; } = 5;

    /// <summary>
    /// Devices whose inferred homes are at most this far apart, in meters, share a home (groups formed transitively).
    /// Default 50 m: a home is a place centre built from many stays, so two devices of one household land within the
    /// GPS/Wi-Fi error of 8–30 m of each other; 50 m covers that with margin. In dense housing it also joins the
    /// residents of one building, so a "shared home" means one household or one building. Must be ≥ 0 and finite.
    /// </summary>
    public double SharedHomeMeters { get; init; } = 50;

    /// <summary>
    /// A linked pair is "repeated" (household, second device, ID reset rather than chance) when it is co-located on at
    /// least this many distinct UTC days (the day of each overlap's start). Default 2. At least 1.
    /// </summary>
    public int RepeatedMinDays { get; init; } = 2;

    /// <summary>
    /// Most distance evaluations of the sweep (stays of different devices, open at the same time in neighbouring cells).
    /// Default 200,000,000 (seconds of work): ordinary data needs about one per pair of overlapping nearby stays, far
    /// fewer, while thousands of devices staying at one spot at once make them grow with the square of the devices. When the bound
    /// is hit the sweep stops, <see cref="LinkageSummary.ComparisonLimitReached"/> is true and every co-location figure
    /// is a lower bound. At least 1.
    /// </summary>
    public long MaxComparisons { get; init; } = 200_000_000;

    /// <summary>Minimum overlap in milliseconds.</summary>
    internal long MinOverlapMs => (long)Math.Round(MinOverlapMinutes * 60_000.0);

    /// <summary>Checks every value; throws <see cref="ArgumentOutOfRangeException"/> naming the first bad one.</summary>
    internal void Validate()
    {
        if (!(DistanceMeters > 0) || double.IsInfinity(DistanceMeters))
        {
            throw new ArgumentOutOfRangeException(nameof(DistanceMeters), DistanceMeters, "the distance must be positive and finite");
        }

        if (!(StrictDistanceMeters > 0) || StrictDistanceMeters > DistanceMeters)
        {
            throw new ArgumentOutOfRangeException(nameof(StrictDistanceMeters), StrictDistanceMeters, "the strict distance must be positive and at most DistanceMeters");
        }

        if (!(MinOverlapMinutes >= 0) || MinOverlapMinutes > 1e9)
        {
            throw new ArgumentOutOfRangeException(nameof(MinOverlapMinutes), MinOverlapMinutes, "the minimum overlap must be ≥ 0 and finite");
        }

        if (!(SharedHomeMeters >= 0) || double.IsInfinity(SharedHomeMeters))
        {
            throw new ArgumentOutOfRangeException(nameof(SharedHomeMeters), SharedHomeMeters, "the shared-home distance must be ≥ 0 and finite");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(RepeatedMinDays, 1, nameof(RepeatedMinDays));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxComparisons, 1, nameof(MaxComparisons));
    }
}
