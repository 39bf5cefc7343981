namespace AdintAudit.Risk.Anonymity;

/// <summary>Home/work pair anonymity at several cell sizes (<see cref="HomeWorkAnonymity.Compute"/>).</summary>
public sealed class HomeWorkAnonymityResult
{
    private readonly int[][] _deviceSetSizes;

    internal HomeWorkAnonymityResult(AnonymitySummary[] summaries, int[][] deviceSetSizes)
    {
        Summaries = summaries;
        _deviceSetSizes = deviceSetSizes;
    }

    /// <summary>One summary per cell size, in the order of <see cref="AnonymityOptions.CellMeters"/>.</summary>
    public IReadOnlyList<AnonymitySummary> Summaries { get; }

    /// <summary>
    /// Returns each device's home/work anonymity-set size at one cell size, in device order: the number of devices
    /// (itself included) with the same home cell and work cell; 0 for a device without both a home and a work place.
    /// </summary>
    /// <param name="index">Index into <see cref="Summaries"/> (the cell size).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not an index of <see cref="Summaries"/>.</exception>
    public ReadOnlySpan<int> DeviceSetSizes(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _deviceSetSizes.Length);
        return _deviceSetSizes[index];
    }
}
