using System.Diagnostics;
using System.Runtime.CompilerServices;
using AdintAudit.Data;
using AdintAudit.Geo;

namespace AdintAudit.Mobility;

/// <summary>
/// Finds stays (where a device stood still, from when to when) per device, with one of three detectors:
/// <see cref="StayMethod.Adtech"/> (ours), <see cref="StayMethod.Skmob"/> and <see cref="StayMethod.Trackintel"/>
/// (peers' semantics, quirks included; ALGORITHMS.md §1).
/// </summary>
/// <remarks>
/// <para>Devices are processed in parallel in chunks fixed by row counts; the output is in (device, start) order and
/// does not depend on the number of threads. Each device's work is linear in its pings (adtech: linear in the pings
/// inside the radius ahead of each anchor), with pooled per-chunk scratch and no allocation per ping.</para>
/// <para>Adtech: a stay starts at an eligible ping (accuracy ≤ <see cref="StayOptions.MaxAccuracyMeters"/> or unknown,
/// and not excluded by the caller, for example as IP-derived). Following eligible pings extend it while they lie
/// within <see cref="StayOptions.RadiusMeters"/> of the anchor and follow the previous member within
/// <see cref="StayOptions.MaxGapMinutes"/>, so a gap is bridged only when the device is seen inside the radius on both
/// sides. A ping whose accuracy is worse than the radius cannot end a stay (it is skipped, unless it lies inside).
/// The stay ends at its last member ping; it is kept when it lasts at least <see cref="StayOptions.MinDurationMinutes"/>
/// and then the next anchor is the first ping after it; otherwise the anchor moves one ping on, except after a gap break
/// (no anchor in between could bridge it either). Its centre is the coordinate-wise median of member pings weighted by
/// 1 / max(accuracy, 5 m). Distances are equirectangular around the anchor (error below 0.5 % within 1 km).</para>
/// </remarks>
public static class StayDetector
{
    private const double MinutesToMs = 60_000.0;

    /// <summary>Detects the stays of every device of <paramref name="pings"/>.</summary>
    /// <param name="pings">The pings: the cleaned table for adtech; the table as loaded for the compat methods.</param>
    /// <param name="options">Settings; null for the defaults (adtech).</param>
    /// <param name="excluded">Adtech: one flag per ping, true for pings to ignore (for example IP-derived); empty for none.</param>
    /// <param name="localTime">Adtech: the local time used to count nights; null for the median-longitude offset.</param>
    /// <returns>The stays.</returns>
    /// <exception cref="ArgumentException"><paramref name="excluded"/> is neither empty nor one flag per ping.</exception>
    public static StayTable Detect(PingTable pings, StayOptions? options = null, ReadOnlySpan<bool> excluded = default, LocalTime? localTime = null)
    {
        ArgumentNullException.ThrowIfNull(pings);
        options ??= new StayOptions();
        if (!excluded.IsEmpty && excluded.Length != pings.Count)
        {
            throw new ArgumentException("one flag per ping is needed", nameof(excluded));
        }

        bool[]? mask = excluded.IsEmpty ? null : excluded.ToArray();
        LocalTime local = localTime ?? (options.Method == StayMethod.Adtech ? LocalTime.FromMedianLongitude(pings) : LocalTime.Utc);
        StayColumns[] parts = DeviceChunks.Run(pings.DeviceStart, options.MaxDegreeOfParallelism, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (from, to) =>
        {
            // About one adtech stay per 12 pings in city data: start with room for one per 8.
            int rows = pings.DeviceStartArray[to] - pings.DeviceStartArray[from];
            var output = new StayColumns(options.Method == StayMethod.Adtech ? (rows / 8) + 64 : 64);
            var scratch = new Scratch();
            for (int d = from; d < to; d++)
            {
                int start = pings.DeviceStartArray[d];
                int end = pings.DeviceStartArray[d + 1];
                switch (options.Method)
                {
                    case StayMethod.Skmob:
                        Skmob(pings, d, start, end, options, output, scratch);
                        break;
                    case StayMethod.Trackintel:
                        Trackintel(pings, d, start, end, options, output, scratch);
                        break;
                    default:
                        Adtech(pings, d, start, end, options, mask, local, output, scratch);
                        break;
                }
            }

            return output;
        });
        StayColumns all = StayColumns.Concat(parts);
        return new StayTable(pings.DeviceIdArray, all.DeviceStarts(pings.DeviceCount), all, options.Method);
    }

