namespace AdintAudit.Data;

/// <summary>
/// Pings as columns (struct of arrays, never an object per ping), device ids interned, rows sorted by
/// (device, time) with each device's rows in one contiguous slice.
/// </summary>
/// <remarks>
/// <para>
/// Devices are numbered 0..<see cref="DeviceCount"/>-1 in ordinal order of their id, so the numbering does not
/// depend on the order of the input rows. Rows of one device with equal timestamps keep their input order
/// (stable sort), as scikit-mobility and trackintel see them.
/// </para>
/// <para>About 36 bytes per ping. The table is immutable; spans returned by its members stay valid for its lifetime.</para>
/// </remarks>
public sealed class PingTable
{
    private readonly string[] _deviceIds;

    internal PingTable(string[] deviceIds, int[] deviceStart, int[] device, long[] timeMs, double[] lat, double[] lon, float[] accuracyM)
    {
        _deviceIds = deviceIds;
        DeviceStartArray = deviceStart;
        DeviceArray = device;
        TimeArray = timeMs;
        LatArray = lat;
        LonArray = lon;
        AccuracyArray = accuracyM;
    }

    /// <summary>Number of pings (rows).</summary>
    public int Count => TimeArray.Length;

    /// <summary>Number of distinct devices.</summary>
    public int DeviceCount => _deviceIds.Length;

    /// <summary>Device ids by device number, in ordinal order.</summary>
    public IReadOnlyList<string> DeviceIds => _deviceIds;

    /// <summary>Device number of each ping.</summary>
    public ReadOnlySpan<int> Device => DeviceArray;

    /// <summary>UTC epoch milliseconds of each ping.</summary>
    public ReadOnlySpan<long> TimeMs => TimeArray;

    /// <summary>WGS84 latitude of each ping, in degrees.</summary>
    public ReadOnlySpan<double> Lat => LatArray;

    /// <summary>WGS84 longitude of each ping, in degrees.</summary>
    public ReadOnlySpan<double> Lon => LonArray;

    /// <summary>Horizontal accuracy of each ping in meters (68 % radius); NaN when unknown.</summary>
    public ReadOnlySpan<float> AccuracyM => AccuracyArray;

    /// <summary>
    /// Row where each device's slice starts; <see cref="DeviceCount"/> + 1 entries, the last being <see cref="Count"/>.
    /// Device <c>d</c> owns rows <c>DeviceStart[d]</c> to <c>DeviceStart[d + 1] - 1</c>.
    /// </summary>
    public ReadOnlySpan<int> DeviceStart => DeviceStartArray;

    internal string[] DeviceIdArray => _deviceIds;

    internal int[] DeviceStartArray { get; }

    internal int[] DeviceArray { get; }

    internal long[] TimeArray { get; }

    internal double[] LatArray { get; }

    internal double[] LonArray { get; }

    internal float[] AccuracyArray { get; }

    /// <summary>Builds a table from rows in any order; rows are interned, sorted by (device, time) and sliced.</summary>
    /// <param name="deviceIds">Device id of each row (not null).</param>
    /// <param name="timeMs">UTC epoch milliseconds of each row.</param>
    /// <param name="lat">Latitude of each row in degrees.</param>
    /// <param name="lon">Longitude of each row in degrees.</param>
    /// <param name="accuracyM">Accuracy of each row in meters (NaN = unknown), or empty when no row has one.</param>
    /// <returns>The sorted table.</returns>
    /// <exception cref="ArgumentException">The columns differ in length, or a device id is null.</exception>
    public static PingTable FromRows(ReadOnlySpan<string> deviceIds, ReadOnlySpan<long> timeMs, ReadOnlySpan<double> lat,
        ReadOnlySpan<double> lon, ReadOnlySpan<float> accuracyM = default)
    {
        int n = deviceIds.Length;
        if (timeMs.Length != n || lat.Length != n || lon.Length != n || (accuracyM.Length != 0 && accuracyM.Length != n))
        {
            throw new ArgumentException("every column must have one value per row");
        }

        var builder = new PingTableBuilder(n);
        for (int i = 0; i < n; i++)
        {
            string id = deviceIds[i] ?? throw new ArgumentException($"row {i}: device id is null", nameof(deviceIds));
            builder.Add(builder.Intern(id), timeMs[i], lat[i], lon[i], accuracyM.IsEmpty ? float.NaN : accuracyM[i]);
        }

        return builder.Build();
    }

    /// <summary>Returns the rows of device <paramref name="device"/> as a range of row numbers.</summary>
    /// <param name="device">Device number, 0..<see cref="DeviceCount"/>-1.</param>
    public Range GetDeviceRange(int device)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)device, (uint)DeviceCount, nameof(device));
        return new Range(DeviceStartArray[device], DeviceStartArray[device + 1]);
    }

    /// <summary>Returns a table of the rows where <paramref name="keep"/> is true, in the same order.</summary>
    /// <param name="keep">One flag per row.</param>
    /// <param name="dropEmptyDevices">Whether devices left with no row are removed from the dictionary (renumbering devices).</param>
    /// <exception cref="ArgumentException"><paramref name="keep"/> has a different length than the table.</exception>
    public PingTable Filter(ReadOnlySpan<bool> keep, bool dropEmptyDevices = false)
    {
        if (keep.Length != Count)
        {
            throw new ArgumentException("one flag per row is needed", nameof(keep));
        }

        int kept = 0;
        foreach (bool k in keep)
        {
            kept += k ? 1 : 0;
        }

        var device = new int[kept];
        var time = new long[kept];
        var lat = new double[kept];
        var lon = new double[kept];
        var acc = new float[kept];
        var start = new int[DeviceCount + 1];
        int w = 0;
        for (int d = 0; d < DeviceCount; d++)
        {
            start[d] = w;
            for (int i = DeviceStartArray[d]; i < DeviceStartArray[d + 1]; i++)
            {
                if (keep[i])
                {
                    device[w] = d;
                    time[w] = TimeArray[i];
                    lat[w] = LatArray[i];
                    lon[w] = LonArray[i];
                    acc[w] = AccuracyArray[i];
                    w++;
                }
            }
        }

        start[DeviceCount] = w;
        if (!dropEmptyDevices)
        {
            return new PingTable(_deviceIds, start, device, time, lat, lon, acc);
        }

        var ids = new List<string>();
        var newStart = new List<int>();
        var renumber = new int[DeviceCount];
        for (int d = 0; d < DeviceCount; d++)
        {
            if (start[d + 1] > start[d])
            {
                renumber[d] = ids.Count;
                ids.Add(_deviceIds[d]);
                newStart.Add(start[d]);
            }
        }

        newStart.Add(w);
        for (int i = 0; i < w; i++)
        {
            device[i] = renumber[device[i]];
        }

        return new PingTable([.. ids], [.. newStart], device, time, lat, lon, acc);
    }
}
