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

    /// <summary>
    /// Merges the partitions' traces (options already validated): each sampled device's row, the distinct points sorted
    /// (their ids), each trace as point ids, and the cell groups.
    /// </summary>
    /// <exception cref="ArgumentException">The parts were collected with other options or device count, or do not hold every sampled device exactly once.</exception>
    internal static UnicityQuery Merge(IReadOnlyList<UnicityTraces> parts, int globalDeviceCount, UnicityOptions used, int[] sample)
    {
        var rowPart = new int[sample.Length];
        var rowIndex = new int[sample.Length];
        rowPart.AsSpan().Fill(-1);
        for (int k = 0; k < parts.Count; k++)
        {
            UnicityTraces part = parts[k];
            ArgumentNullException.ThrowIfNull(part, nameof(parts));
            if (part.GlobalDeviceCount != globalDeviceCount || part.Options.Seed != used.Seed || part.Options.MaxDevices != used.MaxDevices
                || !part.Options.Resolutions.SequenceEqual(used.Resolutions))
            {
                throw new ArgumentException("the traces were collected with other options or another device count", nameof(parts));
            }

            for (int i = 0; i < part.Devices.Length; i++)
            {
                int row = Array.BinarySearch(sample, part.Devices[i]);
                if (row < 0 || rowPart[row] >= 0)
                {
                    throw new ArgumentException("two parts hold the same device, or a part holds a device outside the sample", nameof(parts));
                }

                rowPart[row] = k;
                rowIndex[row] = i;
            }
        }

        if (Array.IndexOf(rowPart, -1) >= 0)
        {
            throw new ArgumentException("no part holds some sampled devices: pass the traces of every partition", nameof(parts));
        }

        var resolutions = new UnicityQueryResolution[used.Resolutions.Count];
        for (int r = 0; r < resolutions.Length; r++)
        {
            int[] traceStart = new int[sample.Length + 1];
            for (int row = 0; row < sample.Length; row++)
            {
                int[] partStart = parts[rowPart[row]].TraceStart[r];
                traceStart[row + 1] = traceStart[row] + partStart[rowIndex[row] + 1] - partStart[rowIndex[row]];
            }

            var entries = new UnicityPointKey[traceStart[^1]];
            for (int row = 0; row < sample.Length; row++)
            {
                UnicityTraces part = parts[rowPart[row]];
                int from = part.TraceStart[r][rowIndex[row]];
                part.Points[r].AsSpan(from, traceStart[row + 1] - traceStart[row]).CopyTo(entries.AsSpan(traceStart[row]));
            }

            UnicityPointKey[] points = UnicityPointKey.SortedDistinct([.. entries]);
            var resolution = new UnicityQueryResolution(used.Resolutions[r], points, traceStart, new int[entries.Length]);
            for (int e = 0; e < entries.Length; e++)
            {
                resolution.TracePoint[e] = Array.BinarySearch(points, entries[e]);
            }

            resolutions[r] = resolution;
        }

        return new UnicityQuery(used, globalDeviceCount, sample, resolutions, GroupCells(used.Resolutions, resolutions));
    }

    /// <summary>The query's cell groups: per cell size, its resolutions' points indexed by cell.</summary>
    private static UnicityCellGroup[] GroupCells(IReadOnlyList<UnicityResolution> options, UnicityQueryResolution[] resolutions) =>
        [.. UnicityTraceCollector.CellSizes(options).Select(size => new UnicityCellGroup(size.CellMeters, size.Resolutions, resolutions))];
}
