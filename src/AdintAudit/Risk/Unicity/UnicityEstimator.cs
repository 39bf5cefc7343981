using System.Globalization;
using System.Runtime.InteropServices;
using AdintAudit.Data;
using AdintAudit.Geo;

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
/// </remarks>
public static class UnicityEstimator
{
    private const int MaxPoints = 16;
    private const ulong SampleStream = 0x5A3D_1E55UL;
    private const int ProgressStep = 256;
    private const int BlockPings = 16_384;

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
        var held = new List<int>();
        var heldLocal = new List<int>();
        for (int d = 0, s = 0; d < globalDevice.Length && s < sample.Length; d++)
        {
            while (s < sample.Length && sample[s] < globalDevice[d])
            {
                s++;
            }

            if (s < sample.Length && sample[s] == globalDevice[d])
            {
                held.Add(globalDevice[d]);
                heldLocal.Add(d);
            }
        }

        List<(double CellMeters, int[] Resolutions)> cellSizes = CellSizes(used.Resolutions);
        int resolutions = used.Resolutions.Count;
        var perDevice = new UnicityPointKey[heldLocal.Count][][];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = used.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.For(0, heldLocal.Count, parallel, i => perDevice[i] = DevicePoints(pings, heldLocal[i], used.Resolutions, cellSizes));
        int[][] traceStart = new int[resolutions][];
        var points = new UnicityPointKey[resolutions][];
        for (int r = 0; r < resolutions; r++)
        {
            int[] start = new int[perDevice.Length + 1];
            for (int i = 0; i < perDevice.Length; i++)
            {
                start[i + 1] = start[i] + perDevice[i][r].Length;
            }

            var all = new UnicityPointKey[start[^1]];
            for (int i = 0; i < perDevice.Length; i++)
            {
                perDevice[i][r].CopyTo(all, start[i]);
            }

            traceStart[r] = start;
            points[r] = all;
        }

        return new UnicityTraces(used, globalDeviceCount, [.. held], traceStart, points);
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
        int[] sample = SampleDevices(globalDeviceCount, used.MaxDevices, used.Seed);
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

            UnicityPointKey[] points = SortedDistinct([.. entries]);
            var resolution = new UnicityQueryResolution(used.Resolutions[r], points, traceStart, new int[entries.Length]);
            for (int e = 0; e < entries.Length; e++)
            {
                resolution.TracePoint[e] = resolution.Lookup.Find(entries[e]);
            }

