using AdintAudit.Data;
using AdintAudit.Geo;
using AdintAudit.Risk.Unicity;

namespace AdintAudit.Tests.Risk.Unicity;

/// <summary>
/// Reference unicity by enumeration: every p-subset of every device's distinct (cell, bin) points is checked against
/// every other device's set. Exact expectation (share of unique subsets) and exact worst case.
/// </summary>
internal static class BruteForceUnicity
{
    public static HashSet<(long Cell, long Bin)>[] Traces(PingTable pings, UnicityResolution resolution)
    {
        var traces = new HashSet<(long, long)>[pings.DeviceCount];
        long binMs = resolution.TimeBinMinutes * 60_000L;
        for (int d = 0; d < pings.DeviceCount; d++)
        {
            traces[d] = [];
            Range rows = pings.GetDeviceRange(d);
            for (int i = rows.Start.Value; i < rows.End.Value; i++)
            {
                traces[d].Add((GridCell.Key(pings.Lat[i], pings.Lon[i], resolution.CellMeters), (long)Math.Floor(pings.TimeMs[i] / (double)binMs)));
            }
        }

        return traces;
    }

    /// <summary>Exact ε_p and worst case over all devices (NaN when none has p points).</summary>
    public static (int Eligible, double Expected, double WorstCase) Compute(PingTable pings, UnicityResolution resolution, int p)
    {
        HashSet<(long Cell, long Bin)>[] traces = Traces(pings, resolution);
        int eligible = 0;
        double shares = 0;
        int worst = 0;
        for (int d = 0; d < traces.Length; d++)
        {
            var points = traces[d].ToList();
            if (points.Count < p)
            {
                continue;
            }

            eligible++;
            int subsets = 0;
            int unique = 0;
            foreach (int[] subset in Subsets(points.Count, p))
            {
                subsets++;
                bool alone = true;
                for (int other = 0; other < traces.Length && alone; other++)
                {
                    alone = other == d || !subset.All(i => traces[other].Contains(points[i]));
                }

                unique += alone ? 1 : 0;
            }

            shares += (double)unique / subsets;
            worst += unique > 0 ? 1 : 0;
        }

        return eligible == 0 ? (0, double.NaN, double.NaN) : (eligible, shares / eligible, (double)worst / eligible);
    }

    private static IEnumerable<int[]> Subsets(int n, int p)
    {
        int[] c = [.. Enumerable.Range(0, p)];
        while (true)
        {
            yield return [.. c];
            int i = p - 1;
            while (i >= 0 && c[i] == n - p + i)
            {
                i--;
            }

            if (i < 0)
            {
                yield break;
            }

            c[i]++;
            for (int j = i + 1; j < p; j++)
            {
                c[j] = c[j - 1] + 1;
            }
        }
    }
}
