using AdintAudit.Data;
using AdintAudit.Geo;
using AdintAudit.Mobility;

namespace AdintAudit.Sites;

/// <summary>
/// Measures sensitive-site exposure, the ADINT scenario (ALGORITHMS.md §4, DESIGN.md "Sensitive sites"): which devices
/// a data buyer sees at each site, how often, and how many of them the same data follows home or shows to work there.
/// </summary>
/// <remarks>
/// <para>
/// A ping is counted when its accuracy is at most <see cref="SiteExposureOptions.MaxAccuracyMeters"/> (unknown accuracy
/// counts by default, see <see cref="SiteExposureOptions.IncludeUnknownAccuracy"/>), and it is at a site when it lies in
/// the polygon (boundary included) or within the radius of a point site (haversine). A ping inside two overlapping
/// sites is at both.
/// </para>
/// <para>
/// One pass over the pings, parallel over fixed chunks of devices (never split by thread count); each chunk records its
/// (site, row) hits, and the chunks are merged in order, so results do not depend on the number of threads. Per ping the
/// cost is a grid lookup, plus an exact point-in-polygon test only for the few pings inside a site's bounding box.
/// </para>
/// </remarks>
public static class SiteExposureAnalyzer
{
    /// <summary>Computes the exposure of every site of <paramref name="sites"/> in <paramref name="pings"/>.</summary>
    /// <param name="pings">The pings (usually after the quality screen).</param>
    /// <param name="sites">The sites.</param>
    /// <param name="stays">Stays of the same devices (same device numbering) for dwell; null leaves <see cref="SiteExposure.DwellMs"/> null.</param>
    /// <param name="homes">Inferred homes and work places (same device numbering); null leaves followed-home and staff at 0.</param>
    /// <param name="localTime">Local time for counting days; null means UTC.</param>
    /// <param name="homeWorkSetSize">
    /// Home/work anonymity set size of each device (one per device, 0 = unknown) from the anonymity stage; empty leaves
    /// <see cref="SiteExposure.UniqueByHomeWork"/> null.
    /// </param>
    /// <param name="options">Options; null for the defaults.</param>
    /// <param name="ct">Cancels between chunks of devices.</param>
    /// <returns>One entry per site, in catalog order, and totals per category.</returns>
    /// <exception cref="ArgumentException">The stays, homes or set sizes do not have the pings' device count.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled.</exception>
    public static SiteExposureResult Compute(PingTable pings, SiteCatalog sites, StayTable? stays, HomeWorkTable? homes, LocalTime? localTime,
        ReadOnlySpan<int> homeWorkSetSize = default, SiteExposureOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(pings);
        ArgumentNullException.ThrowIfNull(sites);
        SiteHitsPartial partial = SiteHits.CollectPartial(pings, PartitionDeviceMap.Identity(pings.DeviceCount), sites, options, ct);
        return Compute(SiteHits.Merge([partial], pings.DeviceCount), sites, stays, homes, localTime, homeWorkSetSize, options, ct);
    }

