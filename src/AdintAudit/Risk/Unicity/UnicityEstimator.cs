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
    public static UnicityResult Estimate(PingTable pings, UnicityOptions? options, IProgress<long>? progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pings);
        UnicityOptions used = Validate(options ?? new UnicityOptions());
        int[] points = [.. used.Points];
        int maxP = points[^1];
        int[] sample = SampleDevices(pings.DeviceCount, used.MaxDevices, used.Seed);
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = used.MaxDegreeOfParallelism,
            CancellationToken = cancellationToken,
        };
        double z = NormalQuantile.Of(0.5 + (used.ConfidenceLevel / 2));
        var curves = new UnicityCurve[used.Resolutions.Count];
        long done = 0;
        long[]? cells = null;
        double cellsMeters = double.NaN;
        foreach (int r in ResolutionOrder(used.Resolutions))
        {
            UnicityResolution resolution = used.Resolutions[r];
            if (cells is null || cellsMeters != resolution.CellMeters)
            {
                cells = null; // let the previous keys go before allocating the next
                cells = UnicityIndex.CellKeys(pings, resolution.CellMeters, parallel);
                cellsMeters = resolution.CellMeters;
            }

            UnicityIndex index = UnicityIndex.Build(pings, cells, resolution.TimeBinMinutes, parallel);
            ulong resolutionSeed = SplitMix64.Derive(used.Seed, (ulong)BitConverter.DoubleToInt64Bits(resolution.CellMeters), (ulong)resolution.TimeBinMinutes);
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
            curves[r] = new UnicityCurve(resolution, Summarise(evaluation, points, z));
        }

        return new UnicityResult(used, pings.DeviceCount, sample.Length, curves);
    }

    /// <summary>Indices of the resolutions grouped by cell size (stable), so each cell size is computed once.</summary>
    private static int[] ResolutionOrder(IReadOnlyList<UnicityResolution> resolutions)
    {
        int[] order = [.. Enumerable.Range(0, resolutions.Count)];
        double[] cellMeters = [.. resolutions.Select(r => r.CellMeters)];
        Array.Sort(cellMeters, order);
        // Array.Sort is not stable; restore the given order within each cell size.
        int start = 0;
        for (int i = 1; i <= order.Length; i++)
        {
            if (i == order.Length || cellMeters[i] != cellMeters[start])
            {
                Array.Sort(order, start, i - start);
                start = i;
            }
        }

        return order;
    }

    /// <summary>Evaluates one sampled device at one resolution into row <paramref name="row"/> of the evaluation.</summary>
    private static void Evaluate(DeviceUnicity worker, UnicityIndex index, int device, int row, ulong resolutionSeed, int[] points,
        UnicityOptions options, SampleEvaluation evaluation)
    {
        int maxP = points[^1];
        (int smallest, int undecidedFrom) = worker.SmallestUniqueSubset(device, maxP, options.MaxInstancesPerDevice);
        evaluation.TracePoints[row] = index.TraceStart[device + 1] - index.TraceStart[device];
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
            (int unique, int evaluated) = worker.Draw(device, p, options.DrawsPerDevice, stream);
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
