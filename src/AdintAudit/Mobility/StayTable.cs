namespace AdintAudit.Mobility;

/// <summary>
/// Stays as columns, sorted by (device, start), with each device's stays in one slice (<see cref="DeviceStart"/>).
/// Devices are numbered as in the <see cref="Data.PingTable"/> the stays came from.
/// </summary>
public sealed class StayTable
{
    internal StayTable(string[] deviceIds, int[] deviceStart, StayColumns columns, StayMethod method)
    {
        DeviceIdArray = deviceIds;
        DeviceStartArray = deviceStart;
        Columns = columns;
        Method = method;
    }

    /// <summary>The detector that produced the stays.</summary>
    public StayMethod Method { get; }

    /// <summary>Number of stays.</summary>
    public int Count => Columns.Count;

    /// <summary>Number of devices (with or without stays).</summary>
    public int DeviceCount => DeviceIdArray.Length;

    /// <summary>Device ids by device number.</summary>
    public IReadOnlyList<string> DeviceIds => DeviceIdArray;

    /// <summary>First stay of each device; <see cref="DeviceCount"/> + 1 entries.</summary>
    public ReadOnlySpan<int> DeviceStart => DeviceStartArray;

    /// <summary>Device number of each stay.</summary>
    public ReadOnlySpan<int> Device => Columns.Device.AsSpan(0, Count);

    /// <summary>Centre latitude in degrees.</summary>
    public ReadOnlySpan<double> Lat => Columns.Lat.AsSpan(0, Count);

    /// <summary>Centre longitude in degrees.</summary>
    public ReadOnlySpan<double> Lon => Columns.Lon.AsSpan(0, Count);

    /// <summary>Start, UTC epoch milliseconds.</summary>
    public ReadOnlySpan<long> StartMs => Columns.Start.AsSpan(0, Count);

    /// <summary>End, UTC epoch milliseconds (≥ start).</summary>
    public ReadOnlySpan<long> EndMs => Columns.End.AsSpan(0, Count);

    /// <summary>Pings in the stay (for skmob: the median buffer; for trackintel: the points of the centroid).</summary>
    public ReadOnlySpan<int> PingCount => Columns.Pings.AsSpan(0, Count);

    /// <summary>Row (in the source ping table) of the stay's first ping.</summary>
    public ReadOnlySpan<int> FirstPing => Columns.First.AsSpan(0, Count);

    /// <summary>Row of the stay's last member ping.</summary>
    public ReadOnlySpan<int> LastPing => Columns.Last.AsSpan(0, Count);

    /// <summary>Adtech: distinct local nights (22:00–07:00) with a ping of the stay; 0 for the compat methods.</summary>
    public ReadOnlySpan<int> Nights => Columns.Nights.AsSpan(0, Count);

    /// <summary>Adtech: the longest gap between consecutive member pings, in milliseconds; 0 for the compat methods.</summary>
    public ReadOnlySpan<long> BridgedGapMs => Columns.Gap.AsSpan(0, Count);

    /// <summary>Returns a table with one zero-length stay per ping (for input that already is a list of stays).</summary>
    /// <param name="pings">The pings; each becomes a stay at its coordinate and time.</param>
    public static StayTable FromPings(Data.PingTable pings)
    {
        ArgumentNullException.ThrowIfNull(pings);
        var columns = new StayColumns();
        for (int i = 0; i < pings.Count; i++)
        {
            columns.Add(pings.DeviceArray[i], pings.LatArray[i], pings.LonArray[i], pings.TimeArray[i], pings.TimeArray[i], 1, i, i, 0, 0);
        }

        return new StayTable(pings.DeviceIdArray, (int[])pings.DeviceStartArray.Clone(), columns, StayMethod.Adtech);
    }

    /// <summary>
    /// Merges the stays of partitions of a dataset (split by device) into the table the whole dataset gives: rows in
    /// global device order, the device column renumbered to global devices, and <see cref="FirstPing"/> /
    /// <see cref="LastPing"/> renumbered to rows of the whole ping table.
    /// </summary>
    /// <param name="parts">The stays of each partition (same method), devices numbered as in the partition.</param>
    /// <param name="globalDevice">Per partition, the global index of each local device (ascending; together every device once).</param>
    /// <param name="globalDeviceCount">Number of devices of the whole dataset.</param>
    /// <param name="pingDeviceStart">
    /// Per partition, <see cref="Data.PingTable.DeviceStart"/> of the ping table the stays were detected in (the rows
    /// that <see cref="FirstPing"/> and <see cref="LastPing"/> index).
    /// </param>
    /// <returns>The merged table; for one partition with the identity map, a table equal to that partition's.</returns>
    /// <remarks>Stays are per device, so the merge is exact for any assignment of devices to partitions. O(stays + devices).</remarks>
    /// <exception cref="ArgumentException">The lists differ in length, the methods differ, or the device maps do not cover every device once.</exception>
    public static StayTable Merge(IReadOnlyList<StayTable> parts, IReadOnlyList<int[]> globalDevice, int globalDeviceCount,
        IReadOnlyList<int[]> pingDeviceStart)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(globalDevice);
        ArgumentNullException.ThrowIfNull(pingDeviceStart);
        if (parts.Count == 0 || globalDevice.Count != parts.Count || pingDeviceStart.Count != parts.Count)
        {
            throw new ArgumentException("one device map and one ping slice table per partition, and at least one partition, are needed", nameof(parts));
        }

        for (int p = 0; p < parts.Count; p++)
        {
            if (parts[p].Method != parts[0].Method || pingDeviceStart[p].Length != parts[p].DeviceCount + 1)
            {
                throw new ArgumentException($"partition {p}: another stay method, or a ping slice table of another device count", nameof(parts));
            }
        }

