namespace AdintAudit.Sites;

/// <summary>What a dataset reveals about the visitors of one sensitive site. Aggregates only: no device ids.</summary>
public sealed record SiteExposure
{
    /// <summary>The site.</summary>
    public required SensitiveSite Site { get; init; }

    /// <summary>Distinct devices with at least one counted ping at the site.</summary>
    public required int Devices { get; init; }

    /// <summary>Counted pings at the site (accuracy-filtered).</summary>
    public required long Pings { get; init; }

    /// <summary>Distinct local calendar days with at least one counted ping at the site (over all devices).</summary>
    public required int Days { get; init; }

    /// <summary>
    /// Total duration in milliseconds of the stays whose centre lies at the site (all devices); null when no stays were
    /// given. A stay of one ping has zero duration.
    /// </summary>
    public required long? DwellMs { get; init; }

    /// <summary>At-site devices with an inferred home: those a buyer of the data can follow home.</summary>
    public required int FollowedHome { get; init; }

    /// <summary>Median haversine distance in meters from the followed-home devices' homes to the site's centroid; NaN when none.</summary>
    public required double MedianHomeDistanceMeters { get; init; }

    /// <summary>Followed-home devices whose home is at most 1 km from the site's centroid.</summary>
    public required int HomesWithin1Km { get; init; }

    /// <summary>Followed-home devices whose home is at most 5 km from the site's centroid.</summary>
    public required int HomesWithin5Km { get; init; }

    /// <summary>Home-to-centroid distances in meters of the followed-home devices, ascending (one per device, no ids).</summary>
    public required IReadOnlyList<double> HomeDistanceMeters { get; init; }

    /// <summary>
    /// Followed-home devices that are unique by their home/work pair (anonymity set size 1); null when no set sizes
    /// were given.
    /// </summary>
    public required int? UniqueByHomeWork { get; init; }

    /// <summary>Devices whose inferred work location is at the site (within <see cref="SiteExposureOptions.StaffToleranceMeters"/>).</summary>
    public required int Staff { get; init; }
}
