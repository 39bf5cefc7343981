using AdintAudit.Data;
using AdintAudit.Geo;
using AdintAudit.Mobility;

namespace AdintAudit.Risk.Attacks;

/// <summary>
/// Builds the records the background-knowledge attacks see, in each mode: what one record is, where it is and when.
/// </summary>
/// <remarks>
/// <para>Compat <c>skmob</c> (<see cref="FromRawPings"/>): one record per raw ping, all rows as loaded (no cleaning),
/// the place being the exact (lat, lon) pair and the time the ping's time: scikit-mobility's view (ALGORITHMS.md:
/// "compat modes see the input as the peer would").</para>
/// <para>Default (<see cref="FromStays(StayTable, PlaceTable?, HomeWorkTable?, double)"/>): one record per STAY of the cleaned pings; its place is the grid cell
/// (<see cref="GridCell"/>) of the centre of the place the stay belongs to (the stay's own centre when it has no place),
/// its time the stay's start. Home and work are the cells of the inferred home and work. An adversary who knows "was at
/// this block on that day" is modelled, and pings that only repeat a stay do not multiply the records.</para>
/// </remarks>
public static class AttackInputBuilder
{
    /// <summary>Cell edge of the default mode in meters: 250 m, about a city block, the resolution of a "known place".</summary>
    public const double DefaultCellMeters = 250;

    /// <summary>Builds scikit-mobility's view: every ping of <paramref name="pings"/> is a record at its exact coordinates.</summary>
    /// <param name="pings">The pings as loaded (not cleaned).</param>
    /// <returns>Records indexed by the table's device numbers.</returns>
    public static AttackInput FromRawPings(PingTable pings)
    {
        ArgumentNullException.ThrowIfNull(pings);
        return AttackInput.FromPoints(pings.Device, pings.Lat, pings.Lon, pings.TimeMs, pings.DeviceCount);
    }

    /// <summary>
    /// Builds the default view from a mobility run: one record per stay, placed in the grid cell of its place's centre at
    /// <paramref name="cellMeters"/>, timed at the stay's start; with the cells of the inferred home and work when the run
    /// went up to <see cref="PipelineStage.Homes"/>.
    /// </summary>
    /// <param name="run">A run of <see cref="MobilityPipeline.Run(PingTable, PipelineStage, PipelineOptions?)"/> up to places or homes (stays alone also work: the stay centre is used).</param>
    /// <param name="cellMeters">Grid cell edge in meters (&gt; 0); <see cref="DefaultCellMeters"/> by default.</param>
    /// <returns>Records indexed by the device numbers of <see cref="MobilityRun.Used"/>.</returns>
    /// <exception cref="ArgumentException">The run has no stays.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cellMeters"/> is not a positive finite number.</exception>
    public static AttackInput FromStays(MobilityRun run, double cellMeters = DefaultCellMeters)
    {
        ArgumentNullException.ThrowIfNull(run);
        StayTable stays = run.Stays ?? throw new ArgumentException("the run has no stays", nameof(run));
        return FromStays(stays, run.Places, run.Homes, cellMeters);
    }

    /// <summary>As <see cref="FromStays(MobilityRun, double)"/>, from the tables themselves (for example merged from partitions).</summary>
    /// <param name="stays">Stays of every device.</param>
    /// <param name="places">Places of the same devices, or null (the stay centre is used).</param>
    /// <param name="homes">Home and work of the same devices, or null (no home-work records).</param>
    /// <param name="cellMeters">Grid cell edge in meters (&gt; 0).</param>
    /// <returns>Records indexed by the device numbers of <paramref name="stays"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cellMeters"/> is not a positive finite number.</exception>
    public static AttackInput FromStays(StayTable stays, PlaceTable? places, HomeWorkTable? homes, double cellMeters = DefaultCellMeters)
    {
        ArgumentNullException.ThrowIfNull(stays);
        if (!double.IsFinite(cellMeters) || cellMeters <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(cellMeters), "the cell size must be a positive number of meters");
        }

        int n = stays.Count;
        long[] cell = new long[n];
        ReadOnlySpan<int> stayDevice = stays.Device;
        for (int s = 0; s < n; s++)
        {
            int row = places is null ? -1 : PlaceRow(places, stayDevice[s], places.PlaceOfStay[s]);
            cell[s] = row < 0
                ? GridCell.Key(stays.Lat[s], stays.Lon[s], cellMeters)
                : GridCell.Key(places!.Lat[row], places.Lon[row], cellMeters); // row >= 0 only when places is set
        }

        int deviceCount = stays.DeviceCount;
        long[]? home = null;
        long[]? work = null;
        if (homes is not null)
        {
            home = new long[deviceCount];
            work = new long[deviceCount];
            for (int d = 0; d < deviceCount; d++)
            {
                home[d] = CellOrNone(homes.HomeLat[d], homes.HomeLon[d], cellMeters);
                work[d] = CellOrNone(homes.WorkLat[d], homes.WorkLon[d], cellMeters);
            }
        }

        // Dense place ids in ascending cell-key order, so that ids do not depend on the order stays were found.
        var distinct = new SortedSet<long>(cell);
        foreach (long[]? extra in new[] { home, work })
        {
            if (extra is not null)
            {
                foreach (long key in extra)
                {
                    if (key != long.MinValue)
                    {
                        distinct.Add(key);
                    }
                }
            }
        }

        var ids = new Dictionary<long, int>(distinct.Count, PackedKeyComparer.Instance);
        foreach (long key in distinct)
        {
            ids.Add(key, ids.Count);
        }

        int[] place = new int[n];
        for (int s = 0; s < n; s++)
        {
            place[s] = ids[cell[s]];
        }

        AttackInput input = AttackInput.FromPlaces(stayDevice, place, stays.StartMs, deviceCount, Math.Max(1, ids.Count));
        if (home is null || work is null)
        {
            return input;
        }

        int[] homePlace = new int[deviceCount];
        int[] workPlace = new int[deviceCount];
        for (int d = 0; d < deviceCount; d++)
        {
            homePlace[d] = home[d] == long.MinValue ? -1 : ids[home[d]];
            workPlace[d] = work[d] == long.MinValue ? -1 : ids[work[d]];
        }

        return input.WithHomeWork(homePlace, workPlace);
    }

    private static long CellOrNone(double lat, double lon, double cellMeters) =>
        double.IsNaN(lat) || double.IsNaN(lon) ? long.MinValue : GridCell.Key(lat, lon, cellMeters);

    /// <summary>Row of (device, place id) in the place table, or -1 for noise.</summary>
    private static int PlaceRow(PlaceTable places, int device, int placeId)
    {
        if (placeId < 0)
        {
            return -1;
        }

        int start = places.DeviceStart[device];
        int end = places.DeviceStart[device + 1];
        int guess = start + placeId;
        if (guess < end && places.PlaceId[guess] == placeId)
        {
            return guess;
        }

        for (int row = start; row < end; row++)
        {
            if (places.PlaceId[row] == placeId)
            {
                return row;
            }
        }

        return -1;
    }
}