    /// <summary>
    /// Computes the exposure of every site from the pings at sites only (collected per partition of a dataset split by
    /// device, then merged); the result equals the exposure computed over all pings.
    /// </summary>
    /// <param name="hits">The merged hits (devices numbered globally), collected with the same <paramref name="options"/>.</param>
    /// <param name="sites">The sites the hits were collected for.</param>
    /// <param name="stays">Stays of all devices (global numbering) for dwell; null leaves <see cref="SiteExposure.DwellMs"/> null.</param>
    /// <param name="homes">Inferred homes and work places (global numbering); null leaves followed-home and staff at 0.</param>
    /// <param name="localTime">Local time for counting days; null means UTC.</param>
    /// <param name="homeWorkSetSize">Home/work anonymity set size of each device (global numbering, 0 = unknown), or empty.</param>
    /// <param name="options">Options; null for the defaults.</param>
    /// <param name="ct">Cancels between chunks of devices.</param>
    /// <returns>One entry per site, in catalog order, and totals per category.</returns>
    /// <exception cref="ArgumentException">The stays, homes or set sizes do not have the hits' device count.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled.</exception>
    public static SiteExposureResult Compute(SiteHits hits, SiteCatalog sites, StayTable? stays, HomeWorkTable? homes, LocalTime? localTime,
        ReadOnlySpan<int> homeWorkSetSize = default, SiteExposureOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(hits);
        ArgumentNullException.ThrowIfNull(sites);
        options ??= new SiteExposureOptions();
        PingTable pings = hits.Pings;
        int deviceCount = pings.DeviceCount;
        if (stays is not null && stays.DeviceCount != deviceCount)
        {
            throw new ArgumentException("the stays must number devices as the pings do", nameof(stays));
        }

        if (homes is not null && homes.Count != deviceCount)
        {
            throw new ArgumentException("the home/work table must have one row per device of the pings", nameof(homes));
        }

        if (!homeWorkSetSize.IsEmpty && homeWorkSetSize.Length != deviceCount)
        {
            throw new ArgumentException("one set size per device is needed (or none)", nameof(homeWorkSetSize));
        }

        SiteLocator locator = sites.Locator;
        HitList[] parts = DeviceChunks.Run(pings.DeviceStart, options.MaxDegreeOfParallelism, (from, to) =>
        {
            ct.ThrowIfCancellationRequested();
            var hits = new HitList(256);
            Scan(pings, locator, options, from, to, ref hits);
            return hits;
        });
        ct.ThrowIfCancellationRequested();

        // Counting sort of the hits by site; chunks come in device order and rows ascend within a chunk, so each site's
        // rows ascend (and with them its devices).
        int n = sites.Count;
        int[] siteStart = new int[n + 1];
        long atAny = 0;
        foreach (HitList part in parts)
        {
            atAny += part.RowsAtAnySite;
            for (int h = 0; h < part.Count; h++)
            {
                siteStart[part.Sites[h] + 1]++;
            }
        }

        for (int s = 0; s < n; s++)
        {
            siteStart[s + 1] += siteStart[s];
        }

        int[] hitRows = new int[siteStart[n]];
        int[] fill = siteStart[..^1];
        foreach (HitList part in parts)
        {
            for (int h = 0; h < part.Count; h++)
            {
                hitRows[fill[part.Sites[h]]++] = part.Rows[h];
            }
        }

        long[]? dwell = stays is null ? null : Dwell(stays, locator, n);
        List<int>[] staff = Staff(homes, locator, options.StaffToleranceMeters, n);
        var siteDevices = new int[n][];
        var exposures = new SiteExposure[n];
        var dayScratch = new long[siteStart.Length > 1 ? MaxRun(siteStart) : 0];
        var local = new LocalDayCursor(localTime ?? LocalTime.Utc);
        for (int s = 0; s < n; s++)
        {
            ReadOnlySpan<int> rows = hitRows.AsSpan(siteStart[s], siteStart[s + 1] - siteStart[s]);
            siteDevices[s] = DistinctDevices(pings.Device, rows);
            Span<long> days = dayScratch.AsSpan(0, rows.Length);
            for (int k = 0; k < rows.Length; k++)
            {
                local.ToLocalMs(pings.TimeArray[rows[k]], out days[k]);
            }

            days.Sort();
            exposures[s] = Exposure(sites.SiteArray[s], siteDevices[s], rows.Length, CountDistinct(days), dwell?[s], homes, homeWorkSetSize, staff[s].Count);
        }

        var deviceStamp = new int[deviceCount];
        (int devicesAtAny, int followedAtAny) = CountDistinct(siteDevices, Enumerable.Range(0, n), homes, deviceStamp, stamp: int.MaxValue);
        return new SiteExposureResult
        {
            Sites = exposures,
            Categories = Categories(sites, exposures, siteDevices, staff, homes, deviceStamp),
            PingsCounted = hits.PingsCounted,
            PingsAtAnySite = atAny,
            DevicesAtAnySite = devicesAtAny,
            FollowedHomeAtAnySite = followedAtAny,
            Options = options,
        };
    }

