using System.Globalization;
using AdintAudit.Data;

namespace AdintAudit.Risk.Unicity;

/// <summary>
/// Estimates unicity (de Montjoye et al. 2013): the share of devices singled out by p points of their own trace,
/// coarsened to (grid cell, time bin), for several p and resolutions.
/// </summary>
/// <remarks>
/// <para>
/// A device's trace at a resolution is the set of its DISTINCT points (<see cref="Geo.GridCell"/> key at
/// <see cref="UnicityResolution.CellMeters"/>, floor(UTC ms / bin)). An inverted index maps each point to the ascending
/// list of devices holding it. A subset of a device's points is unique when the intersection of their lists is the
/// device alone; lists are intersected smallest first and stop as soon as only the device is left.
/// </para>
/// <para>
/// Expected (ε_p): for each evaluated device with at least p points, the share of unique subsets among
/// <see cref="UnicityOptions.DrawsPerDevice"/> uniform random p-subsets (or among all of them, exactly, when there are
/// no more than that); ε_p is the mean over those devices and the interval is mean ± z·s/√m over the m per-device
/// shares (normal approximation, which covers both device sampling and draw noise).
/// </para>
/// <para>
/// Worst case: the share of those devices for which SOME p-subset is unique. Each device's smallest unique subset is
/// searched by increasing size k = 1, 2, … up to the largest p: k = 1 is "its rarest point has one device"; for larger k
/// a depth-first walk over k-subsets of its points, sorted rarest first, keeps the intersection of the chosen points'
/// device lists and stops at the first subset that leaves the device alone. A point that does not shrink the
/// intersection is skipped, because a unique k-subset through it would leave a unique (k − 1)-subset without it, which
/// the previous size ruled out. Uniqueness is monotone (a superset of a unique subset is unique), so the device counts
/// as unique at every p from the size found. A device whose search spends <see cref="UnicityOptions.MaxInstancesPerDevice"/>
/// intersections before deciding p counts as not unique there and is reported in
/// <see cref="UnicityPoint.WorstCaseLowerBoundDevices"/>, so the share is then a lower bound. A device proven not unique
/// at p gets an expected share of 0 without draws (every draw would fail).
/// </para>
/// <para>
/// Determinism: the device sample and each device's draws come from SplitMix64 streams derived from
/// (<see cref="UnicityOptions.Seed"/>, cell size, bin width, device number, p), and shares are summed in device order,
/// so the result is identical for any thread count, and a resolution's curve does not depend on the other resolutions.
/// </para>
/// <para>
/// Partitions: the estimate only reads the traces of the sampled devices and the device lists of the points in them, so
/// it is gathered partition by partition (devices split among partitions, each a <see cref="PingTable"/> with a local ->
/// global device map): <see cref="CollectTraces"/> per partition, <see cref="PrepareQuery"/> to merge the sampled traces
/// into the set of needed points, <see cref="CollectPostings"/> per partition, then
/// <see cref="Estimate(UnicityQuery, IReadOnlyList{UnicityPostings}, IProgress{long}?, CancellationToken)"/> to merge the
/// lists (sorted by global device) and evaluate. Points are absolute (bin, cell) keys numbered in sorted order, so the
/// result is the same for any partitioning; <see cref="Estimate(PingTable, UnicityOptions?, IProgress{long}?, CancellationToken)"/>
/// is this path with one partition. Memory: the sampled traces (16 bytes per device-point) and 4 bytes per posting of a
/// needed point; nothing per ping.
/// </para>
/// </remarks>
public static class UnicityEstimator
{
    private const int MaxPoints = 16;
    private const ulong SampleStream = 0x5A3D_1E55UL;
    private const int ProgressStep = 256;

    /// <summary>Estimates the unicity curves of a table.</summary>
    /// <param name="pings">The pings (usually the cleaned table).</param>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <param name="cancellationToken">Checked between devices.</param>
    /// <returns>One curve per resolution.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (see <see cref="UnicityOptions"/>).</exception>
    /// <exception cref="InputFormatException">A ping has a non-finite coordinate.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static UnicityResult Estimate(PingTable pings, UnicityOptions? options = null, CancellationToken cancellationToken = default) =>
        Estimate(pings, options, null, cancellationToken);