            resolutions[r] = resolution;
        }

        return new UnicityQuery(used, globalDeviceCount, sample, resolutions, CellGroups(used.Resolutions, resolutions));
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
    /// only pings in such a cell look their (cell, bin) point up, once per resolution and change of point. Memory:
    /// 4 bytes per posting kept and 8 per posting while a block is collected.
    /// </remarks>
    public static UnicityPostings CollectPostings(PingTable pings, ReadOnlySpan<int> globalDevice, UnicityQuery query,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pings);
        ArgumentNullException.ThrowIfNull(query);
        CheckDeviceMap(pings, globalDevice, query.TotalDevices);
        CheckCoordinates(pings);
        int[] devices = globalDevice.ToArray();
        int[] blockStart = DeviceBlocks(pings, query.Options.MaxDegreeOfParallelism);
        int resolutions = query.Resolutions.Length;
        var blocks = new List<long>[blockStart.Length - 1][];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = query.Options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.For(0, blocks.Length, parallel, () => new PostingScratch(resolutions), (b, _, scratch) =>
        {
            var pairs = new List<long>[resolutions];
            for (int r = 0; r < resolutions; r++)
            {
                pairs[r] = [];
            }

            for (int d = blockStart[b]; d < blockStart[b + 1]; d++)
            {
                CollectDevice(pings, d, devices[d], query, scratch, pairs);
            }

            blocks[b] = pairs;
            return scratch;
        }, _ => { });
        int[][] postingStart = new int[resolutions][];
        int[][] postingDevice = new int[resolutions][];
        for (int r = 0; r < resolutions; r++)
        {
            (postingStart[r], postingDevice[r]) = PostingsOf(blocks, r, query.Resolutions[r].Points.Length);
        }

        return new UnicityPostings(query, postingStart, postingDevice);
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
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = used.MaxDegreeOfParallelism,
            CancellationToken = cancellationToken,
        };
        double z = NormalQuantile.Of(0.5 + (used.ConfidenceLevel / 2));
        var curves = new UnicityCurve[query.Resolutions.Length];
        long done = 0;
        for (int r = 0; r < curves.Length; r++)
        {
            UnicityQueryResolution resolution = query.Resolutions[r];
            UnicityIndex index = MergePostings(resolution, parts, r, sample);
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

    /// <summary>The resolutions grouped by cell size, in order of first appearance (each cell size's keys computed once).</summary>
    private static List<(double CellMeters, int[] Resolutions)> CellSizes(IReadOnlyList<UnicityResolution> resolutions)
    {
        var groups = new List<(double CellMeters, int[] Resolutions)>();
        var done = new bool[resolutions.Count];
        for (int r = 0; r < resolutions.Count; r++)
        {
            if (done[r])
            {
                continue;
            }

            var members = new List<int>();
            for (int other = r; other < resolutions.Count; other++)
            {
                if (resolutions[other].CellMeters == resolutions[r].CellMeters)
                {
                    members.Add(other);
                    done[other] = true;
                }
            }

            groups.Add((resolutions[r].CellMeters, [.. members]));
        }

        return groups;
    }

    /// <summary>The query's cell groups: per cell size, the distinct cells of its resolutions' points.</summary>
    private static UnicityCellGroup[] CellGroups(IReadOnlyList<UnicityResolution> options, UnicityQueryResolution[] resolutions)
    {
        List<(double CellMeters, int[] Resolutions)> sizes = CellSizes(options);
        var groups = new UnicityCellGroup[sizes.Count];
        for (int g = 0; g < groups.Length; g++)
        {
            var cells = new List<UnicityPointKey>();
            foreach (int r in sizes[g].Resolutions)
            {
                foreach (UnicityPointKey point in resolutions[r].Points)
                {
                    cells.Add(new UnicityPointKey(0, point.Cell));
                }
            }

            groups[g] = new UnicityCellGroup(sizes[g].CellMeters, sizes[g].Resolutions, SortedDistinct([.. cells]));
        }

        return groups;
    }

    /// <summary>One device's distinct points at every resolution, each array ascending.</summary>
    private static UnicityPointKey[][] DevicePoints(PingTable pings, int device, IReadOnlyList<UnicityResolution> resolutions,
        List<(double CellMeters, int[] Resolutions)> cellSizes)
    {
        int from = pings.DeviceStartArray[device];
        int count = pings.DeviceStartArray[device + 1] - from;
        ReadOnlySpan<double> lat = pings.LatArray.AsSpan(from, count);
        ReadOnlySpan<double> lon = pings.LonArray.AsSpan(from, count);
        ReadOnlySpan<long> time = pings.TimeArray.AsSpan(from, count);
        long[] cells = new long[count];
        var keys = new UnicityPointKey[count];
        var result = new UnicityPointKey[resolutions.Count][];
        foreach ((double cellMeters, int[] members) in cellSizes)
        {
            for (int i = 0; i < count; i++)
            {
                cells[i] = GridCell.Key(lat[i], lon[i], cellMeters);
            }

            foreach (int r in members)
            {
                long binMs = resolutions[r].TimeBinMinutes * 60_000L;
                for (int i = 0; i < count; i++)
                {
                    keys[i] = UnicityPointKey.Of(time[i], cells[i], binMs);
                }

                result[r] = SortedDistinct(keys);
            }
        }

        return result;
    }

    /// <summary>Returns the distinct keys, ascending (sorts <paramref name="keys"/> in place).</summary>
    private static UnicityPointKey[] SortedDistinct(UnicityPointKey[] keys)
    {
        Array.Sort(keys);
        int w = 0;
        for (int i = 0; i < keys.Length; i++)
        {
            if (w == 0 || keys[i] != keys[w - 1])
            {
                keys[w++] = keys[i];
            }
        }

        return keys[..w];
    }

    /// <summary>Blocks of consecutive devices with about equal pings, several per thread: <c>[start[b], start[b + 1])</c>.</summary>
    private static int[] DeviceBlocks(PingTable pings, int threads)
    {
        long perBlock = Math.Max(BlockPings, pings.Count / (8L * threads));
        var start = new List<int> { 0 };
        for (int d = 0; d < pings.DeviceCount; d++)
        {
            if (pings.DeviceStartArray[d + 1] - pings.DeviceStartArray[start[^1]] >= perBlock)
            {
                start.Add(d + 1);
            }
        }

        if (start[^1] != pings.DeviceCount)
        {
            start.Add(pings.DeviceCount);
        }

        return [.. start];
    }

    /// <summary>
    /// Appends one device's (point, device) pairs, point id in the high 32 bits, for every resolution: each query point the
    /// device holds, once.
    /// </summary>
    private static void CollectDevice(PingTable pings, int local, int device, UnicityQuery query, PostingScratch scratch, List<long>[] pairs)
    {
        int from = pings.DeviceStartArray[local];
        int count = pings.DeviceStartArray[local + 1] - from;
        ReadOnlySpan<double> lat = pings.LatArray.AsSpan(from, count);
        ReadOnlySpan<double> lon = pings.LonArray.AsSpan(from, count);
        ReadOnlySpan<long> time = pings.TimeArray.AsSpan(from, count);
        foreach (UnicityCellGroup group in query.CellGroups)
        {
            foreach (int r in group.Resolutions)
            {
                scratch.Hits[r].Clear();
                scratch.Last[r] = new UnicityPointKey(long.MinValue, long.MinValue);
            }

            double lastLat = double.NaN;
            double lastLon = double.NaN;
            long cell = 0;
            bool needed = false;
            for (int i = 0; i < count; i++)
            {
                if (lat[i] != lastLat || lon[i] != lastLon)
                {
                    lastLat = lat[i];
                    lastLon = lon[i];
                    long next = GridCell.Key(lastLat, lastLon, group.CellMeters);
                    if (i == 0 || next != cell)
                    {
                        cell = next;
                        needed = group.Cells.Find(new UnicityPointKey(0, cell)) >= 0;
                    }
                }

                if (!needed)
                {
                    continue;
                }

                foreach (int r in group.Resolutions)
                {
                    UnicityQueryResolution resolution = query.Resolutions[r];
                    var key = UnicityPointKey.Of(time[i], cell, resolution.BinMs);
                    if (key.Bin == scratch.Last[r].Bin && key.Cell == scratch.Last[r].Cell)
                    {
                        continue;
                    }

                    scratch.Last[r] = key;
                    int point = resolution.Lookup.Find(key);
                    if (point >= 0)
                    {
                        scratch.Hits[r].Add(point);
                    }
                }
            }

            foreach (int r in group.Resolutions)
            {
                Span<int> hits = CollectionsMarshal.AsSpan(scratch.Hits[r]);
                hits.Sort();
                for (int i = 0; i < hits.Length; i++)
                {
                    if (i == 0 || hits[i] != hits[i - 1])
                    {
                        pairs[r].Add(((long)hits[i] << 32) | (uint)device);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Posting lists of resolution <paramref name="r"/> from the blocks' pairs, by a counting sort on the point: blocks in
    /// device order and pairs in device order within a block, so each list comes out ascending.
    /// </summary>
    private static (int[] Start, int[] Devices) PostingsOf(List<long>[][] blocks, int r, int pointCount)
    {
        int[] start = new int[pointCount + 1];
        foreach (List<long>[] block in blocks)
        {
            foreach (long pair in block[r])
            {
                start[(int)(pair >> 32) + 1]++;
            }
        }

        for (int p = 0; p < pointCount; p++)
        {
            start[p + 1] += start[p];
        }

        int[] devices = new int[start[pointCount]];
        int[] next = start[..pointCount];
        foreach (List<long>[] block in blocks)
        {
            foreach (long pair in block[r])
            {
                devices[next[(int)(pair >> 32)]++] = (int)pair;
            }
        }

        return (start, devices);
    }

    /// <summary>
    /// The index of one resolution: the query's traces and the parts' posting lists concatenated per point and sorted by
    /// global device (devices are disjoint between parts, so the order does not depend on the partitioning).
    /// </summary>
    private static UnicityIndex MergePostings(UnicityQueryResolution resolution, IReadOnlyList<UnicityPostings> parts, int r, int[] sample)
    {
        int pointCount = resolution.Points.Length;
        int[] start = new int[pointCount + 1];
        for (int p = 0; p < pointCount; p++)
        {
            int length = 0;
            foreach (UnicityPostings part in parts)
            {
                length += part.PostingStart[r][p + 1] - part.PostingStart[r][p];
            }

            start[p + 1] = start[p] + length;
        }

        int[] devices = new int[start[pointCount]];
        for (int p = 0; p < pointCount; p++)
        {
            int w = start[p];
            int contributing = 0;
            foreach (UnicityPostings part in parts)
            {
                int from = part.PostingStart[r][p];
                int length = part.PostingStart[r][p + 1] - from;
                if (length > 0)
                {
                    part.PostingDevice[r].AsSpan(from, length).CopyTo(devices.AsSpan(w));
                    w += length;
                    contributing++;
                }
            }

            if (contributing > 1)
            {
                devices.AsSpan(start[p], w - start[p]).Sort();
            }
        }

        var index = new UnicityIndex(resolution.TraceStart, resolution.TracePoint, start, devices);
        for (int row = 0; row < sample.Length; row++)
        {
            foreach (int point in index.Trace(row))
            {
                if (index.Posting(point).BinarySearch(sample[row]) < 0)
                {
                    throw new ArgumentException("the postings miss points of sampled devices: pass the postings of every partition", nameof(parts));
                }
            }
        }

        return index;
    }

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

    /// <summary>Per-thread scratch of <see cref="CollectDevice"/>: per resolution, the point ids hit and the last point looked up.</summary>
    private sealed class PostingScratch
    {
        public PostingScratch(int resolutions)
        {
            Hits = new List<int>[resolutions];
            Last = new UnicityPointKey[resolutions];
            for (int r = 0; r < resolutions; r++)
            {
                Hits[r] = [];
            }
        }

        public List<int>[] Hits { get; }

        public UnicityPointKey[] Last { get; }
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
