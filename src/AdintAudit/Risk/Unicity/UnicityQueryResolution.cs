namespace AdintAudit.Risk.Unicity;

/// <summary>
/// What a <see cref="UnicityQuery"/> needs at one resolution: the distinct points of the sampled devices (sorted, so
/// a point's id is its position), and each sampled device's trace as point ids.
/// </summary>
internal sealed class UnicityQueryResolution(UnicityResolution resolution, UnicityPointKey[] points, int[] traceStart, int[] tracePoint)
{
    /// <summary>The resolution.</summary>
    public UnicityResolution Resolution { get; } = resolution;

    /// <summary>Distinct points of the sampled devices, ascending; a point's id is its index.</summary>
    public UnicityPointKey[] Points { get; } = points;

    /// <summary>Sample row r's points are <c>TracePoint[TraceStart[r]..TraceStart[r + 1]]</c>, ascending.</summary>
    public int[] TraceStart { get; } = traceStart;

    /// <summary>Point ids of every sampled device's trace.</summary>
    public int[] TracePoint { get; } = tracePoint;
}
