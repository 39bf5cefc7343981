using AdintAudit.Data;
using AdintAudit.Geo;

namespace AdintAudit.Quality;

/// <summary>Settings of <see cref="QualityScreen"/>, with their defaults.</summary>
public sealed record QualityOptions
{
    /// <summary>Speed between consecutive pings above which a ping is a teleport, in km/h (default 500).</summary>
    public double TeleportSpeedKmh { get; init; } = 500;

    /// <summary>Coordinates with at most this many decimals (both lat and lon) are counted as coarse (default 3).</summary>
    public int CoarseMaxDecimals { get; init; } = 3;

    /// <summary>Coordinates with at most this many decimals look IP-derived and are excluded from stays (default 2).</summary>
    public int IpLikeMaxDecimals { get; init; } = 2;

    /// <summary>A coordinate seen on at least this many devices is a shared "default" coordinate (default 10).</summary>
    public int SharedCoordinateMinDevices { get; init; } = 10;

    /// <summary>Pings with a worse accuracy are counted (and ignored by stays), in meters (default 500).</summary>
    public double MaxAccuracyMeters { get; init; } = 500;

    /// <summary>Start of the dataset window (UTC epoch ms, inclusive); null to derive it from the data (see remarks of <see cref="QualityScreen"/>).</summary>
    public long? WindowStartMs { get; init; }

    /// <summary>End of the dataset window (UTC epoch ms, exclusive); null to derive it from the data.</summary>
    public long? WindowEndMs { get; init; }

    /// <summary>Examples kept per check (default 5).</summary>
    public int ExamplesPerCheck { get; init; } = 5;
}

/// <summary>One quality check's figures.</summary>
/// <param name="Name">The check (for example <c>teleport</c>).</param>
/// <param name="Pings">Pings flagged.</param>
/// <param name="Removed">Whether flagged pings are removed from the cleaned table (otherwise kept and only excluded from stays, or merely counted).</param>
/// <param name="Examples">Up to <see cref="QualityOptions.ExamplesPerCheck"/> examples, as <c>device,time_ms,lat,lon</c>.</param>
public sealed record QualityCheck(string Name, long Pings, bool Removed, IReadOnlyList<string> Examples);

/// <summary>The quality screen's figures, for the report.</summary>
/// <param name="InputPings">Pings screened.</param>
/// <param name="CleanPings">Pings in the cleaned table.</param>
/// <param name="WindowStartMs">The dataset window's start (UTC epoch ms).</param>
/// <param name="WindowEndMs">The dataset window's end (exclusive).</param>
/// <param name="WindowSource">Whether the window was given or derived.</param>
/// <param name="Checks">One entry per check, in a fixed order.</param>
public sealed record QualityReport(long InputPings, long CleanPings, long WindowStartMs, long WindowEndMs, string WindowSource, IReadOnlyList<QualityCheck> Checks);

/// <summary>The output of <see cref="QualityScreen.Screen"/>.</summary>
/// <param name="Clean">The cleaned table (removed checks dropped; equal timestamps of a device ordered by lat, lon, accuracy).</param>
/// <param name="IpLike">One flag per row of <paramref name="Clean"/>: shared coordinate or IP-like precision; stays and home evidence ignore these.</param>
/// <param name="Report">The figures.</param>
public sealed record QualityResult(PingTable Clean, bool[] IpLike, QualityReport Report);

/// <summary>Screens a ping table for the artefacts of ad-tech data (ALGORITHMS.md §4, last item).</summary>
/// <remarks>
/// <para>Removed: exact duplicates (same device, time, lat, lon; the first is kept), null island (0, 0), out of range
/// (|lat| &gt; 90 or |lon| &gt; 180, or not finite), timestamps outside the dataset window, teleports (a ping reached from
/// the previous kept ping and left to the next at more than <see cref="QualityOptions.TeleportSpeedKmh"/>; the last ping
/// of a device only by the first test; time differences below one second count as one second).</para>
/// <para>Kept but flagged: shared coordinates (the same exact coordinate on ≥ <see cref="QualityOptions.SharedCoordinateMinDevices"/>
/// devices) and IP-like precision (≤ 2 decimals) form <see cref="QualityResult.IpLike"/>. Counted only: coarse
/// coordinates (≤ 3 decimals) and accuracy above the threshold.</para>
/// <para>Window: given, or derived as [the day of the 0.5th percentile, the day after the 99.5th percentile) of the
/// timestamps (UTC days), so stray 1970 or far-future values fall outside it.</para>
/// <para>Cost: two passes over the pings plus a dictionary of only the coordinates whose hash bucket holds enough pings.</para>
/// </remarks>
public static class QualityScreen
{
    private const long DayMs = 86_400_000L;

    /// <summary>Pings at one instant of one device checked for duplicates by a linear look-back; longer runs use a set.</summary>
    private const int LinearDuplicateRun = 16;

    /// <summary>Screens <paramref name="pings"/>.</summary>
    /// <param name="pings">The table as loaded.</param>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <returns>The cleaned table, the IP-like flags and the report.</returns>
    public static QualityResult Screen(PingTable pings, QualityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pings);
        options ??= new QualityOptions();

