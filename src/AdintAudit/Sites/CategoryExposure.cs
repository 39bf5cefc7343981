namespace AdintAudit.Sites;

/// <summary>Exposure totals of one site category. A device at several sites of the category counts once.</summary>
public sealed record CategoryExposure
{
    /// <summary>The category, as written in the site file.</summary>
    public required string Category { get; init; }

    /// <summary>Sites of the category.</summary>
    public required int Sites { get; init; }

    /// <summary>Sites of the category with at least one device.</summary>
    public required int SitesVisited { get; init; }

    /// <summary>Distinct devices at any site of the category.</summary>
    public required int Devices { get; init; }

    /// <summary>Counted pings at sites of the category (a ping at two overlapping sites counts for each).</summary>
    public required long Pings { get; init; }

    /// <summary>Distinct devices at any site of the category that have an inferred home.</summary>
    public required int FollowedHome { get; init; }

    /// <summary>Distinct devices whose work is at a site of the category.</summary>
    public required int Staff { get; init; }
}
