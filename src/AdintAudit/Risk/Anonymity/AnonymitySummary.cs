namespace AdintAudit.Risk.Anonymity;

/// <summary>
/// Distribution of anonymity-set sizes over records (devices), where records with equal keys (for example the same
/// home cell and work cell) form one class and a record's set size is the size of its class.
/// </summary>
/// <remarks>All shares are in [0, 1]; with no records every figure is 0 and the histogram is empty.</remarks>
public sealed record AnonymitySummary
{
    /// <summary>Grid cell edge in meters the keys were built at (NaN when the keys are not cells).</summary>
    public required double CellMeters { get; init; }

    /// <summary>Records (devices) counted: those that have a key.</summary>
    public required int Devices { get; init; }

    /// <summary>Distinct keys (equivalence classes) among the records.</summary>
    public required int Classes { get; init; }

    /// <summary>Set size → number of devices with that set size, by increasing set size; the counts add up to <see cref="Devices"/>.</summary>
    public required IReadOnlyList<SetSizeCount> SetSizeHistogram { get; init; }

    /// <summary>Median set size over devices (the mean of the two middle values for an even count).</summary>
    public required double MedianSetSize { get; init; }

    /// <summary>Share of devices alone in their set (set size 1): sample uniques.</summary>
    public required double ShareUnique { get; init; }

    /// <summary>Share of devices whose set holds fewer than <see cref="AnonymityOptions.SmallSetThreshold"/> devices.</summary>
    public required double ShareBelowK { get; init; }

    /// <summary>k used for <see cref="ShareBelowK"/>.</summary>
    public required int SmallSetThreshold { get; init; }

    /// <summary>ARX prosecutor figures.</summary>
    public required ProsecutorRisk Prosecutor { get; init; }
}