        // Canonical order of equal timestamps first, so that which duplicate survives and which ping is a teleport do
        // not depend on the input order.
        var all = new bool[pings.Count];
        Array.Fill(all, true);
        pings = pings.Filter(all);
        SortTiesCanonically(pings, new bool[pings.Count]);
        int n = pings.Count;
        long[] t = pings.TimeArray;
        double[] lat = pings.LatArray;
        double[] lon = pings.LonArray;
        float[] acc = pings.AccuracyArray;
        int[] device = pings.DeviceArray;
        string[] ids = pings.DeviceIdArray;

        (long windowStart, long windowEnd, string windowSource) = Window(t, options);
        var checks = new Counter[]
        {
            new("duplicate", true), new("null_island", true), new("out_of_range", true), new("outside_window", true), new("teleport", true),
            new("shared_coordinate", false), new("ip_like_precision", false), new("coarse_coordinates", false), new("accuracy_above_threshold", false),
        };
        int examples = options.ExamplesPerCheck;
        string Example(int i) => FormattableString.Invariant($"{ids[device[i]]},{t[i]},{lat[i]},{lon[i]}");

        var keep = new bool[n];
        var sameInstant = new HashSet<(double Lat, double Lon)>();
        for (int d = 0; d < pings.DeviceCount; d++)
        {
            int start = pings.DeviceStartArray[d];
            int end = pings.DeviceStartArray[d + 1];
            int runStart = start;
            for (int i = start; i < end; i++)
            {
                if (i == start || t[i] != t[i - 1])
                {
                    runStart = i;
                }

                bool duplicate = false;
                if (i - runStart <= LinearDuplicateRun)
                {
                    for (int k = runStart; k < i; k++)
                    {
                        if (lat[k].Equals(lat[i]) && lon[k].Equals(lon[i]))
                        {
                            duplicate = true;
                            break;
                        }
                    }

                    if (i - runStart == LinearDuplicateRun)
                    {
                        // A long run of pings at one instant: switch to a set so the run stays linear, not quadratic.
                        sameInstant.Clear();
                        for (int k = runStart; k <= i; k++)
                        {
                            sameInstant.Add((lat[k], lon[k]));
                        }
                    }
                }
                else
                {
                    // double.Equals semantics, as above (NaN equals NaN, 0 equals -0).
                    duplicate = !sameInstant.Add((lat[i], lon[i]));
                }

                int failed = duplicate ? 0
                    : lat[i] == 0 && lon[i] == 0 ? 1
                    : !(Math.Abs(lat[i]) <= 90) || !(Math.Abs(lon[i]) <= 180) ? 2
                    : t[i] < windowStart || t[i] >= windowEnd ? 3
                    : -1;
                if (failed >= 0)
                {
                    checks[failed].Add(i, examples);
                }

                keep[i] = failed < 0;
            }

            // Teleports among the kept pings.
            double limitMetersPerMs = options.TeleportSpeedKmh / 3600.0;
            int previous = -1;
            for (int i = start; i < end; i++)
            {
                if (!keep[i])
                {
                    continue;
                }

                if (previous >= 0 && Speed(previous, i, t, lat, lon) > limitMetersPerMs)
                {
                    int next = i + 1;
                    while (next < end && !keep[next])
                    {
                        next++;
                    }

                    if (next >= end || Speed(i, next, t, lat, lon) > limitMetersPerMs)
                    {
                        keep[i] = false;
                        checks[4].Add(i, examples);
                        continue;
                    }
                }

                previous = i;
            }
        }

        // Shared coordinates: bucket counts first, then exact distinct devices for heavy buckets only.
        const int Buckets = 1 << 22;
        int minDevices = options.SharedCoordinateMinDevices;
        int[] bucketCount = new int[Buckets];
        for (int i = 0; i < n; i++)
        {
            if (keep[i])
            {
                bucketCount[Bucket(lat[i], lon[i], Buckets)]++;
            }
        }

        var coordinateDevices = new Dictionary<(double, double), (int LastDevice, int Devices)>();
        for (int i = 0; i < n; i++)
        {
            if (keep[i] && bucketCount[Bucket(lat[i], lon[i], Buckets)] >= minDevices)
            {
                var key = (lat[i], lon[i]);
                coordinateDevices.TryGetValue(key, out (int LastDevice, int Devices) entry);
                if (entry.Devices == 0 || entry.LastDevice != device[i])
                {
                    coordinateDevices[key] = (device[i], entry.Devices + 1);
                }
            }
        }