    /// <summary>
    /// Returns one flag per ping: true when the ping is counted (the exposure's accuracy rule) and lies at one site or
    /// more. This is what the "remove sensitive-site pings" mitigation removes; to remove pings at a site
    /// whatever their accuracy, pass <see cref="SiteExposureOptions.MaxAccuracyMeters"/> = +∞.
    /// </summary>
    /// <param name="pings">The pings.</param>
    /// <param name="sites">The sites.</param>
    /// <param name="options">Options; null for the defaults (only the accuracy rule and the thread count are used).</param>
    /// <param name="ct">Cancels between chunks of devices.</param>
    /// <returns>A new array of <see cref="PingTable.Count"/> flags.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled.</exception>
    public static bool[] AtSiteMask(PingTable pings, SiteCatalog sites, SiteExposureOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(pings);
        ArgumentNullException.ThrowIfNull(sites);
        options ??= new SiteExposureOptions();
        bool[] mask = new bool[pings.Count];
        SiteLocator locator = sites.Locator;
        DeviceChunks.Run(pings.DeviceStart, options.MaxDegreeOfParallelism, (from, to) =>
        {
            ct.ThrowIfCancellationRequested();
            var sink = new MaskSink(mask);
            Scan(pings, locator, options, from, to, ref sink);
            return 0;
        });
        ct.ThrowIfCancellationRequested();
        return mask;
    }

    /// <summary>Returns the rows (ascending) of the counted pings at one site or more, and the number of counted pings.</summary>
    internal static (int[] Rows, long Counted) RowsAtSites(PingTable pings, SiteCatalog sites, SiteExposureOptions options, CancellationToken ct)
    {
        SiteLocator locator = sites.Locator;
        RowList[] parts = DeviceChunks.Run(pings.DeviceStart, options.MaxDegreeOfParallelism, (from, to) =>
        {
            ct.ThrowIfCancellationRequested();
            var rows = new RowList(64);
            Scan(pings, locator, options, from, to, ref rows);
            return rows;
        });
        ct.ThrowIfCancellationRequested();
        int[] all = new int[parts.Sum(p => p.Count)];
        int at = 0;
        long counted = 0;
        foreach (RowList part in parts)
        {
            part.Rows.AsSpan(0, part.Count).CopyTo(all.AsSpan(at));
            at += part.Count;
            counted += part.Counted;
        }

        return (all, counted);
    }

    /// <summary>The hot loop: accuracy filter, grid candidates, exact test; hits go to <paramref name="sink"/>.</summary>
    private static void Scan<TSink>(PingTable pings, SiteLocator locator, SiteExposureOptions options, int fromDevice, int toDevice, ref TSink sink)
        where TSink : struct, IHitSink
    {
        double[] lat = pings.LatArray;
        double[] lon = pings.LonArray;
        float[] accuracy = pings.AccuracyArray;
        double maxAccuracy = options.MaxAccuracyMeters;
        bool unknownCounts = options.IncludeUnknownAccuracy;
        int end = pings.DeviceStartArray[toDevice];
        long counted = 0;
        long atAny = 0;
        for (int i = pings.DeviceStartArray[fromDevice]; i < end; i++)
        {
            float a = accuracy[i];
            if (float.IsNaN(a) ? !unknownCounts : a > maxAccuracy)
            {
                continue;
            }

            counted++;
            bool any = false;
            foreach (int s in locator.Candidates(lat[i], lon[i]))
            {
                if (locator.IsAt(s, lat[i], lon[i]))
                {
                    sink.Add(s, i);
                    any = true;
                }
            }

            atAny += any ? 1 : 0;
        }

        sink.Finish(counted, atAny);
    }

