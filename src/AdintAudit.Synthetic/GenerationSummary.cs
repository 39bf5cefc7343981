namespace AdintAudit.Synthetic;

/// <summary>What a generation run produced.</summary>
public sealed record GenerationSummary
{
    /// <summary>The folder holding the dataset.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Rows of <c>pings.parquet</c>.</summary>
    public required long Pings { get; init; }

    /// <summary>Rows of <c>truth_devices.parquet</c>: every identifier (advertising IDs, successors, IDFVs, ephemeral IDs).</summary>
    public required long Identifiers { get; init; }

    /// <summary>Persistent physical devices.</summary>
    public required long PersistentDevices { get; init; }

    /// <summary>Ephemeral bidstream IDs.</summary>
    public required long EphemeralIds { get; init; }

    /// <summary>Persons.</summary>
    public required long Persons { get; init; }

    /// <summary>Rows written under the zeroed IDFA.</summary>
    public required long ZeroedIdfaRows { get; init; }

    /// <summary>Rows of <c>truth_visits.parquet</c>.</summary>
    public required long Visits { get; init; }

    /// <summary>Rows of <c>pois.parquet</c>.</summary>
    public required long Pois { get; init; }

    /// <summary>Features of <c>sites.geojson</c>.</summary>
    public required long SensitiveSites { get; init; }

    /// <summary>Wall time of the run.</summary>
    public TimeSpan Elapsed { get; init; }
}
