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