    private static long[] Dwell(StayTable stays, SiteLocator locator, int siteCount)
    {
        long[] dwell = new long[siteCount];
        ReadOnlySpan<double> lat = stays.Lat;
        ReadOnlySpan<double> lon = stays.Lon;
        ReadOnlySpan<long> start = stays.StartMs;
        ReadOnlySpan<long> end = stays.EndMs;
        for (int i = 0; i < stays.Count; i++)
        {
            foreach (int s in locator.Candidates(lat[i], lon[i]))
            {
                if (locator.IsAt(s, lat[i], lon[i]))
                {
                    dwell[s] += end[i] - start[i];
                }
            }
        }

        return dwell;
    }

    /// <summary>Returns, per site, the devices (ascending) whose work location is within the tolerance of the site.</summary>
    private static List<int>[] Staff(HomeWorkTable? homes, SiteLocator locator, double toleranceMeters, int siteCount)
    {
        var staff = new List<int>[siteCount];
        for (int s = 0; s < siteCount; s++)
        {
            staff[s] = [];
        }

        if (homes is null)
        {
            return staff;
        }

        for (int d = 0; d < homes.Count; d++)
        {
            if (!double.IsNaN(homes.WorkLatArray[d]) && !double.IsNaN(homes.WorkLonArray[d]))
            {
                foreach (int s in locator.SitesNear(homes.WorkLatArray[d], homes.WorkLonArray[d], toleranceMeters))
                {
                    staff[s].Add(d);
                }
            }
        }

        return staff;
    }

    private static SiteExposure Exposure(SensitiveSite site, int[] devices, long pings, int days, long? dwellMs, HomeWorkTable? homes,
        ReadOnlySpan<int> setSize, int staff)
    {
        var distances = new List<double>();
        int unique = 0;
        if (homes is not null)
        {
            foreach (int d in devices)
            {
                double homeLat = homes.HomeLatArray[d];
                double homeLon = homes.HomeLonArray[d];
                if (!double.IsNaN(homeLat) && !double.IsNaN(homeLon))
                {
                    distances.Add(Haversine.Meters(homeLat, homeLon, site.CentroidLat, site.CentroidLon));
                    unique += !setSize.IsEmpty && setSize[d] == 1 ? 1 : 0;
                }
            }
        }

        distances.Sort();
        int m = distances.Count;
        double median = m == 0 ? double.NaN : m % 2 == 1 ? distances[m / 2] : (distances[(m / 2) - 1] + distances[m / 2]) / 2;
        return new SiteExposure
        {
            Site = site,
            Devices = devices.Length,
            Pings = pings,
            Days = days,
            DwellMs = dwellMs,
            FollowedHome = m,
            MedianHomeDistanceMeters = median,
            HomesWithin1Km = CountAtMost(distances, 1_000),
            HomesWithin5Km = CountAtMost(distances, 5_000),
            HomeDistanceMeters = [.. distances],
            UniqueByHomeWork = setSize.IsEmpty ? null : unique,
            Staff = staff,
        };
    }

    private static CategoryExposure[] Categories(SiteCatalog sites, SiteExposure[] exposures, int[][] siteDevices, List<int>[] staff,
        HomeWorkTable? homes, int[] deviceStamp)
    {
        var byCategory = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (SensitiveSite site in sites.SiteArray)
        {
            if (!byCategory.TryGetValue(site.Category, out List<int>? members))
            {
                byCategory.Add(site.Category, members = []);
            }

            members.Add(site.Index);
        }

        Array.Clear(deviceStamp);
        int[] staffStamp = new int[deviceStamp.Length];
        int[][] staffDevices = [.. staff.Select(list => list.ToArray())];
        var result = new List<CategoryExposure>(byCategory.Count);
        int stamp = 0;
        foreach ((string category, List<int> members) in byCategory)
        {
            stamp++;
            (int devices, int followed) = CountDistinct(siteDevices, members, homes, deviceStamp, stamp);
            (int staffCount, _) = CountDistinct(staffDevices, members, null, staffStamp, stamp);
            long pings = 0;
            int visited = 0;
            foreach (int s in members)
            {
                pings += exposures[s].Pings;
                visited += exposures[s].Devices > 0 ? 1 : 0;
            }

            result.Add(new CategoryExposure
            {
                Category = category,
                Sites = members.Count,
                SitesVisited = visited,
                Devices = devices,
                Pings = pings,
                FollowedHome = followed,
                Staff = staffCount,
            });
        }

        return [.. result];
    }