    private static void Skmob(PingTable p, int device, int start, int end, StayOptions o, StayColumns output, Scratch scratch)
    {
        int n = end - start;
        if (n < 2)
        {
            return;
        }

        long[] t = p.TimeArray;
        double[] lat = p.LatArray;
        double[] lon = p.LonArray;
        int anchor = start;
        List<int> buffer = scratch.Buffer;
        buffer.Clear();
        buffer.Add(start);
        for (int i = start; i < end - 1; i++)
        {
            int q = i + 1;
            bool last = q == end - 1;
            if (Minutes(t[i], t[q]) > o.SkmobNoDataForMinutes)
            {
                anchor = q;
                buffer.Clear();
            }

            double dt = Minutes(t[anchor], t[q]);
            double dr = Haversine.SkmobKilometers(lat[anchor], lon[anchor], lat[q], lon[q]);
            if (dr > o.SkmobSpatialRadiusKm || last)
            {
                if ((dt > o.SkmobMinutesForAStop || last) && buffer.Count > 0 && Minutes(t[anchor], t[q]) > o.SkmobMinutesForAStop)
                {
                    double mLat = Median(buffer, lat, scratch);
                    double mLon = Median(buffer, lon, scratch);
                    long endMs = o.SkmobLeavingTime ? t[q] : t[buffer[^1]];
                    output.Add(device, mLat, mLon, t[anchor], endMs, buffer.Count, buffer[0], buffer[^1], 0, 0);
                }

                anchor = q;
                buffer.Clear();
            }

            buffer.Add(q);
        }
    }

    private static double Minutes(long fromMs, long toMs) => (toMs - fromMs) / MinutesToMs;

    private static double Median(List<int> rows, double[] values, Scratch scratch)
    {
        int n = rows.Count;
        Span<double> v = scratch.Values(n);
        for (int i = 0; i < n; i++)
        {
            v[i] = values[rows[i]];
        }

        v.Sort();
        return (n & 1) == 1 ? v[n / 2] : (v[(n / 2) - 1] + v[n / 2]) / 2;
    }

    private static void Trackintel(PingTable p, int device, int start, int end, StayOptions o, StayColumns output, Scratch scratch)
    {
        long[] t = p.TimeArray;
        double[] lat = p.LatArray;
        double[] lon = p.LonArray;

        // Exact duplicate rows (same device, time, lat, lon) are dropped first.
        List<int> rows = scratch.Buffer;
        rows.Clear();
        for (int i = start; i < end; i++)
        {
            bool duplicate = false;
            for (int k = rows.Count - 1; k >= 0 && t[rows[k]] == t[i]; k--)
            {
                if (lat[rows[k]].Equals(lat[i]) && lon[rows[k]].Equals(lon[i]))
                {
                    duplicate = true;
                    break;
                }
            }

            if (!duplicate)
            {
                rows.Add(i);
            }
        }

        int n = rows.Count;
        if (n == 0)
        {
            return;
        }

        long gapMs = (long)(o.TrackintelGapThresholdMinutes * MinutesToMs);
        long timeMs = (long)(o.TrackintelTimeThresholdMinutes * MinutesToMs);
        int s = 0;
        for (int curr = 1; curr < n; curr++)
        {
            if (t[rows[curr]] - t[rows[curr - 1]] > gapMs)
            {
                s = curr;
                continue;
            }

            if (Haversine.Meters(lat[rows[s]], lon[rows[s]], lat[rows[curr]], lon[rows[curr]]) >= o.TrackintelDistThresholdMeters)
            {
                if (t[rows[curr]] - t[rows[s]] >= timeMs)
                {
                    EmitTrackintel(p, device, rows, s, curr, t[rows[curr]], output, scratch);
                }

                s = curr;
            }
        }

        if (o.TrackintelIncludeLast && t[rows[n - 1]] - t[rows[s]] >= timeMs)
        {
            EmitTrackintel(p, device, rows, s, n, t[rows[n - 1]], output, scratch);
        }
    }

