using AdintAudit.Geo;
using AdintAudit.Mobility;

namespace AdintAudit.Risk.Anonymity;

/// <summary>
/// Home/work pair anonymity (Golle and Partridge 2009): for each device with both an inferred home and an inferred work
/// place, the number of devices sharing its (home cell, work cell), at several cell sizes.
/// </summary>
public static class HomeWorkAnonymity
{
    /// <summary>Computes the anonymity sets of the home/work pairs at every cell size of the options.</summary>
    /// <param name="homes">Inferred homes and work places; a device counts only when both are known (not NaN).</param>
    /// <param name="options">Cell sizes, k and the risk threshold; null for the defaults.</param>
    /// <returns>One summary per cell size, in the order of <see cref="AnonymityOptions.CellMeters"/>, and per-device set sizes.</returns>
    /// <remarks>
    /// Home and work are mapped to <see cref="GridCell"/> keys; the pair of keys is the class key. O(devices) per cell size.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static HomeWorkAnonymityResult Compute(HomeWorkTable homes, AnonymityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(homes);
        options ??= new AnonymityOptions();
        options.Validate();
        ReadOnlySpan<double> homeLat = homes.HomeLat;
        ReadOnlySpan<double> homeLon = homes.HomeLon;
        ReadOnlySpan<double> workLat = homes.WorkLat;
        ReadOnlySpan<double> workLon = homes.WorkLon;
        int devices = homes.Count;
        int[] withBoth = new int[devices];
        int counted = 0;
        for (int d = 0; d < devices; d++)
        {
            if (IsKnown(homeLat[d], homeLon[d]) && IsKnown(workLat[d], workLon[d]))
            {
                withBoth[counted++] = d;
            }
        }

        long[] keys = new long[counted * 2];
        int[] recordSizes = new int[counted];
        var summaries = new AnonymitySummary[options.CellMeters.Count];
        int[][] deviceSizes = new int[summaries.Length][];
        for (int c = 0; c < summaries.Length; c++)
        {
            double cell = options.CellMeters[c];
            for (int r = 0; r < counted; r++)
            {
                int d = withBoth[r];
                keys[2 * r] = GridCell.Key(homeLat[d], homeLon[d], cell);
                keys[(2 * r) + 1] = GridCell.Key(workLat[d], workLon[d], cell);
            }

            summaries[c] = AnonymitySets.Summarize(keys, 2, cell, options, recordSizes);
            int[] sizes = new int[devices];
            for (int r = 0; r < counted; r++)
            {
                sizes[withBoth[r]] = recordSizes[r];
            }

            deviceSizes[c] = sizes;
        }

        return new HomeWorkAnonymityResult(summaries, deviceSizes);
    }

    private static bool IsKnown(double lat, double lon) => !double.IsNaN(lat) && !double.IsNaN(lon);
}
