namespace AdintAudit.Risk.Linkage;

/// <summary>Aggregate linkage figures (no device appears in them).</summary>
public sealed record LinkageSummary
{
    /// <summary>Devices in the stay table.</summary>
    public required int Devices { get; init; }

    /// <summary>Devices with at least one stay (the denominator of the co-location shares).</summary>
    public required int DevicesWithStays { get; init; }

    /// <summary>Co-location at <see cref="LinkageOptions.DistanceMeters"/>.</summary>
    public required CoLocationSummary CoLocated { get; init; }

    /// <summary>Co-location at <see cref="LinkageOptions.StrictDistanceMeters"/>.</summary>
    public required CoLocationSummary StrictlyCoLocated { get; init; }

    /// <summary>Shared inferred homes; null when no home/work table was given.</summary>
    public required SharedHomeSummary? SharedHomes { get; init; }

    /// <summary>Devices linked by co-location (at <see cref="LinkageOptions.DistanceMeters"/>) or in a shared-home group.</summary>
    public required int DevicesLinkedOrSharingHome { get; init; }

    /// <summary><see cref="DevicesLinkedOrSharingHome"/> / <see cref="Devices"/>, in [0, 1].</summary>
    public required double ShareLinkedOrSharingHome { get; init; }

    /// <summary>
    /// Whether the sweep stopped at <see cref="LinkageOptions.MaxComparisons"/> (many devices staying at one spot at
    /// once); then the co-location figures are lower bounds. False for ordinary data.
    /// </summary>
    public bool ComparisonLimitReached { get; init; }
}
