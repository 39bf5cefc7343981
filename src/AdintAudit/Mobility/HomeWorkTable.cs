namespace AdintAudit.Mobility;

/// <summary>Inferred home and work of every device, as columns (one row per device, in device order).</summary>
/// <remarks>Unknown values are NaN (coordinates, confidence) and -1 (place ids).</remarks>
public sealed class HomeWorkTable
{
    internal HomeWorkTable(string[] deviceIds, HomeWorkMethod method, string localTime)
    {
        DeviceIdArray = deviceIds;
        Method = method;
        LocalTimeDescription = localTime;
        int n = deviceIds.Length;
        HomeLatArray = Filled(n, double.NaN);
        HomeLonArray = Filled(n, double.NaN);
        HomeConfidenceArray = Filled(n, double.NaN);
        WorkLatArray = Filled(n, double.NaN);
        WorkLonArray = Filled(n, double.NaN);
        WorkConfidenceArray = Filled(n, double.NaN);
        HomePlaceArray = Filled(n, -1);
        WorkPlaceArray = Filled(n, -1);
        HomeNightsArray = new int[n];
        WorkDaysArray = new int[n];
        EvidencePingsArray = new int[n];
    }

    /// <summary>The method used.</summary>
    public HomeWorkMethod Method { get; }

    /// <summary>The local time used, as stated in reports.</summary>
    public string LocalTimeDescription { get; }

    /// <summary>Number of devices.</summary>
    public int Count => DeviceIdArray.Length;

    /// <summary>Device ids by device number.</summary>
    public IReadOnlyList<string> DeviceIds => DeviceIdArray;

    /// <summary>Home latitude in degrees; NaN when no home was inferred.</summary>
    public ReadOnlySpan<double> HomeLat => HomeLatArray;

    /// <summary>Home longitude in degrees; NaN when unknown.</summary>
    public ReadOnlySpan<double> HomeLon => HomeLonArray;

    /// <summary>Confidence of the home in [0, 1]; NaN when unknown.</summary>
    public ReadOnlySpan<double> HomeConfidence => HomeConfidenceArray;

    /// <summary>Work latitude in degrees; NaN when no work place was inferred.</summary>
    public ReadOnlySpan<double> WorkLat => WorkLatArray;

    /// <summary>Work longitude in degrees; NaN when unknown.</summary>
    public ReadOnlySpan<double> WorkLon => WorkLonArray;

    /// <summary>Confidence of the work place in [0, 1]; NaN when unknown.</summary>
    public ReadOnlySpan<double> WorkConfidence => WorkConfidenceArray;

    /// <summary>Place id of the home in the <see cref="PlaceTable"/>; -1 when unknown or not a place (skmob).</summary>
    public ReadOnlySpan<int> HomePlace => HomePlaceArray;

    /// <summary>Place id of the work place; -1 when unknown.</summary>
    public ReadOnlySpan<int> WorkPlace => WorkPlaceArray;

    /// <summary>Devices with an inferred home (counted on each call).</summary>
    public int DevicesWithHome => CountKnown(HomeLatArray);

    /// <summary>Devices with an inferred work place (counted on each call).</summary>
    public int DevicesWithWork => CountKnown(WorkLatArray);

    /// <summary>Default method: distinct nights with evidence at the home.</summary>
    public ReadOnlySpan<int> HomeNights => HomeNightsArray;

    /// <summary>Default method: distinct weekdays with work-window evidence at the work place.</summary>
    public ReadOnlySpan<int> WorkDays => WorkDaysArray;

    /// <summary>Pings that supported the home (default: night pings at the home; skmob: pings at the chosen coordinate).</summary>
    public ReadOnlySpan<int> EvidencePings => EvidencePingsArray;

    /// <summary>
    /// Merges the home/work tables of partitions of a dataset (split by device) into the table the whole dataset gives:
    /// one row per global device, in global device order. Place ids are per device and stay as they are.
    /// </summary>
    /// <param name="parts">The table of each partition (same method and local time).</param>
    /// <param name="globalDevice">Per partition, the global index of each local device (ascending; together every device once).</param>
    /// <param name="globalDeviceCount">Number of devices of the whole dataset.</param>
    /// <returns>The merged table; for one partition with the identity map, a table equal to that partition's.</returns>
    /// <exception cref="ArgumentException">The lists differ in length, methods or local times differ, or the device maps do not cover every device once.</exception>
    public static HomeWorkTable Merge(IReadOnlyList<HomeWorkTable> parts, IReadOnlyList<int[]> globalDevice, int globalDeviceCount)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(globalDevice);
        if (parts.Count == 0 || globalDevice.Count != parts.Count)
        {
            throw new ArgumentException("one device map per partition, and at least one partition, are needed", nameof(parts));
        }

        for (int p = 0; p < parts.Count; p++)
        {
            if (parts[p].Method != parts[0].Method || !string.Equals(parts[p].LocalTimeDescription, parts[0].LocalTimeDescription, StringComparison.Ordinal))
            {
                throw new ArgumentException($"partition {p}: another method or local time", nameof(parts));
            }
        }

        var map = PartitionDeviceMap.Create(globalDevice, globalDeviceCount, p => parts[p].Count);
        var merged = new HomeWorkTable(map.GlobalIds(p => parts[p].DeviceIdArray), parts[0].Method, parts[0].LocalTimeDescription);
        for (int g = 0; g < globalDeviceCount; g++)
        {
            HomeWorkTable part = parts[map.Owner[g]];
            int l = map.Local[g];
            merged.HomeLatArray[g] = part.HomeLatArray[l];
            merged.HomeLonArray[g] = part.HomeLonArray[l];
            merged.HomeConfidenceArray[g] = part.HomeConfidenceArray[l];
            merged.WorkLatArray[g] = part.WorkLatArray[l];
            merged.WorkLonArray[g] = part.WorkLonArray[l];
            merged.WorkConfidenceArray[g] = part.WorkConfidenceArray[l];
            merged.HomePlaceArray[g] = part.HomePlaceArray[l];
            merged.WorkPlaceArray[g] = part.WorkPlaceArray[l];
            merged.HomeNightsArray[g] = part.HomeNightsArray[l];
            merged.WorkDaysArray[g] = part.WorkDaysArray[l];
            merged.EvidencePingsArray[g] = part.EvidencePingsArray[l];
        }

        return merged;
    }

    internal string[] DeviceIdArray { get; }

    internal double[] HomeLatArray { get; }

    internal double[] HomeLonArray { get; }

    internal double[] HomeConfidenceArray { get; }

    internal double[] WorkLatArray { get; }

    internal double[] WorkLonArray { get; }

    internal double[] WorkConfidenceArray { get; }

    internal int[] HomePlaceArray { get; }

    internal int[] WorkPlaceArray { get; }

    internal int[] HomeNightsArray { get; }

    internal int[] WorkDaysArray { get; }

    internal int[] EvidencePingsArray { get; }

    private static T[] Filled<T>(int n, T value)
    {
        var array = new T[n];
        Array.Fill(array, value);
        return array;
    }

    private static int CountKnown(double[] latitudes)
    {
        int known = 0;
        foreach (double lat in latitudes)
        {
            known += double.IsNaN(lat) ? 0 : 1;
        }

        return known;
    }
}
