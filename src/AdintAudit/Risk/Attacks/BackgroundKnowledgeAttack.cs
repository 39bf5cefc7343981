using System.Globalization;
using AdintAudit.Geo;

namespace AdintAudit.Risk.Attacks;

/// <summary>
/// Computes each device's re-identification risk under a background-knowledge attack (Pellungrini et al. 2017):
/// for every instance of k pieces of the target's data, the probability of picking the target among the devices whose
/// data match it is 1 / matches; the risk is the maximum over instances.
/// </summary>
/// <remarks>
/// scikit-mobility evaluates every combination of k records against every device. The same maximum is found here by
/// (1) enumerating only DISTINCT instances (duplicate combinations cannot change a maximum), (2) narrowing candidate
/// devices through an inverted index from key to devices, rarest key first, one intersection per key added to the
/// instance (a depth-first walk keeps the devices matching each prefix; merges walk the shorter list and gallop in the
/// longer, in reused buffers), and (3) stopping at risk 1, which no instance can exceed: a target holding a key no other
/// device holds has risk 1 without any search, and so does every target as soon as a prefix matches it alone. Where the number of distinct instances is still too large, the search stops after
/// <see cref="AttackOptions.MaxInstancesPerDevice"/> and the device is flagged: its risk is then a lower bound.
/// </remarks>
public static class BackgroundKnowledgeAttack
{
    /// <summary>Runs the attack on every device.</summary>
    /// <param name="input">The records.</param>
    /// <param name="options">Which attack, k, tolerance, precision, compatibility mode.</param>
    /// <param name="cancellationToken">Stops between devices.</param>
    /// <returns>Risk per device (NaN for a device with no records, or without home and work for the default home-work attack).</returns>
    /// <exception cref="ArgumentOutOfRangeException">k is below 1 or the tolerance is outside [0, 1].</exception>
    public static AttackResult Run(AttackInput input, AttackOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.KnowledgeLength, 1);
        if (options.Tolerance is < 0 or > 1 || double.IsNaN(options.Tolerance))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "tolerance must be in [0, 1]");
        }

        int devices = input.DeviceCount;
        double[] risk = new double[devices];
        bool[] truncated = new bool[devices];
        if (options.Kind == AttackKind.HomeWork)
        {
            HomeWorkRisk(input, options.SkmobCompat, risk);
            return new AttackResult(risk, truncated, devices);
        }

        (int[] keys, int keyCount) = options.Kind == AttackKind.LocationTime
            ? TimeKeys(input, options.Precision, options.SkmobCompat)
            : (input.Place, input.PlaceCount);
        var index = new AttackIndex(input, keys, keyCount);
        long searched = 0;
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism),
            CancellationToken = cancellationToken,
        };
        Parallel.For(0, devices, parallel, () => (Scratch: new SearchScratch(), Instances: 0L), (device, _, local) =>
        {
            if (index.Records(device) == 0)
            {
                risk[device] = double.NaN;
                return local;
            }

            var search = new InstanceSearch(index, options, device);
            risk[device] = search.Run(local.Scratch);
            truncated[device] = search.Truncated;
            return (local.Scratch, local.Instances + search.Instances);
        }, local => Interlocked.Add(ref searched, local.Instances));
        return new AttackResult(risk, truncated, searched);
    }

    /// <summary>Keys (place, time bucket) for the location-time attack, numbered in order of first appearance.</summary>
    /// <remarks>
    /// A bucket's text is a function of the time truncated to a unit (the day for Year, Month, Day and skmob's Hour, which
    /// is really the day; else the hour, minute or second), so it is formatted once per distinct unit, not per record.
    /// </remarks>
    private static (int[] Keys, int Count) TimeKeys(AttackInput input, TimePrecision precision, bool skmobCompat)
    {
        long unitMs = precision switch
        {
            TimePrecision.Second => 1_000,
            TimePrecision.Minute => 60_000,
            TimePrecision.Hour when !skmobCompat => 3_600_000,
            _ => 86_400_000,
        };
        var bucketOfUnit = new Dictionary<long, int>(PackedKeyComparer.Instance);
        var bucketIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new Dictionary<long, int>(PackedKeyComparer.Instance);
        int[] keys = new int[input.RecordCount];
        for (int r = 0; r < keys.Length; r++)
        {
            long unit = Math.DivRem(input.TimeMs[r], unitMs, out long remainder) - (remainder < 0 ? 1 : 0);
            if (!bucketOfUnit.TryGetValue(unit, out int bucket))
            {
                DateTime time = DateTime.UnixEpoch.AddMilliseconds(unit * unitMs);
                string text = skmobCompat ? SkmobBucket(time, precision) : Bucket(time, precision);
                if (!bucketIds.TryGetValue(text, out bucket))
                {
                    bucket = bucketIds.Count;
                    bucketIds.Add(text, bucket);
                }

                bucketOfUnit.Add(unit, bucket);
            }

            long composite = ((long)input.Place[r] << 32) | (uint)bucket;
            if (!ids.TryGetValue(composite, out int id))
            {
                id = ids.Count;
                ids.Add(composite, id);
            }

            keys[r] = id;
        }

        return (keys, ids.Count);
    }

    /// <summary>True calendar buckets in UTC.</summary>
    internal static string Bucket(DateTime time, TimePrecision precision) => precision switch
    {
        TimePrecision.Year => time.ToString("yyyy", CultureInfo.InvariantCulture),
        TimePrecision.Month => time.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        TimePrecision.Day => time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimePrecision.Hour => time.ToString("yyyy-MM-dd HH", CultureInfo.InvariantCulture),
        TimePrecision.Minute => time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        _ => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
    };

    /// <summary>scikit-mobility's <c>date_time_precision</c>: unpadded numbers concatenated, the month where the hour should be.</summary>
    internal static string SkmobBucket(DateTime time, TimePrecision precision)
    {
        string y = time.Year.ToString(CultureInfo.InvariantCulture);
        string m = time.Month.ToString(CultureInfo.InvariantCulture);
        string d = time.Day.ToString(CultureInfo.InvariantCulture);
        string minute = time.Minute.ToString(CultureInfo.InvariantCulture);
        string second = time.Second.ToString(CultureInfo.InvariantCulture);
        return precision switch
        {
            TimePrecision.Year => y,
            TimePrecision.Month => y + m,
            TimePrecision.Day => y + m + d,
            TimePrecision.Hour => y + m + d + m,
            TimePrecision.Minute => y + m + d + m + minute,
            _ => y + m + d + m + minute + second,
        };
    }

    private static void HomeWorkRisk(AttackInput input, bool skmobCompat, double[] risk)
    {
        int devices = input.DeviceCount;
        var pairs = new (int A, int B)[devices];
        if (skmobCompat)
        {
            // The two LEAST frequent places (skmob sorts its frequency vector ascending), ties by (lat, lon) = place id.
            var index = new AttackIndex(input, input.Place, input.PlaceCount);
            for (int d = 0; d < devices; d++)
            {
                int start = index.DeviceKeyStart[d];
                int end = index.DeviceKeyStart[d + 1];
                if (start == end)
                {
                    pairs[d] = (-2, -2);
                    continue;
                }

                var entries = new List<(int Count, int Place)>();
                for (int e = start; e < end; e++)
                {
                    entries.Add((index.DeviceCounts[e], index.DeviceKeys[e]));
                }

                entries.Sort();
                pairs[d] = entries.Count == 1 ? (entries[0].Place, -1) : Ordered(entries[0].Place, entries[1].Place);
            }
        }
        else
        {
            int[] home = input.HomePlace ?? throw new InvalidOperationException(
                "the default home-work attack needs inferred homes and works (AttackInput.WithHomeWork)");
            int[] work = input.WorkPlace!; // set together with HomePlace
            for (int d = 0; d < devices; d++)
            {
                pairs[d] = home[d] < 0 || work[d] < 0 ? (-2, -2) : home[d] == work[d] ? (home[d], -1) : Ordered(home[d], work[d]);
            }
        }

        // A target whose knowledge is {a, b} matches devices whose pair holds both; with one place {a}, any pair holding a.
        var pairCount = new Dictionary<(int, int), int>();
        var placeCount = new Dictionary<int, int>();
        foreach ((int a, int b) in pairs)
        {
            if (a == -2)
            {
                continue;
            }

            pairCount[(a, b)] = pairCount.GetValueOrDefault((a, b)) + 1;
            placeCount[a] = placeCount.GetValueOrDefault(a) + 1;
            if (b >= 0)
            {
                placeCount[b] = placeCount.GetValueOrDefault(b) + 1;
            }
        }

        for (int d = 0; d < devices; d++)
        {
            (int a, int b) = pairs[d];
            risk[d] = a == -2 ? double.NaN : 1.0 / (b < 0 ? placeCount[a] : pairCount[(a, b)]);
        }
    }

    private static (int, int) Ordered(int a, int b) => a < b ? (a, b) : (b, a);
}
