using AdintAudit.Geo;
using AdintAudit.Mobility;

namespace AdintAudit.Risk.Linkage;

/// <summary>
/// Co-location linkage (ALGORITHMS.md §4, DESIGN.md "Linkage"): devices with stays that overlap in time at (almost) the
/// same spot, and devices whose inferred homes coincide — one household, a second device, or one person after an
/// advertising-ID reset.
/// </summary>
public static class CoLocationLinkage
{
    private const long DayMs = 86_400_000;

    /// <summary>Finds the linked device pairs and the shared-home groups.</summary>
    /// <param name="stays">The stays of every device.</param>
    /// <param name="homes">Inferred homes with the same device numbering, or null to skip the shared-home figures.</param>
    /// <param name="options">Distances, minimum overlap and the repeated-days bar; null for the defaults.</param>
    /// <returns>The summary and the linked pairs.</returns>
    /// <remarks>
    /// Two stays of different devices are co-located when their closed time intervals overlap by at least
    /// <see cref="LinkageOptions.MinOverlapMinutes"/> and their centres are closer than
    /// <see cref="LinkageOptions.DistanceMeters"/> (haversine). The stays are swept by start time; the stays still open
    /// (ending at or after the current start plus the minimum overlap) are kept in buckets by <see cref="GridCell"/> of
    /// the linking distance, and each stay is compared only with the open stays of its own and neighbouring cells
    /// (<see cref="CellNeighbourhood"/>); closed stays are dropped from a bucket whenever it is visited. Cost: O(S log S)
    /// for the sort plus the candidates actually near in space and time, never all pairs. Single-threaded and
    /// deterministic. Stays with NaN coordinates, or shorter than the minimum overlap, cannot be co-located and are skipped.
    /// Pairs can still grow with the square of the devices when thousands stay at one spot at once: the sweep stops after
    /// <see cref="LinkageOptions.MaxComparisons"/> distance evaluations and says so in
    /// <see cref="LinkageSummary.ComparisonLimitReached"/> (the figures are then lower bounds).
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="homes"/> has a different number of devices than <paramref name="stays"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static LinkageResult Find(StayTable stays, HomeWorkTable? homes, LinkageOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stays);
        options ??= new LinkageOptions();
        options.Validate();
        if (homes is not null && homes.Count != stays.DeviceCount)
        {
            throw new ArgumentException(
                FormattableString.Invariant($"the home/work table has {homes.Count} devices but the stay table {stays.DeviceCount}"), nameof(homes));
        }

        PairTally tally = Sweep(stays, options, out bool limitReached);
        int devices = stays.DeviceCount;
        int withStays = 0;
        for (int d = 0; d < devices; d++)
        {
            withStays += stays.DeviceStartArray[d + 1] > stays.DeviceStartArray[d] ? 1 : 0;
        }

        bool[] linked = new bool[devices];
        CoLocationSummary coLocated = Summarize(tally, options, strict: false, withStays, linked);
        CoLocationSummary strictlyCoLocated = Summarize(tally, options, strict: true, withStays, new bool[devices]);
        (int[] groupSize, int sharedGroups) = homes is null ? ([], 0) : SharedHomeGroups.Find(homes, options.SharedHomeMeters);
        SharedHomeSummary? shared = homes is null ? null : SummarizeHomes(groupSize, sharedGroups, options.SharedHomeMeters);
        int linkedOrShared = 0;
        for (int d = 0; d < devices; d++)
        {
            linkedOrShared += linked[d] || (groupSize.Length > 0 && groupSize[d] >= 2) ? 1 : 0;
        }

