namespace AdintAudit.Risk.Unicity;

/// <summary>
/// One partition's share of the unicity sample: the distinct points, at every resolution, of the sampled devices the
/// partition holds. From <see cref="UnicityEstimator.CollectTraces"/>; merged by <see cref="UnicityEstimator.PrepareQuery"/>.
/// </summary>
/// <remarks>16 bytes per distinct (device, point) of a sampled device, per resolution; nothing for other devices.</remarks>
public sealed class UnicityTraces
{
    internal UnicityTraces(UnicityOptions options, int globalDeviceCount, int[] devices, int[][] traceStart, UnicityPointKey[][] points)
    {
        Options = options;
        GlobalDeviceCount = globalDeviceCount;
        Devices = devices;
        TraceStart = traceStart;
        Points = points;
    }

    /// <summary>The options the traces were collected with (validated, points sorted and deduplicated).</summary>
    public UnicityOptions Options { get; }

    /// <summary>Devices of the whole dataset (the sample is drawn among them).</summary>
    public int GlobalDeviceCount { get; }

    /// <summary>Sampled devices held by this partition.</summary>
    public int SampledDeviceCount => Devices.Length;

    /// <summary>Distinct (device, point) pairs held, summed over the resolutions.</summary>
    public long TracePointCount => Points.Sum(points => (long)points.Length);

    /// <summary>Global indices of the sampled devices held, ascending.</summary>
    internal int[] Devices { get; }

    /// <summary>Per resolution: device i's points are <c>Points[r][TraceStart[r][i]..TraceStart[r][i + 1]]</c>.</summary>
    internal int[][] TraceStart { get; }

    /// <summary>Per resolution: every held device's distinct points, ascending within a device.</summary>
    internal UnicityPointKey[][] Points { get; }
}
