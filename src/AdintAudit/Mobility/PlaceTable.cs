namespace AdintAudit.Mobility;

/// <summary>
/// Places as columns, sorted by (device, place id), each device's places in one slice; plus the place of every stay.
/// </summary>
public sealed class PlaceTable
{
    internal PlaceTable(string[] deviceIds, int[] deviceStart, int[] device, int[] placeId, double[] lat, double[] lon, int[] stayCount,
        long[] durationMs, int[] placeOfStay, PlaceMethod method)
    {
        DeviceIdArray = deviceIds;
        DeviceStartArray = deviceStart;
        DeviceArray = device;
        PlaceIdArray = placeId;
        LatArray = lat;
        LonArray = lon;
        StayCountArray = stayCount;
        DurationArray = durationMs;
        PlaceOfStayArray = placeOfStay;
        Method = method;
    }

    /// <summary>The clustering that produced the places.</summary>
    public PlaceMethod Method { get; }

    /// <summary>Number of places.</summary>
    public int Count => DeviceArray.Length;

    /// <summary>Number of devices (with or without places).</summary>
    public int DeviceCount => DeviceIdArray.Length;

    /// <summary>Device ids by device number.</summary>
    public IReadOnlyList<string> DeviceIds => DeviceIdArray;

    /// <summary>First place row of each device; <see cref="DeviceCount"/> + 1 entries.</summary>
    public ReadOnlySpan<int> DeviceStart => DeviceStartArray;

    /// <summary>Device number of each place.</summary>
    public ReadOnlySpan<int> Device => DeviceArray;

    /// <summary>Place id within its device (0, 1, …; the order depends on the method, see <see cref="PlaceClusterer"/>).</summary>
    public ReadOnlySpan<int> PlaceId => PlaceIdArray;

    /// <summary>Centre latitude in degrees.</summary>
    public ReadOnlySpan<double> Lat => LatArray;

    /// <summary>Centre longitude in degrees.</summary>
    public ReadOnlySpan<double> Lon => LonArray;

    /// <summary>Stays in the place.</summary>
    public ReadOnlySpan<int> StayCount => StayCountArray;

    /// <summary>Total duration of the place's stays in milliseconds.</summary>
    public ReadOnlySpan<long> DurationMs => DurationArray;

    /// <summary>Place id of each stay of the source <see cref="StayTable"/> (same order); -1 for DBSCAN noise.</summary>
    public ReadOnlySpan<int> PlaceOfStay => PlaceOfStayArray;

    internal string[] DeviceIdArray { get; }

    internal int[] DeviceStartArray { get; }

    internal int[] DeviceArray { get; }

    internal int[] PlaceIdArray { get; }

    internal double[] LatArray { get; }

    internal double[] LonArray { get; }

    internal int[] StayCountArray { get; }

    internal long[] DurationArray { get; }

    internal int[] PlaceOfStayArray { get; }
}
