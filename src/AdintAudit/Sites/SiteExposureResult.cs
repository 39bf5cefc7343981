namespace AdintAudit.Sites;

/// <summary>The result of <see cref="SiteExposureAnalyzer"/>.Compute: one entry per site and totals per category.</summary>
public sealed record SiteExposureResult
{
    /// <summary>One entry per site, in catalog order.</summary>
    public required IReadOnlyList<SiteExposure> Sites { get; init; }

    /// <summary>Totals per category, in ordinal order of the category name.</summary>
    public required IReadOnlyList<CategoryExposure> Categories { get; init; }

    /// <summary>Pings that passed the accuracy filter (the ones tested against the sites).</summary>
    public required long PingsCounted { get; init; }

    /// <summary>Pings at one site or more.</summary>
    public required long PingsAtAnySite { get; init; }

    /// <summary>Distinct devices at one site or more.</summary>
    public required int DevicesAtAnySite { get; init; }

    /// <summary>Distinct devices at one site or more that have an inferred home.</summary>
    public required int FollowedHomeAtAnySite { get; init; }

    /// <summary>The options used.</summary>
    public required SiteExposureOptions Options { get; init; }
}