    /// <summary>Counts the distinct devices of the listed sites (and those with a home), marking them with <paramref name="stamp"/>.</summary>
    private static (int Devices, int WithHome) CountDistinct(int[][] devicesBySite, IEnumerable<int> sites, HomeWorkTable? homes, int[] marks, int stamp)
    {
        int devices = 0;
        int withHome = 0;
        foreach (int s in sites)
        {
            foreach (int d in devicesBySite[s])
            {
                if (marks[d] != stamp)
                {
                    marks[d] = stamp;
                    devices++;
                    withHome += homes is not null && !double.IsNaN(homes.HomeLatArray[d]) && !double.IsNaN(homes.HomeLonArray[d]) ? 1 : 0;
                }
            }
        }

        return (devices, withHome);
    }

    private static int[] DistinctDevices(ReadOnlySpan<int> device, ReadOnlySpan<int> ascendingRows)
    {
        var devices = new List<int>();
        int last = -1;
        foreach (int row in ascendingRows)
        {
            if (device[row] != last)
            {
                last = device[row];
                devices.Add(last);
            }
        }

        return [.. devices];
    }

    private static int CountDistinct(ReadOnlySpan<long> sorted)
    {
        int distinct = 0;
        for (int i = 0; i < sorted.Length; i++)
        {
            distinct += i == 0 || sorted[i] != sorted[i - 1] ? 1 : 0;
        }

        return distinct;
    }

    private static int CountAtMost(List<double> ascending, double limit)
    {
        int count = 0;
        while (count < ascending.Count && ascending[count] <= limit)
        {
            count++;
        }

        return count;
    }

    private static int MaxRun(int[] starts)
    {
        int max = 0;
        for (int s = 0; s + 1 < starts.Length; s++)
        {
            max = Math.Max(max, starts[s + 1] - starts[s]);
        }

        return max;
    }

    /// <summary>Receives the hits of <see cref="Scan"/>; a struct so the JIT specialises and inlines the call.</summary>
    private interface IHitSink
    {
        void Add(int site, int row);

        void Finish(long counted, long rowsAtAnySite);
    }

    /// <summary>Growable (site, row) hit columns of one chunk, with the chunk's counts.</summary>
    private struct HitList(int capacity) : IHitSink
    {
        public int[] Sites = new int[capacity];
        public int[] Rows = new int[capacity];
        public int Count;
        public long RowsAtAnySite;

        public void Add(int site, int row)
        {
            if (Count == Sites.Length)
            {
                Array.Resize(ref Sites, Count * 2);
                Array.Resize(ref Rows, Count * 2);
            }

            Sites[Count] = site;
            Rows[Count] = row;
            Count++;
        }

        public void Finish(long counted, long rowsAtAnySite) => RowsAtAnySite = rowsAtAnySite;
    }

    /// <summary>Growable list of the rows with a hit (each once, ascending) of one chunk, with the chunk's count of counted pings.</summary>
    private struct RowList(int capacity) : IHitSink
    {
        public int[] Rows = new int[capacity];
        public int Count;
        public long Counted;

        public void Add(int site, int row)
        {
            // Scan reports a row's sites one after another, so a repeat is always the last row added.
            if (Count > 0 && Rows[Count - 1] == row)
            {
                return;
            }

            if (Count == Rows.Length)
            {
                Array.Resize(ref Rows, Count * 2);
            }

            Rows[Count++] = row;
        }

        public void Finish(long counted, long rowsAtAnySite) => Counted = counted;
    }

    /// <summary>Sets the flag of every row with a hit.</summary>
    private readonly struct MaskSink(bool[] mask) : IHitSink
    {
        public void Add(int site, int row) => mask[row] = true;

        public void Finish(long counted, long rowsAtAnySite)
        {
        }
    }
}
