using AdintAudit.Geo;
using AdintAudit.Mobility;

namespace AdintAudit.Risk.Anonymity;

/// <summary>
/// Top-N places anonymity (Zang and Bolot 2011): the anonymity set of each device's N most visited places, coarsened
/// to grid cells, for N = 1 .. <see cref="AnonymityOptions.MaxTopPlaces"/>, as an ordered tuple and as a set.
/// </summary>
public static class TopPlacesAnonymity
{
    /// <summary>Computes the top-N anonymity sets.</summary>
    /// <param name="places">Each device's places with their stay counts and durations.</param>
    /// <param name="options">Cell sizes, N, k and the risk threshold; null for the defaults.</param>
    /// <returns>Summaries by N, ordering and cell size.</returns>
    /// <remarks>
    /// A device's places are ranked by stays (most first), ties by total duration (longest first), then by place id
    /// (lowest first). The key for N is the <see cref="GridCell"/> of each of the first N places; it is a multiset, so
    /// two top places in one cell count twice (at 20 km a device whose three top places lie in one city differs from
    /// one with a single place there). Devices with fewer than N places are left out of that N and counted.
    /// O(places + devices · N) per cell size.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static TopPlacesAnonymityResult Compute(PlaceTable places, AnonymityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(places);
        options ??= new AnonymityOptions();
        options.Validate();
        int top = options.MaxTopPlaces;
        int devices = places.DeviceCount;
        int[] topPlaces = new int[devices * top];
        int[] topCount = new int[devices];
        for (int d = 0; d < devices; d++)
        {
            topCount[d] = RankTop(places, d, topPlaces.AsSpan(d * top, top));
        }

        var summaries = new List<TopPlacesSummary>();
        for (int n = 1; n <= top; n++)
        {
            int fewer = 0;
            foreach (int count in topCount)
            {
                fewer += count < n ? 1 : 0;
            }

            long[] keys = new long[(devices - fewer) * n];
            foreach (bool ordered in (ReadOnlySpan<bool>)[true, false])
            {
                foreach (double cell in options.CellMeters)
                {
                    int at = 0;
                    for (int d = 0; d < devices; d++)
                    {
                        if (topCount[d] < n)
                        {
                            continue;
                        }

                        Span<long> key = keys.AsSpan(at, n);
                        for (int i = 0; i < n; i++)
                        {
                            int row = topPlaces[(d * top) + i];
                            key[i] = GridCell.Key(places.LatArray[row], places.LonArray[row], cell);
                        }

                        if (!ordered)
                        {
                            key.Sort();
                        }

                        at += n;
                    }

                    summaries.Add(new TopPlacesSummary
                    {
                        PlaceCount = n,
                        Ordered = ordered,
                        DevicesWithFewerPlaces = fewer,
                        Sets = AnonymitySets.Summarize(keys, n, cell, options),
                    });
                }
            }
        }

        return new TopPlacesAnonymityResult([.. summaries]);
    }

    /// <summary>Writes the rows of the device's most visited places, best first; returns how many were written.</summary>
    private static int RankTop(PlaceTable places, int device, Span<int> best)
    {
        int count = 0;
        for (int row = places.DeviceStartArray[device]; row < places.DeviceStartArray[device + 1]; row++)
        {
            // Insertion into the short best-first list: find the slot, shift the worse ones down.
            int slot = count;
            while (slot > 0 && Before(places, row, best[slot - 1]))
            {
                slot--;
            }

            if (slot >= best.Length)
            {
                continue;
            }

            int last = Math.Min(count, best.Length - 1);
            for (int i = last; i > slot; i--)
            {
                best[i] = best[i - 1];
            }

            best[slot] = row;
            count = Math.Min(count + 1, best.Length);
        }

        return count;
    }

    /// <summary>True when place row <paramref name="a"/> ranks before row <paramref name="b"/>.</summary>
    private static bool Before(PlaceTable places, int a, int b)
    {
        if (places.StayCountArray[a] != places.StayCountArray[b])
        {
            return places.StayCountArray[a] > places.StayCountArray[b];
        }

        if (places.DurationArray[a] != places.DurationArray[b])
        {
            return places.DurationArray[a] > places.DurationArray[b];
        }

        return places.PlaceIdArray[a] < places.PlaceIdArray[b];
    }
}
