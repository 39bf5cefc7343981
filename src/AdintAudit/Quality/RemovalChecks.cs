using AdintAudit.Data;
using AdintAudit.Geo;

namespace AdintAudit.Quality;

/// <summary>
/// The quality checks that remove pings (duplicates, null island, out of range, outside the window, teleports). Each
/// looks at one device's rows only, so a device gets the same verdicts in any partition that holds all its rows.
/// </summary>
internal static class RemovalChecks
{
    /// <summary>Index of each removal check in the counters passed to <see cref="Mark"/>.</summary>
    public const int Duplicate = 0, NullIsland = 1, OutOfRange = 2, OutsideWindow = 3, Teleport = 4;

    /// <summary>R·(π/2)·(π/180): the bound of <see cref="FasterThan"/> per degree of coordinate difference.</summary>
    private const double BoundMetersPerDegree = Haversine.EarthRadiusMeters * (Math.PI / 2) * (Math.PI / 180);

    /// <summary>Pings at one instant of one device checked for duplicates by a linear look-back; longer runs use a set.</summary>
    private const int LinearDuplicateRun = 16;

    /// <summary>
    /// Returns <paramref name="pings"/> with each device's rows of equal timestamps ordered by (lat, lon, accuracy), so that
    /// which duplicate survives and which ping is a teleport do not depend on the input order: the table itself when
    /// they already are (the common case), otherwise a sorted copy.
    /// </summary>
    public static PingTable Canonical(PingTable pings)
    {
        if (IsCanonical(pings))
        {
            return pings;
        }

        // Sorting within runs of one device and one instant moves only lat, lon and accuracy; the other columns are shared.
        var copy = new PingTable(pings.DeviceIdArray, pings.DeviceStartArray, pings.DeviceArray, pings.TimeArray,
            (double[])pings.LatArray.Clone(), (double[])pings.LonArray.Clone(), (float[])pings.AccuracyArray.Clone());
        SortTiesCanonically(copy);
        return copy;
    }

