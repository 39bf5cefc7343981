namespace AdintAudit.Risk.Unicity;

/// <summary>
/// The sampled devices' traces merged over all partitions: which points (grid cell, time bin) the estimate needs the
/// posting lists of, at every resolution. From <see cref="UnicityEstimator.PrepareQuery"/>; read-only, so partitions can
/// run <see cref="UnicityEstimator.CollectPostings"/> against it in parallel.
/// </summary>
/// <remarks>
/// Memory: per resolution 4 bytes per sampled (device, point) and about 56 bytes per distinct point (key, id, hash
/// slots); nothing for devices outside the sample.
/// </remarks>
public sealed class UnicityQuery
{
    internal UnicityQuery(UnicityOptions options, int totalDevices, int[] sample, UnicityQueryResolution[] resolutions, UnicityCellGroup[] cellGroups)
    {
        Options = options;
        TotalDevices = totalDevices;
        Sample = sample;
        Resolutions = resolutions;
        CellGroups = cellGroups;
    }

    /// <summary>The options used (validated, points sorted and deduplicated).</summary>
    public UnicityOptions Options { get; }

    /// <summary>Devices of the whole dataset.</summary>
    public int TotalDevices { get; }

    /// <summary>Devices evaluated (all of them, or a seeded sample of <see cref="UnicityOptions.MaxDevices"/>).</summary>
    public int SampledDevices => Sample.Length;

    /// <summary>Distinct points whose posting lists are needed, summed over the resolutions.</summary>
    public long PointCount => Resolutions.Sum(resolution => (long)resolution.Points.Length);

    /// <summary>Global indices of the sampled devices, ascending: row r of every trace is device <c>Sample[r]</c>.</summary>
    internal int[] Sample { get; }

    /// <summary>One entry per resolution of <see cref="Options"/>, in its order.</summary>
    internal UnicityQueryResolution[] Resolutions { get; }

    /// <summary>The resolutions grouped by cell size, in order of first appearance.</summary>
    internal UnicityCellGroup[] CellGroups { get; }
}