        var ipLikeAll = new bool[n];
        for (int i = 0; i < n; i++)
        {
            if (!keep[i])
            {
                continue;
            }

            bool shared = bucketCount[Bucket(lat[i], lon[i], Buckets)] >= minDevices
                && coordinateDevices.TryGetValue((lat[i], lon[i]), out (int LastDevice, int Devices) e) && e.Devices >= minDevices;
            bool ipPrecision = HasAtMostDecimals(lat[i], options.IpLikeMaxDecimals) && HasAtMostDecimals(lon[i], options.IpLikeMaxDecimals);
            if (shared)
            {
                checks[5].Add(i, examples);
            }

            if (ipPrecision)
            {
                checks[6].Add(i, examples);
            }

            if (HasAtMostDecimals(lat[i], options.CoarseMaxDecimals) && HasAtMostDecimals(lon[i], options.CoarseMaxDecimals))
            {
                checks[7].Add(i, examples);
            }

            if (!float.IsNaN(acc[i]) && acc[i] > options.MaxAccuracyMeters)
            {
                checks[8].Add(i, examples);
            }

            ipLikeAll[i] = shared || ipPrecision;
        }

        PingTable clean = pings.Filter(keep);
        bool[] ipLike = new bool[clean.Count];
        int w = 0;
        for (int i = 0; i < n; i++)
        {
            if (keep[i])
            {
                ipLike[w++] = ipLikeAll[i];
            }
        }

        var report = new QualityReport(n, clean.Count, windowStart, windowEnd, windowSource,
            [.. checks.Select(c => new QualityCheck(c.Name, c.Count, c.Removed, [.. c.Examples.Select(Example)]))]);
        return new QualityResult(clean, ipLike, report);
    }

    /// <summary>Whether <paramref name="value"/> has at most <paramref name="decimals"/> decimals (to 1e-7 of a unit of the last one).</summary>
    internal static bool HasAtMostDecimals(double value, int decimals)
    {
        double scaled = value * Math.Pow(10, decimals);
        return Math.Abs(scaled - Math.Round(scaled)) < 1e-6;
    }

    private static double Speed(int a, int b, long[] t, double[] lat, double[] lon)
    {
        long dt = Math.Max(1000, t[b] - t[a]);
        return Haversine.Meters(lat[a], lon[a], lat[b], lon[b]) / dt;
    }

    private static int Bucket(double lat, double lon, int buckets)
    {
        ulong h = (ulong)BitConverter.DoubleToInt64Bits(lat) * 0x9E3779B97F4A7C15UL;
        h ^= (ulong)BitConverter.DoubleToInt64Bits(lon) * 0xC2B2AE3D27D4EB4FUL;
        h ^= h >> 29;
        return (int)(h & (ulong)(buckets - 1));
    }

    private static (long Start, long End, string Source) Window(long[] t, QualityOptions options)
    {
        if (options.WindowStartMs is long s && options.WindowEndMs is long e)
        {
            return (s, e, "given");
        }

        if (t.Length == 0)
        {
            return (long.MinValue, long.MaxValue, "empty input");
        }

        // Percentiles from a deterministic sample of at most 1M timestamps.
        int step = Math.Max(1, t.Length / 1_000_000);
        var sample = new long[((t.Length - 1) / step) + 1];
        for (int i = 0, k = 0; i < t.Length; i += step, k++)
        {
            sample[k] = t[i];
        }

        Array.Sort(sample);
        long low = sample[(int)(sample.Length * 0.005)];
        long high = sample[Math.Min(sample.Length - 1, (int)(sample.Length * 0.995))];
        long start = options.WindowStartMs ?? TimestampUnits.FloorDivide(low, DayMs) * DayMs;
        long end = options.WindowEndMs ?? (TimestampUnits.FloorDivide(high, DayMs) + 1) * DayMs;
        return (start, end, "derived from the 0.5th-99.5th percentile days");
    }

    /// <summary>Orders each device's rows with equal timestamps by (lat, lon, accuracy), so results do not depend on input order.</summary>
    private static void SortTiesCanonically(PingTable table, bool[] flags)
    {
        long[] t = table.TimeArray;
        double[] lat = table.LatArray;
        double[] lon = table.LonArray;
        float[] acc = table.AccuracyArray;
        int n = table.Count;
        var run = new List<(double Lat, double Lon, float Acc, bool Flag)>();
        for (int i = 0; i < n;)
        {
            int j = i + 1;
            while (j < n && t[j] == t[i] && table.DeviceArray[j] == table.DeviceArray[i])
            {
                j++;
            }

            if (j - i > 1)
            {
                run.Clear();
                for (int k = i; k < j; k++)
                {
                    run.Add((lat[k], lon[k], acc[k], flags[k]));
                }

                run.Sort((a, b) => a.Lat != b.Lat ? a.Lat.CompareTo(b.Lat) : a.Lon != b.Lon ? a.Lon.CompareTo(b.Lon) : a.Acc.CompareTo(b.Acc));
                for (int k = i; k < j; k++)
                {
                    (lat[k], lon[k], acc[k], flags[k]) = run[k - i];
                }
            }

            i = j;
        }
    }

    private sealed class Counter(string name, bool removed)
    {
        public string Name { get; } = name;

        public bool Removed { get; } = removed;

        public long Count { get; private set; }

        public List<int> Examples { get; } = [];

        public void Add(int row, int max)
        {
            Count++;
            if (Examples.Count < max)
            {
                Examples.Add(row);
            }
        }
    }
}