    /// <summary>Emits a staypoint over rows[from..to-1]: latitude mean and circular longitude mean over unique coordinates.</summary>
    private static void EmitTrackintel(PingTable p, int device, List<int> rows, int from, int to, long endMs, StayColumns output, Scratch scratch)
    {
        double[] lat = p.LatArray;
        double[] lon = p.LonArray;
        int n = to - from;
        Span<(double Lat, double Lon)> coords = scratch.Pairs(n);
        for (int i = 0; i < n; i++)
        {
            coords[i] = (lat[rows[from + i]], lon[rows[from + i]]);
        }

        coords.Sort();
        double sumLat = 0;
        double sumSin = 0;
        double sumCos = 0;
        int unique = 0;
        for (int i = 0; i < n; i++)
        {
            if (i > 0 && coords[i].Lat.Equals(coords[i - 1].Lat) && coords[i].Lon.Equals(coords[i - 1].Lon))
            {
                continue;
            }

            unique++;
            sumLat += coords[i].Lat;
            double radians = coords[i].Lon * Haversine.DegreesToRadians;
            sumSin += Math.Sin(radians);
            sumCos += Math.Cos(radians);
        }

        double centreLon = Math.Atan2(sumSin / unique, sumCos / unique) / Haversine.DegreesToRadians;
        output.Add(device, sumLat / unique, centreLon, p.TimeArray[rows[from]], endMs, n, rows[from], rows[to - 1], 0, 0);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Adtech(PingTable p, int device, int start, int end, StayOptions o, bool[]? excluded, LocalTime local,
        StayColumns output, Scratch scratch)
    {
        // A stay lasts at least the minimum duration between two of the device's pings: a device seen for less has none.
        long minDurationMs = (long)(o.MinDurationMinutes * MinutesToMs);
        if (end == start || p.TimeArray[end - 1] - p.TimeArray[start] < minDurationMs)
        {
            return;
        }

        // Eligible pings of this device (NaN accuracy, unknown, compares false: eligible), copied into contiguous
        // columns in time order, so the scans below read them sequentially.
        int n = scratch.Gather(p, start, end, o.MaxAccuracyMeters, excluded is null ? default : excluded.AsSpan(start, end - start));
        if (n == 0)
        {
            return;
        }

        var columns = new EligiblePings(scratch.GatheredRows(n), scratch.GatheredTimes(n), scratch.GatheredLats(n), scratch.GatheredLons(n),
            scratch.GatheredAccuracies(n));
        AdtechScan(device, columns, o, local, scratch.MemberRows(n), output, scratch);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AdtechScan(int device, in EligiblePings pings, StayOptions o, LocalTime local, Span<int> members, StayColumns output,
        Scratch scratch)
    {
        ReadOnlySpan<long> t = pings.Time;
        ReadOnlySpan<double> lat = pings.Lat;
        ReadOnlySpan<double> lon = pings.Lon;
        ReadOnlySpan<float> acc = pings.Accuracy;
        double radius = o.RadiusMeters;
        double radiusSquared = radius * radius;
        long maxGapMs = (long)(o.MaxGapMinutes * MinutesToMs);
        long minDurationMs = (long)(o.MinDurationMinutes * MinutesToMs);
        int n = t.Length;
        int k = 0;
        int segmentEnd = 0; // first ping after the run of pings holding k with no gap above maxGapMs
        while (k < n)
        {
            if (k >= segmentEnd)
            {
                segmentEnd = k + 1;
                while (segmentEnd < n && t[segmentEnd] - t[segmentEnd - 1] <= maxGapMs)
                {
                    segmentEnd++;
                }
            }

            // A stay never crosses a gap above maxGapMs (it would be a gap between two of its members), so no stay can
            // start at k when the run ends sooner than the minimum duration: skip to the next run. Exact, and it keeps
            // bursts of pings at one instant (or minutes) linear instead of one scan per anchor.
            if (t[segmentEnd - 1] - t[k] < minDurationMs)
            {
                k = segmentEnd;
                continue;
            }

            // A weak ping (accuracy worse than the radius; NaN compares false) cannot anchor a stay.
            if (acc[k] > radius)
            {
                k++;
                continue;
            }

            double aLat = lat[k];
            double aLon = lon[k];
            double cosLat = Haversine.FastCosDegrees(aLat);
            members[0] = k;
            int count = 1;
            int last = k;
            long maxGap = 0;
            bool gapBreak = false;
            int j = k + 1;
            for (; j < n; j++)
            {
                long gap = t[j] - t[last];
                if (gap > maxGapMs)
                {
                    gapBreak = true;
                    break;
                }

                // Written as "not inside" so that a NaN distance is outside, as everywhere else.
                if (!(Haversine.EquirectangularSquaredMeters(aLat, aLon, lat[j], lon[j], cosLat) <= radiusSquared))
                {
                    if (acc[j] > radius)
                    {
                        continue; // a weak ping outside does not end the stay
                    }

                    break;
                }

                maxGap = Math.Max(maxGap, gap);
                members[count++] = j;
                last = j;
            }

            if (t[last] - t[k] >= minDurationMs)
            {
                EmitAdtech(device, pings, members[..count], maxGap, o, local, output, scratch);
                k = j;
            }
            else if (gapBreak && count == j - k)
            {
                k = j;
            }
            else
            {
                k++;
            }
        }
    }

    /// <summary>Emits the stay of <paramref name="members"/> (positions in <paramref name="pings"/>, in time order).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void EmitAdtech(int device, in EligiblePings pings, ReadOnlySpan<int> members, long maxGap, StayOptions o, LocalTime local,
        StayColumns output, Scratch scratch)
    {
        int n = members.Length;
        ReadOnlySpan<float> acc = pings.Accuracy;
        ReadOnlySpan<long> time = pings.Time;
        Span<double> weights = scratch.Weights(n);
        Span<double> keys = scratch.Values(n);
        Span<double> sortedWeights = scratch.SortedWeights(n);
        double totalWeight = 0;
        for (int i = 0; i < n; i++)
        {
            float a = acc[members[i]];
            double weight = 1.0 / Math.Max(float.IsNaN(a) ? o.UnknownAccuracyMeters : a, 5.0);
            weights[i] = weight;
            totalWeight += weight;
        }

        Span<double> sortedKeys = scratch.SortedValues(n);
        ReadOnlySpan<double> lat = pings.Lat;
        for (int i = 0; i < n; i++)
        {
            keys[i] = lat[members[i]];
        }

        double centreLat = WeightedMedian(keys, weights, sortedKeys, sortedWeights, totalWeight);
        ReadOnlySpan<double> lon = pings.Lon;
        for (int i = 0; i < n; i++)
        {
            keys[i] = lon[members[i]];
        }

        double centreLon = WeightedMedian(keys, weights, sortedKeys, sortedWeights, totalWeight);

        // Distinct local nights (22:00–07:00 inclusive, keyed by the evening's date) with a member ping.
        int nights = 0;
        long lastNight = long.MinValue;
        ref LocalDayCursor clock = ref scratch.Clock(local);
        foreach (int m in members)
        {
            long localMs = clock.ToLocalMs(time[m], out long day);
            long night = NightClock.NightOf(day, localMs, 22, 7);
            if (night != NightClock.NotNight && night != lastNight)
            {
                nights++;
                lastNight = night;
            }
        }

        int first = members[0];
        int last = members[^1];
        output.Add(device, centreLat, centreLon, time[first], time[last], n, pings.Rows[first], pings.Rows[last], nights, maxGap);
    }

    /// <summary>One device's eligible pings as contiguous columns (views of the scratch), with each one's table row.</summary>
    private readonly ref struct EligiblePings(ReadOnlySpan<int> rows, ReadOnlySpan<long> time, ReadOnlySpan<double> lat, ReadOnlySpan<double> lon,
        ReadOnlySpan<float> accuracy)
    {
        public ReadOnlySpan<int> Rows { get; } = rows;

        public ReadOnlySpan<long> Time { get; } = time;

        public ReadOnlySpan<double> Lat { get; } = lat;

        public ReadOnlySpan<double> Lon { get; } = lon;

        public ReadOnlySpan<float> Accuracy { get; } = accuracy;
    }

    /// <summary>Lower weighted median: the smallest value whose cumulative weight reaches half the total; ties by value then weight.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double WeightedMedian(ReadOnlySpan<double> unsortedValues, ReadOnlySpan<double> unsortedWeights, Span<double> values,
        Span<double> weights, double totalWeight)
    {
        if (unsortedValues.Length == 1)
        {
            return unsortedValues[0];
        }

        SortInto(unsortedValues, unsortedWeights, values, weights);
        double half = totalWeight / 2;
        double cumulative = 0;
        for (int i = 0; i < values.Length; i++)
        {
            cumulative += weights[i];
            if (cumulative >= half)
            {
                return values[i];
            }
        }

        return values[^1];
    }