    /// <summary>Estimates the unicity curves of a table, reporting progress.</summary>
    /// <param name="pings">The pings (usually the cleaned table).</param>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <param name="progress">
    /// Receives the number of device evaluations done, counted over all resolutions (the total is
    /// <see cref="UnicityResult.SampledDevices"/> × the number of resolutions); reported every 256 devices and at the
    /// end of each resolution, from worker threads. Null for none.
    /// </param>
    /// <param name="cancellationToken">Checked between devices.</param>
    /// <returns>One curve per resolution.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (see <see cref="UnicityOptions"/>).</exception>
    /// <exception cref="InputFormatException">A ping has a non-finite coordinate.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    /// <remarks>
    /// The table is one partition of itself: <see cref="CollectTraces"/>, <see cref="PrepareQuery"/>,
    /// <see cref="CollectPostings"/> and <see cref="Estimate(UnicityQuery, IReadOnlyList{UnicityPostings}, IProgress{long}?, CancellationToken)"/>
    /// with the identity device map, the same code path as a partitioned audit.
    /// </remarks>
    public static UnicityResult Estimate(PingTable pings, UnicityOptions? options, IProgress<long>? progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pings);
        UnicityOptions used = options ?? new UnicityOptions();
        int[] identity = new int[pings.DeviceCount];
        for (int d = 0; d < identity.Length; d++)
        {
            identity[d] = d;
        }