    /// <summary>
    /// Sets <paramref name="keep"/>[i] to whether row i passes every removal check, and counts the failures in
    /// <paramref name="counters"/> (indexed by the constants of this class) when given.
    /// </summary>
    /// <param name="pings">A table from <see cref="Canonical"/>.</param>
    /// <param name="options">The teleport speed.</param>
    /// <param name="windowStartMs">The dataset window's start (inclusive).</param>
    /// <param name="windowEndMs">The dataset window's end (exclusive).</param>
    /// <param name="keep">One flag per row, written.</param>
    /// <param name="counters">The removal checks' counters, or null to count nothing.</param>
    public static void Mark(PingTable pings, QualityOptions options, long windowStartMs, long windowEndMs, bool[] keep, CheckCounter[]? counters)
    {
        long[] t = pings.TimeArray;
        double[] lat = pings.LatArray;
        double[] lon = pings.LonArray;
        int[] deviceStart = pings.DeviceStartArray;
        double limitMetersPerMs = options.TeleportSpeedKmh / 3600.0;
        var sameInstant = new HashSet<(double Lat, double Lon)>();
        for (int d = 0; d < pings.DeviceCount; d++)
        {
            int start = deviceStart[d];
            int end = deviceStart[d + 1];
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

                int failed = duplicate ? Duplicate
                    : lat[i] == 0 && lon[i] == 0 ? NullIsland
                    : !(Math.Abs(lat[i]) <= 90) || !(Math.Abs(lon[i]) <= 180) ? OutOfRange
                    : t[i] < windowStartMs || t[i] >= windowEndMs ? OutsideWindow
                    : -1;
                if (failed >= 0)
                {
                    counters?[failed].Add(i);
                }

                keep[i] = failed < 0;
            }

            // Teleports among the kept pings.
            int previous = -1;
            for (int i = start; i < end; i++)
            {
                if (!keep[i])
                {
                    continue;
                }

                if (previous >= 0 && FasterThan(lat[previous], lon[previous], lat[i], lon[i], t[i] - t[previous], limitMetersPerMs))
                {
                    int next = i + 1;
                    while (next < end && !keep[next])
                    {
                        next++;
                    }

                    if (next >= end || FasterThan(lat[i], lon[i], lat[next], lon[next], t[next] - t[i], limitMetersPerMs))
                    {
                        keep[i] = false;
                        counters?[Teleport].Add(i);
                        continue;
                    }
                }

                previous = i;
            }
        }
    }

    /// <summary>
    /// Whether <see cref="Haversine.Meters"/> between the points, divided by max(1000, <paramref name="dtMs"/>), exceeds
    /// <paramref name="limitMetersPerMs"/>: exactly that test, but without trigonometry for the common pair that is
    /// certainly slower.
    /// </summary>
    /// <remarks>
    /// Since sin²x ≤ x², cos ≤ 1 and 2·asin(y) ≤ π·y on [0, 1], the haversine distance is at most
    /// R·(π/2)·√(Δφ² + Δλ²) (radians). When that bound is at most half the allowed distance, the rounding of either
    /// computation (relative 1e-15) cannot make the haversine exceed the allowed distance, so the answer is false.
    /// </remarks>
    internal static bool FasterThan(double lat1, double lon1, double lat2, double lon2, long dtMs, double limitMetersPerMs)
    {
        long dt = Math.Max(1000, dtMs);
        double dLat = lat2 - lat1;
        double dLon = lon2 - lon1;
        double boundMeters = BoundMetersPerDegree * Math.Sqrt((dLat * dLat) + (dLon * dLon));
        if (boundMeters <= 0.5 * limitMetersPerMs * dt)
        {
            return false;
        }

        return Haversine.Meters(lat1, lon1, lat2, lon2) / dt > limitMetersPerMs;
    }

    /// <summary>
    /// Orders by lat, lon, accuracy, then by their bits (NaN payloads, -0 before 0): a total order on distinct rows, so the
    /// unstable sort gives the same order for any input order.
    /// </summary>
    private static int CompareCanonically((double Lat, double Lon, float Acc) a, (double Lat, double Lon, float Acc) b)
    {
        int c = a.Lat.CompareTo(b.Lat);
        c = c != 0 ? c : a.Lon.CompareTo(b.Lon);
        c = c != 0 ? c : a.Acc.CompareTo(b.Acc);
        c = c != 0 ? c : BitConverter.DoubleToInt64Bits(a.Lat).CompareTo(BitConverter.DoubleToInt64Bits(b.Lat));
        c = c != 0 ? c : BitConverter.DoubleToInt64Bits(a.Lon).CompareTo(BitConverter.DoubleToInt64Bits(b.Lon));
        return c != 0 ? c : BitConverter.SingleToInt32Bits(a.Acc).CompareTo(BitConverter.SingleToInt32Bits(b.Acc));
    }

    private static bool IsCanonical(PingTable table)
    {
        long[] t = table.TimeArray;
        double[] lat = table.LatArray;
        double[] lon = table.LonArray;
        float[] acc = table.AccuracyArray;
        int[] device = table.DeviceArray;
        for (int i = 1; i < t.Length; i++)
        {
            if (t[i] == t[i - 1] && device[i] == device[i - 1] && CompareCanonically((lat[i - 1], lon[i - 1], acc[i - 1]), (lat[i], lon[i], acc[i])) > 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Orders each device's rows with equal timestamps by (lat, lon, accuracy), in place.</summary>
    private static void SortTiesCanonically(PingTable table)
    {
        long[] t = table.TimeArray;
        double[] lat = table.LatArray;
        double[] lon = table.LonArray;
        float[] acc = table.AccuracyArray;
        int[] device = table.DeviceArray;
        int n = table.Count;
        var run = new List<(double Lat, double Lon, float Acc)>();
        for (int i = 0; i < n;)
        {
            int j = i + 1;
            while (j < n && t[j] == t[i] && device[j] == device[i])
            {
                j++;
            }

            if (j - i > 1)
            {
                run.Clear();
                for (int k = i; k < j; k++)
                {
                    run.Add((lat[k], lon[k], acc[k]));
                }

                run.Sort(CompareCanonically);
                for (int k = i; k < j; k++)
                {
                    (lat[k], lon[k], acc[k]) = run[k - i];
                }
            }

            i = j;
        }
    }
}