    /// <summary>
    /// Sorts <paramref name="values"/> ascending with <paramref name="weights"/> alongside, exactly as
    /// <c>values.Sort(weights)</c> does (the same order of equal values too): for up to 16 items the same swaps and
    /// insertion sort as the runtime's introsort uses for small partitions (the latter as a stable rank placement);
    /// longer spans go to the runtime.
    /// </summary>
    /// <remarks>Values must not be NaN (the runtime moves NaNs to the front first; a stay centre has none).</remarks>
    internal static void SortByValue(Span<double> values, Span<double> weights)
    {
        Debug.Assert(values.Length == weights.Length, "one weight per value");
        int n = values.Length;
        if (n > 16)
        {
            values.Sort(weights);
            return;
        }

        if (n <= 3)
        {
            if (n == 2)
            {
                SwapIfGreater(values, weights, 0, 1);
            }
            else if (n == 3)
            {
                SwapIfGreater(values, weights, 0, 1);
                SwapIfGreater(values, weights, 0, 2);
                SwapIfGreater(values, weights, 1, 2);
            }

            return;
        }

        Span<double> v = stackalloc double[16];
        Span<double> w = stackalloc double[16];
        values.CopyTo(v);
        weights.CopyTo(w);
        SortInto(v[..n], w[..n], values, weights);
    }