        UnicityTraces traces = CollectTraces(pings, identity, pings.DeviceCount, used, cancellationToken);
        UnicityQuery query = PrepareQuery([traces], pings.DeviceCount, used);
        UnicityPostings postings = CollectPostings(pings, identity, query, cancellationToken);
        return Estimate(query, [postings], progress, cancellationToken);
    }

    /// <summary>
    /// Collects, from one partition, the distinct points at every resolution of the sampled devices it holds (the sample
    /// is drawn by global device index, so every partition agrees on it).
    /// </summary>
    /// <param name="pings">The partition's pings (usually cleaned); its devices are numbered locally, in ordinal id order.</param>
    /// <param name="globalDevice">
    /// Global index of each local device (its rank among all devices of the dataset in ordinal id order), ascending;
    /// one entry per device of <paramref name="pings"/>. The identity for a whole table.
    /// </param>
    /// <param name="globalDeviceCount">Devices of the whole dataset (&gt; every entry of <paramref name="globalDevice"/>).</param>
    /// <param name="options">Settings; the same for every partition.</param>
    /// <param name="cancellationToken">Checked between devices.</param>
    /// <returns>The partition's share of the sampled traces.</returns>
    /// <exception cref="ArgumentException"><paramref name="globalDevice"/> is not one ascending index in range per device.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (see <see cref="UnicityOptions"/>).</exception>
    /// <exception cref="InputFormatException">A ping has a non-finite coordinate.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    /// <remarks>
    /// Only the sampled devices' pings are read past the coordinate check: O(sampled pings · resolutions), 16 bytes per
    /// distinct (sampled device, point) per resolution held.
    /// </remarks>
    public static UnicityTraces CollectTraces(PingTable pings, ReadOnlySpan<int> globalDevice, int globalDeviceCount, UnicityOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pings);
        ArgumentNullException.ThrowIfNull(options);
        UnicityOptions used = Validate(options);
        CheckDeviceMap(pings, globalDevice, globalDeviceCount);
        CheckCoordinates(pings);
        int[] sample = SampleDevices(globalDeviceCount, used.MaxDevices, used.Seed);
        return UnicityTraceCollector.Collect(pings, globalDevice, globalDeviceCount, used, sample, Threads(used, cancellationToken));
    }

    /// <summary>Merges the partitions' traces into the query: the points whose posting lists the estimate needs.</summary>
    /// <param name="parts">The traces of every partition, in any order (each sampled device held by exactly one).</param>
    /// <param name="globalDeviceCount">Devices of the whole dataset, as given to <see cref="CollectTraces"/>.</param>
    /// <param name="options">The options given to <see cref="CollectTraces"/>.</param>
    /// <returns>The query, to pass to <see cref="CollectPostings"/> for every partition.</returns>
    /// <exception cref="ArgumentException">
    /// The parts were collected with other options or device count, or do not hold every sampled device exactly once.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (see <see cref="UnicityOptions"/>).</exception>
    /// <remarks>
    /// Point ids are given in <see cref="UnicityPointKey"/> order (time bin, then cell), independent of the partitioning.
    /// O(e log e) for e sampled (device, point) pairs per resolution.
    /// </remarks>
    public static UnicityQuery PrepareQuery(IReadOnlyList<UnicityTraces> parts, int globalDeviceCount, UnicityOptions options)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(options);
        UnicityOptions used = Validate(options);
        return UnicityQuery.Merge(parts, globalDeviceCount, used, SampleDevices(globalDeviceCount, used.MaxDevices, used.Seed));
    }

    /// <summary>
    /// Collects, from one partition, the posting lists of the query's points: which of its devices (by global index) hold
    /// each point.
    /// </summary>
    /// <param name="pings">The partition's pings, as given to <see cref="CollectTraces"/>.</param>
    /// <param name="globalDevice">Global index of each local device, ascending, as given to <see cref="CollectTraces"/>.</param>
    /// <param name="query">The query from <see cref="PrepareQuery"/>.</param>
    /// <param name="cancellationToken">Checked between blocks of devices.</param>
    /// <returns>The partition's postings.</returns>
    /// <exception cref="ArgumentException"><paramref name="globalDevice"/> is not one ascending index in range per device.</exception>
    /// <exception cref="InputFormatException">A ping has a non-finite coordinate.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    /// <remarks>
    /// Parallel over blocks of devices. Per ping and cell size: one <see cref="Geo.GridCell.Key"/> (reused while the
    /// coordinate repeats) and one hash lookup of the cell among the query's cells (skipped while the cell repeats);
    /// only pings in such a cell look their time bin up, by binary search among the cell's needed bins, once per
    /// resolution and change of cell or bin. Memory: 4 bytes per posting kept (plus 4 per query point) and 8 per posting
    /// while the partition is collected.
    /// </remarks>
    public static UnicityPostings CollectPostings(PingTable pings, ReadOnlySpan<int> globalDevice, UnicityQuery query,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pings);
        ArgumentNullException.ThrowIfNull(query);
        CheckDeviceMap(pings, globalDevice, query.TotalDevices);
        CheckCoordinates(pings);
        return UnicityPostingCollector.Collect(pings, globalDevice.ToArray(), query, Threads(query.Options, cancellationToken));
    }

    /// <summary>Merges the partitions' postings and estimates the unicity curves.</summary>
    /// <param name="query">The query from <see cref="PrepareQuery"/>.</param>
    /// <param name="parts">The postings of every partition for <paramref name="query"/>, in any order.</param>
    /// <param name="progress">
    /// Receives the number of device evaluations done, counted over all resolutions (the total is
    /// <see cref="UnicityResult.SampledDevices"/> × the number of resolutions); reported every 256 devices and at the
    /// end of each resolution, from worker threads. Null for none.
    /// </param>
    /// <param name="cancellationToken">Checked between devices.</param>
    /// <returns>One curve per resolution; identical for any assignment of devices to partitions.</returns>
    /// <exception cref="ArgumentException">A part answers another query, or the parts miss a sampled device's own points (a partition left out).</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    /// <remarks>
    /// Each merged posting list is sorted by global device, so the index (and every draw and search over it) is the same
    /// whatever the partitioning. One resolution's merged index is held at a time: 4 bytes per posting.
    /// </remarks>
    public static UnicityResult Estimate(UnicityQuery query, IReadOnlyList<UnicityPostings> parts, IProgress<long>? progress,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(parts);
        foreach (UnicityPostings part in parts)
        {
            ArgumentNullException.ThrowIfNull(part, nameof(parts));
            if (!ReferenceEquals(part.Query, query))
            {
                throw new ArgumentException("a part holds the postings of another query", nameof(parts));
            }
        }

        UnicityOptions used = query.Options;
        int[] points = [.. used.Points];
        int maxP = points[^1];
        int[] sample = query.Sample;
        ParallelOptions parallel = Threads(used, cancellationToken);
        double z = NormalQuantile.Of(0.5 + (used.ConfidenceLevel / 2));
        var curves = new UnicityCurve[query.Resolutions.Length];
        long done = 0;
        for (int r = 0; r < curves.Length; r++)
        {
            UnicityQueryResolution resolution = query.Resolutions[r];
            UnicityIndex index = UnicityIndex.Merge(resolution, parts, r, sample);
            ulong resolutionSeed = SplitMix64.Derive(used.Seed, (ulong)BitConverter.DoubleToInt64Bits(resolution.Resolution.CellMeters),
                (ulong)resolution.Resolution.TimeBinMinutes);
            var evaluation = new SampleEvaluation(sample.Length, points.Length);
            Parallel.For(0, sample.Length, parallel, () => new DeviceUnicity(index, maxP), (s, _, worker) =>
            {
                Evaluate(worker, index, sample[s], s, resolutionSeed, points, used, evaluation);
                long now = Interlocked.Increment(ref done);
                if (progress is not null && now % ProgressStep == 0)
                {
                    progress.Report(now);
                }

                return worker;
            }, _ => { });
            progress?.Report(done);
            curves[r] = new UnicityCurve(resolution.Resolution, Summarise(evaluation, points, z));
        }

        return new UnicityResult(used, query.TotalDevices, sample.Length, curves);
    }

    /// <summary>Evaluates sampled device <paramref name="device"/> (global index) at one resolution into row <paramref name="row"/>.</summary>
    private static void Evaluate(DeviceUnicity worker, UnicityIndex index, int device, int row, ulong resolutionSeed, int[] points,
        UnicityOptions options, SampleEvaluation evaluation)
    {
        int maxP = points[^1];
        (int smallest, int undecidedFrom) = worker.SmallestUniqueSubset(row, maxP, options.MaxInstancesPerDevice);
        evaluation.TracePoints[row] = index.TraceStart[row + 1] - index.TraceStart[row];
        evaluation.SmallestUnique[row] = smallest;
        evaluation.UndecidedFrom[row] = undecidedFrom;
        for (int j = 0; j < points.Length; j++)
        {
            int p = points[j];
            if (evaluation.TracePoints[row] < p)
            {
                continue;
            }

            bool provenNotUnique = (smallest == 0 || smallest > p) && undecidedFrom > p;
            if (provenNotUnique)
            {
                evaluation.Share[(row * points.Length) + j] = 0;
                continue;
            }

            ulong stream = SplitMix64.Derive(resolutionSeed, (ulong)device, (ulong)p);
            (int unique, int evaluated) = worker.Draw(row, p, options.DrawsPerDevice, stream);
            evaluation.Share[(row * points.Length) + j] = (double)unique / evaluated;
        }
    }

    /// <summary>Turns per-device results into one point per p, summing in device order.</summary>
    private static UnicityPoint[] Summarise(SampleEvaluation evaluation, int[] points, double z)
    {
        var result = new UnicityPoint[points.Length];
        int rows = evaluation.TracePoints.Length;
        for (int j = 0; j < points.Length; j++)
        {
            int p = points[j];
            int eligible = 0;
            int worst = 0;
            int lowerBound = 0;
            double sum = 0;
            for (int row = 0; row < rows; row++)
            {
                if (evaluation.TracePoints[row] < p)
                {
                    continue;
                }

                eligible++;
                sum += evaluation.Share[(row * points.Length) + j];
                int smallest = evaluation.SmallestUnique[row];
                if (smallest != 0 && smallest <= p)
                {
                    worst++;
                }
                else if (evaluation.UndecidedFrom[row] <= p)
                {
                    lowerBound++;
                }
            }

            double mean = eligible == 0 ? double.NaN : sum / eligible;
            double low = double.NaN;
            double high = double.NaN;
            if (eligible >= 2)
            {
                double squares = 0;
                for (int row = 0; row < rows; row++)
                {
                    if (evaluation.TracePoints[row] >= p)
                    {
                        double deviation = evaluation.Share[(row * points.Length) + j] - mean;
                        squares += deviation * deviation;
                    }
                }

                double half = z * Math.Sqrt(squares / (eligible - 1) / eligible);
                low = Math.Max(0, mean - half);
                high = Math.Min(1, mean + half);
            }

            result[j] = new UnicityPoint(p, eligible, mean, low, high, eligible == 0 ? double.NaN : (double)worst / eligible, lowerBound);
        }

        return result;
    }

    /// <summary>Every device when there are at most <paramref name="maxDevices"/>, else a seeded uniform sample; ascending.</summary>
    internal static int[] SampleDevices(int devices, int maxDevices, ulong seed)
    {
        int[] all = new int[devices];
        for (int d = 0; d < devices; d++)
        {
            all[d] = d;
        }

        if (devices <= maxDevices)
        {
            return all;
        }

        var random = new SplitMix64(SplitMix64.Derive(seed, SampleStream, 0));
        for (int i = 0; i < maxDevices; i++)
        {
            int k = i + random.NextInt(devices - i);
            (all[i], all[k]) = (all[k], all[i]);
        }

        int[] sample = all[..maxDevices];
        Array.Sort(sample);
        return sample;
    }

    private static ParallelOptions Threads(UnicityOptions options, CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };

    private static void CheckDeviceMap(PingTable pings, ReadOnlySpan<int> globalDevice, int globalDeviceCount)
    {
        if (globalDevice.Length != pings.DeviceCount)
        {
            throw new ArgumentException("one global device index per device of the table is needed", nameof(globalDevice));
        }

        for (int d = 0; d < globalDevice.Length; d++)
        {
            if (globalDevice[d] < 0 || globalDevice[d] >= globalDeviceCount || (d > 0 && globalDevice[d] <= globalDevice[d - 1]))
            {
                throw new ArgumentException("global device indices must ascend within 0 .. global device count - 1", nameof(globalDevice));
            }
        }
    }

    private static void CheckCoordinates(PingTable pings)
    {
        ReadOnlySpan<double> lat = pings.LatArray;
        ReadOnlySpan<double> lon = pings.LonArray;
        for (int i = 0; i < lat.Length; i++)
        {
            if (!double.IsFinite(lat[i]) || !double.IsFinite(lon[i]))
            {
                throw new InputFormatException(string.Create(CultureInfo.InvariantCulture,
                    $"ping {i} of device '{pings.DeviceIdArray[pings.DeviceArray[i]]}' has a non-finite coordinate ({lat[i]}, {lon[i]})"));
            }
        }
    }

    private static UnicityOptions Validate(UnicityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options.Points, nameof(options));
        ArgumentNullException.ThrowIfNull(options.Resolutions, nameof(options));
        if (options.Points.Count == 0 || options.Points.Any(p => p is < 1 or > MaxPoints))
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"Points must be a non-empty list of values in 1..{MaxPoints}");
        }

        if (options.Resolutions.Count == 0
            || options.Resolutions.Any(r => !double.IsFinite(r.CellMeters) || r.CellMeters <= 0 || r.TimeBinMinutes < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Resolutions must be non-empty, with CellMeters > 0 and TimeBinMinutes >= 1");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.DrawsPerDevice, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxDevices, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxInstancesPerDevice, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxDegreeOfParallelism, 1, nameof(options));
        if (!(options.ConfidenceLevel is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "ConfidenceLevel must be in (0, 1)");
        }

        return options with { Points = [.. options.Points.Distinct().Order()], Resolutions = [.. options.Resolutions] };
    }

    /// <summary>Per sampled device at one resolution: trace size, worst-case search outcome, share of unique draws per p.</summary>
    private sealed class SampleEvaluation(int rows, int points)
    {
        public int[] TracePoints { get; } = new int[rows];

        public int[] SmallestUnique { get; } = new int[rows];

        public int[] UndecidedFrom { get; } = new int[rows];

        public double[] Share { get; } = new double[rows * points];
    }
}
