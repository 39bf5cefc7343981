namespace AdintAudit.Sites;

/// <summary>Options of <see cref="SiteExposureAnalyzer"/>.</summary>
public sealed record SiteExposureOptions
{
    /// <summary>
    /// Pings whose horizontal accuracy is worse (larger) than this many meters are not counted at any site. Default 100 m
    /// (ALGORITHMS.md §4).
    /// </summary>
    public double MaxAccuracyMeters { get; init; } = 100;

    /// <summary>
    /// Whether pings of unknown accuracy (NaN) count. Default true: bidstream data often carries no accuracy, and leaving
    /// those pings out would hide exactly the exposure the audit is for; the report states the rule.
    /// </summary>
    public bool IncludeUnknownAccuracy { get; init; } = true;

    /// <summary>
    /// A device is staff of a site when its inferred work location is at the site or at most this many meters outside it
    /// (outside the polygon's edges, or beyond a point site's radius). Default 50 m: work locations are stay centres,
    /// which sit a few tens of meters from where a building's pings fall.
    /// </summary>
    public double StaffToleranceMeters { get; init; } = 50;

    /// <summary>Most threads used; default <see cref="Environment.ProcessorCount"/>. Results do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}