        var summary = new LinkageSummary
        {
            Devices = devices,
            DevicesWithStays = withStays,
            CoLocated = coLocated,
            StrictlyCoLocated = strictlyCoLocated,
            SharedHomes = shared,
            DevicesLinkedOrSharingHome = linkedOrShared,
            ShareLinkedOrSharingHome = Share(linkedOrShared, devices),
            ComparisonLimitReached = limitReached,
        };
        return new LinkageResult(summary, tally.ToSortedArray(), groupSize);
    }

    /// <summary>The plane sweep over stays by start time.</summary>
    private static PairTally Sweep(StayTable stays, LinkageOptions options, out bool limitReached)
    {
        limitReached = false;
        long comparisons = 0;
        ReadOnlySpan<int> device = stays.Device;
        ReadOnlySpan<double> lat = stays.Lat;
        ReadOnlySpan<double> lon = stays.Lon;
        ReadOnlySpan<long> start = stays.StartMs;
        ReadOnlySpan<long> end = stays.EndMs;
        long minOverlap = options.MinOverlapMs;
        double distance = options.DistanceMeters;
        double strictDistance = options.StrictDistanceMeters;

        int candidates = 0;
        for (int s = 0; s < stays.Count; s++)
        {
            candidates += IsCandidate(lat[s], lon[s], start[s], end[s], minOverlap) ? 1 : 0;
        }

        int[] order = new int[candidates];
        long[] orderStart = new long[candidates];
        for (int s = 0, at = 0; s < stays.Count; s++)
        {
            if (IsCandidate(lat[s], lon[s], start[s], end[s], minOverlap))
            {
                order[at] = s;
                orderStart[at++] = start[s];
            }
        }

        Array.Sort(orderStart, order);
        var tally = new PairTally();
        var open = new CellBuckets();
        var hood = new CellNeighbourhood(distance);
        foreach (int s in order)
        {
            long from = start[s];
            long stillOpen = from + minOverlap;
            long day = FloorDay(from);
            foreach (int bucket in new NearbyBuckets(open, hood, lat[s], lon[s]))
            {
                Span<int> items = open.Items(bucket);
                int kept = 0;
                foreach (int other in items)
                {
                    if (end[other] < stillOpen)
                    {
                        continue;
                    }

                    items[kept++] = other;
                    if (device[other] == device[s])
                    {
                        continue;
                    }

                    if (++comparisons > options.MaxComparisons)
                    {
                        limitReached = true;
                        return tally;
                    }

                    double meters = Haversine.Meters(lat[s], lon[s], lat[other], lon[other]);
                    if (meters < distance)
                    {
                        tally.Add(device[s], device[other], Math.Min(end[s], end[other]) - from, day, meters < strictDistance);
                    }
                }

                open.Truncate(bucket, kept);
            }

            open.Add(hood.Key(lat[s], lon[s]), s);
        }

        return tally;
    }

    private static bool IsCandidate(double lat, double lon, long start, long end, long minOverlap) =>
        !double.IsNaN(lat) && !double.IsNaN(lon) && end - start >= minOverlap;

    private static long FloorDay(long ms) => ms >= 0 ? ms / DayMs : ((ms + 1) / DayMs) - 1;

    /// <summary>Figures at one distance from the pair totals; marks the linked devices in <paramref name="linked"/>.</summary>
    private static CoLocationSummary Summarize(PairTally tally, LinkageOptions options, bool strict, int withStays, bool[] linked)
    {
        bool[] repeated = new bool[linked.Length];
        int pairs = 0;
        int repeatedPairs = 0;
        for (int i = 0; i < tally.Count; i++)
        {
            LinkedPair pair = tally[i];
            int days = strict ? pair.StrictDays : pair.Days;
            if ((strict ? pair.StrictOverlaps : pair.Overlaps) == 0)
            {
                continue;
            }

            pairs++;
            linked[pair.DeviceA] = linked[pair.DeviceB] = true;
            if (days >= options.RepeatedMinDays)
            {
                repeatedPairs++;
                repeated[pair.DeviceA] = repeated[pair.DeviceB] = true;
            }
        }

        int linkedDevices = Count(linked);
        return new CoLocationSummary(strict ? options.StrictDistanceMeters : options.DistanceMeters, pairs, linkedDevices, Share(linkedDevices, withStays),
            repeatedPairs, Count(repeated));
    }

    private static SharedHomeSummary SummarizeHomes(int[] groupSize, int groups, double meters)
    {
        int withHome = 0;
        int inGroups = 0;
        int largest = 0;
        foreach (int size in groupSize)
        {
            withHome += size > 0 ? 1 : 0;
            if (size >= 2)
            {
                inGroups++;
                largest = Math.Max(largest, size);
            }
        }

        return new SharedHomeSummary(meters, withHome, groups, inGroups, largest, Share(inGroups, withHome));
    }

    private static int Count(bool[] flags)
    {
        int count = 0;
        foreach (bool flag in flags)
        {
            count += flag ? 1 : 0;
        }

        return count;
    }

    private static double Share(int count, int of) => of == 0 ? 0.0 : count / (double)of;
}