        var map = PartitionDeviceMap.Create(globalDevice, globalDeviceCount, p => parts[p].DeviceCount);
        int[][] stayStarts = [.. parts.Select(p => p.DeviceStartArray)];
        int[] start = map.MergedStarts(stayStarts);
        int[] pingStart = map.MergedStarts(pingDeviceStart);
        var columns = new StayColumns(
            PartitionDeviceMap.DeviceColumn(start),
            map.Gather(stayStarts, p => parts[p].Columns.Lat, start),
            map.Gather(stayStarts, p => parts[p].Columns.Lon, start),
            map.Gather(stayStarts, p => parts[p].Columns.Start, start),
            map.Gather(stayStarts, p => parts[p].Columns.End, start),
            map.Gather(stayStarts, p => parts[p].Columns.Pings, start),
            map.Gather(stayStarts, p => parts[p].Columns.First, start),
            map.Gather(stayStarts, p => parts[p].Columns.Last, start),
            map.Gather(stayStarts, p => parts[p].Columns.Nights, start),
            map.Gather(stayStarts, p => parts[p].Columns.Gap, start));
        for (int g = 0; g < globalDeviceCount; g++)
        {
            // A local row r of the device's slice [s, …) becomes row pingStart[g] + (r - s) of the whole table.
            int shift = pingStart[g] - pingDeviceStart[map.Owner[g]][map.Local[g]];
            for (int i = start[g]; i < start[g + 1]; i++)
            {
                columns.First[i] += shift;
                columns.Last[i] += shift;
            }
        }

        return new StayTable(map.GlobalIds(p => parts[p].DeviceIdArray), start, columns, parts[0].Method);
    }

    internal string[] DeviceIdArray { get; }

    internal int[] DeviceStartArray { get; }

    internal StayColumns Columns { get; }
}

/// <summary>Growable stay columns.</summary>
internal sealed class StayColumns
{
    public int[] Device = [];
    public double[] Lat = [];
    public double[] Lon = [];
    public long[] Start = [];
    public long[] End = [];
    public int[] Pings = [];
    public int[] First = [];
    public int[] Last = [];
    public int[] Nights = [];
    public long[] Gap = [];

    public StayColumns()
    {
    }

    /// <summary>Wraps full columns of equal length.</summary>
    public StayColumns(int[] device, double[] lat, double[] lon, long[] start, long[] end, int[] pings, int[] first, int[] last, int[] nights,
        long[] gap)
    {
        Device = device;
        Lat = lat;
        Lon = lon;
        Start = start;
        End = end;
        Pings = pings;
        First = first;
        Last = last;
        Nights = nights;
        Gap = gap;
        Count = device.Length;
    }

    /// <summary>Starts with room for <paramref name="capacity"/> stays (a chunk's estimate, to spare most regrowth).</summary>
    public StayColumns(int capacity) => Grow(Math.Max(capacity, 0));

    public int Count { get; private set; }

    public void Add(int device, double lat, double lon, long start, long end, int pings, int first, int last, int nights, long gap)
    {
        if (Count == Device.Length)
        {
            Grow(Math.Max(64, Count * 2));
        }

        int i = Count++;
        Device[i] = device;
        Lat[i] = lat;
        Lon[i] = lon;
        Start[i] = start;
        End[i] = end;
        Pings[i] = pings;
        First[i] = first;
        Last[i] = last;
        Nights[i] = nights;
        Gap[i] = gap;
    }

    public static StayColumns Concat(IReadOnlyList<StayColumns> parts)
    {
        var all = new StayColumns();
        int total = 0;
        foreach (StayColumns p in parts)
        {
            total += p.Count;
        }

        all.Grow(total);
        int at = 0;
        foreach (StayColumns p in parts)
        {
            int n = p.Count;
            p.Device.AsSpan(0, n).CopyTo(all.Device.AsSpan(at));
            p.Lat.AsSpan(0, n).CopyTo(all.Lat.AsSpan(at));
            p.Lon.AsSpan(0, n).CopyTo(all.Lon.AsSpan(at));
            p.Start.AsSpan(0, n).CopyTo(all.Start.AsSpan(at));
            p.End.AsSpan(0, n).CopyTo(all.End.AsSpan(at));
            p.Pings.AsSpan(0, n).CopyTo(all.Pings.AsSpan(at));
            p.First.AsSpan(0, n).CopyTo(all.First.AsSpan(at));
            p.Last.AsSpan(0, n).CopyTo(all.Last.AsSpan(at));
            p.Nights.AsSpan(0, n).CopyTo(all.Nights.AsSpan(at));
            p.Gap.AsSpan(0, n).CopyTo(all.Gap.AsSpan(at));
            at += n;
        }

        all.Count = total;
        return all;
    }

    public int[] DeviceStarts(int deviceCount)
    {
        var start = new int[deviceCount + 1];
        for (int i = 0; i < Count; i++)
        {
            start[Device[i] + 1]++;
        }

        for (int d = 0; d < deviceCount; d++)
        {
            start[d + 1] += start[d];
        }

        return start;
    }

    private void Grow(int size)
    {
        Array.Resize(ref Device, size);
        Array.Resize(ref Lat, size);
        Array.Resize(ref Lon, size);
        Array.Resize(ref Start, size);
        Array.Resize(ref End, size);
        Array.Resize(ref Pings, size);
        Array.Resize(ref First, size);
        Array.Resize(ref Last, size);
        Array.Resize(ref Nights, size);
        Array.Resize(ref Gap, size);
    }
}