    /// <summary>
    /// Writes <paramref name="values"/> sorted into <paramref name="sortedValues"/>, with the weights alongside, in the
    /// order of <see cref="SortByValue"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void SortInto(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, Span<double> sortedValues, Span<double> sortedWeights)
    {
        int n = values.Length;
        Debug.Assert(weights.Length == n && sortedValues.Length == n && sortedWeights.Length == n, "one weight per value");
        if (n is < 4 or > 16)
        {
            values.CopyTo(sortedValues);
            weights.CopyTo(sortedWeights);
            SortByValue(sortedValues, sortedWeights);
            return;
        }

        // The runtime sorts 4 to 16 items by insertion, a stable sort: each item goes to its stable rank (items
        // smaller, plus equal items before it), counted here without branches instead of shifted into place.
        for (int i = 0; i < n; i++)
        {
            double x = values[i];
            int rank = 0;
            for (int j = 0; j < i; j++)
            {
                rank += values[j] <= x ? 1 : 0;
            }

            for (int j = i + 1; j < n; j++)
            {
                rank += values[j] < x ? 1 : 0;
            }

            sortedValues[rank] = x;
            sortedWeights[rank] = weights[i];
        }
    }

    private static void SwapIfGreater(Span<double> values, Span<double> weights, int i, int j)
    {
        if (values[i] > values[j])
        {
            (values[i], values[j]) = (values[j], values[i]);
            (weights[i], weights[j]) = (weights[j], weights[i]);
        }
    }

    private sealed class Scratch
    {
        private LocalDayCursor _clock;

        /// <summary>The cursor over <paramref name="local"/> (one per scratch, so one per chunk).</summary>
        public ref LocalDayCursor Clock(LocalTime local)
        {
            if (!_clock.Converts(local))
            {
                _clock = new LocalDayCursor(local);
            }

            return ref _clock;
        }

        private double[] _values = new double[64];
        private (double, double)[] _pairs = new (double, double)[64];

        public List<int> Buffer { get; } = new(256);

        public Span<double> Values(int n)
        {
            if (_values.Length < n)
            {
                _values = new double[Math.Max(n, _values.Length * 2)];
            }

            return _values.AsSpan(0, n);
        }

        public Span<(double Lat, double Lon)> Pairs(int n)
        {
            if (_pairs.Length < n)
            {
                _pairs = new (double, double)[Math.Max(n, _pairs.Length * 2)];
            }

            return _pairs.AsSpan(0, n);
        }

        private int[] _gatheredRows = new int[256];
        private long[] _gatheredTimes = new long[256];
        private double[] _gatheredLats = new double[256];
        private double[] _gatheredLons = new double[256];
        private float[] _gatheredAccuracies = new float[256];

