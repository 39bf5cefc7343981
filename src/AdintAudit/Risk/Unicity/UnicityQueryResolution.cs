namespace AdintAudit.Risk.Unicity;

/// <summary>
/// What a <see cref="UnicityQuery"/> needs at one resolution: the distinct points of the sampled devices (sorted, so
/// a point's id is its position), each sampled device's trace as point ids, and a hash lookup from point to id.
/// </summary>
internal sealed class UnicityQueryResolution(UnicityResolution resolution, UnicityPointKey[] points, int[] traceStart, int[] tracePoint)
{
    /// <summary>The resolution.</summary>
    public UnicityResolution Resolution { get; } = resolution;

    /// <summary>Bin width in milliseconds.</summary>
    public long BinMs { get; } = resolution.TimeBinMinutes * 60_000L;

    /// <summary>Distinct points of the sampled devices, ascending; a point's id is its index.</summary>
    public UnicityPointKey[] Points { get; } = points;

    /// <summary>Sample row r's points are <c>TracePoint[TraceStart[r]..TraceStart[r + 1]]</c>, ascending.</summary>
    public int[] TraceStart { get; } = traceStart;

    /// <summary>Point ids of every sampled device's trace.</summary>
    public int[] TracePoint { get; } = tracePoint;

    /// <summary>Point -> id.</summary>
    public UnicityPointLookup Lookup { get; } = new(points);
}