        /// <summary>
        /// Copies the rows [<paramref name="start"/>, <paramref name="end"/>) with accuracy not above
        /// <paramref name="maxAccuracy"/> (NaN included) and not excluded into the gathered columns; returns their count.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public int Gather(PingTable p, int start, int end, double maxAccuracy, ReadOnlySpan<bool> excluded)
        {
            int count = end - start;
            Span<int> rows = Grow(ref _gatheredRows, count);
            Span<long> times = Grow(ref _gatheredTimes, count);
            Span<double> lats = Grow(ref _gatheredLats, count);
            Span<double> lons = Grow(ref _gatheredLons, count);
            Span<float> accuracies = Grow(ref _gatheredAccuracies, count);
            ReadOnlySpan<long> t = p.TimeArray.AsSpan(start, count);
            ReadOnlySpan<double> lat = p.LatArray.AsSpan(start, count);
            ReadOnlySpan<double> lon = p.LonArray.AsSpan(start, count);
            ReadOnlySpan<float> acc = p.AccuracyArray.AsSpan(start, count);
            bool checkExcluded = !excluded.IsEmpty;
            int n = 0;
            for (int i = 0; i < count; i++)
            {
                // Written unconditionally, kept by advancing n: no branch on the (unpredictable) eligibility.
                float a = acc[i];
                rows[n] = start + i;
                times[n] = t[i];
                lats[n] = lat[i];
                lons[n] = lon[i];
                accuracies[n] = a;
                bool skip = a > maxAccuracy || (checkExcluded && excluded[i]);
                n += skip ? 0 : 1;
            }

            return n;
        }

        public ReadOnlySpan<int> GatheredRows(int n) => _gatheredRows.AsSpan(0, n);

        public ReadOnlySpan<long> GatheredTimes(int n) => _gatheredTimes.AsSpan(0, n);

        public ReadOnlySpan<double> GatheredLats(int n) => _gatheredLats.AsSpan(0, n);

        public ReadOnlySpan<double> GatheredLons(int n) => _gatheredLons.AsSpan(0, n);

        public ReadOnlySpan<float> GatheredAccuracies(int n) => _gatheredAccuracies.AsSpan(0, n);

        private double[] _weights = new double[64];
        private double[] _sortedWeights = new double[64];

        private int[] _memberRows = new int[256];

        public Span<int> MemberRows(int n) => Grow(ref _memberRows, n);

        private double[] _sortedValues = new double[64];

        public Span<double> SortedValues(int n) => Grow(ref _sortedValues, n);

        public Span<double> Weights(int n) => Grow(ref _weights, n);

        public Span<double> SortedWeights(int n) => Grow(ref _sortedWeights, n);

        private static Span<T> Grow<T>(ref T[] array, int n)
        {
            if (array.Length < n)
            {
                array = new T[Math.Max(n, array.Length * 2)];
            }

            return array.AsSpan(0, n);
        }
    }
}

/// <summary>Local-clock helpers: night and day numbers of local epoch milliseconds.</summary>
internal static class NightClock
{
    public const long NotNight = long.MinValue;
    public const long DayMs = 86_400_000L;
    public const long HourMs = 3_600_000L;

    /// <summary>The local day number (days since 1970-01-01 local).</summary>
    public static long DayOf(long localMs) => TimestampUnits.FloorDivide(localMs, DayMs);

    /// <summary>Milliseconds since local midnight.</summary>
    public static long TimeOfDay(long localMs) => localMs - (DayOf(localMs) * DayMs);

    /// <summary>ISO day of week, Monday = 0 … Sunday = 6 (1970-01-01 was a Thursday).</summary>
    public static int DayOfWeek(long localMs) => (int)(((DayOf(localMs) % 7) + 7 + 3) % 7);

    /// <summary>
    /// The night (numbered by the day on which it starts) containing <paramref name="localMs"/> when it lies in
    /// [startHour:00, 24:00) or [00:00, endHour:00] (both ends inclusive); otherwise <see cref="NotNight"/>.
    /// </summary>
    public static long NightOf(long localMs, int startHour, int endHour) => NightOf(DayOf(localMs), localMs, startHour, endHour);

    /// <summary>As <see cref="NightOf(long, int, int)"/>, given the local day of <paramref name="localMs"/>.</summary>
    public static long NightOf(long day, long localMs, int startHour, int endHour)
    {
        System.Diagnostics.Debug.Assert(day == DayOf(localMs), "the day is the local day of the instant");
        long tod = localMs - (day * DayMs);
        if (tod >= startHour * HourMs)
        {
            return day;
        }

        return tod <= endHour * HourMs ? day - 1 : NotNight;
    }
}
