namespace AdintAudit.Risk.Attacks;

/// <summary>
/// Records (device, place, time) prepared for the attacks: grouped by device in time order (CSR), places as dense ids.
/// </summary>
public sealed class AttackInput
{
    private AttackInput(int deviceCount, int[] deviceStart, int[] place, long[] timeMs, int placeCount)
    {
        DeviceCount = deviceCount;
        DeviceStart = deviceStart;
        Place = place;
        TimeMs = timeMs;
        PlaceCount = placeCount;
    }

    /// <summary>Number of devices (targets and candidates), indexed 0 .. DeviceCount - 1.</summary>
    public int DeviceCount { get; }

    /// <summary>Number of records.</summary>
    public int RecordCount => Place.Length;

    internal int[] DeviceStart { get; }

    internal int[] Place { get; }

    internal long[] TimeMs { get; }

    internal int PlaceCount { get; }

    internal int[]? HomePlace { get; private init; }

    internal int[]? WorkPlace { get; private init; }

    /// <summary>
    /// Builds the input from raw points, as scikit-mobility sees them: a place is an exact (lat, lon) pair, and place
    /// ids follow ascending (lat, lon) so ties break as in its frequency vectors. Records are stably sorted by
    /// (device, time), keeping file order for equal times.
    /// </summary>
    /// <param name="device">Device index of each record, 0 .. <paramref name="deviceCount"/> - 1.</param>
    /// <param name="latitude">Latitude in degrees.</param>
    /// <param name="longitude">Longitude in degrees.</param>
    /// <param name="timeMs">UTC epoch milliseconds.</param>
    /// <param name="deviceCount">Number of devices.</param>
    /// <exception cref="ArgumentException">The spans differ in length or a device index is out of range.</exception>
    public static AttackInput FromPoints(ReadOnlySpan<int> device, ReadOnlySpan<double> latitude, ReadOnlySpan<double> longitude,
        ReadOnlySpan<long> timeMs, int deviceCount)
    {
        int n = device.Length;
        if (latitude.Length != n || longitude.Length != n || timeMs.Length != n)
        {
            throw new ArgumentException("device, latitude, longitude and time spans must have the same length");
        }

        // Dense place ids in (lat, lon) order; -0 and 0 are the same coordinate, as pandas compares them.
        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        double[] lat = Normalise(latitude);
        double[] lon = Normalise(longitude);
        Array.Sort(order, (a, b) =>
        {
            int byLat = lat[a].CompareTo(lat[b]);
            return byLat != 0 ? byLat : lon[a].CompareTo(lon[b]);
        });
        int[] place = new int[n];
        int places = 0;
        for (int i = 0; i < n; i++)
        {
            if (i > 0 && (lat[order[i]] != lat[order[i - 1]] || lon[order[i]] != lon[order[i - 1]]))
            {
                places++;
            }

            place[order[i]] = places;
        }

        return FromPlaces(device, place, timeMs, deviceCount, n == 0 ? 0 : places + 1);
    }

    /// <summary>Builds the input from records whose places are already ids (for example inferred places).</summary>
    /// <param name="device">Device index of each record.</param>
    /// <param name="place">Place id of each record, 0 .. <paramref name="placeCount"/> - 1.</param>
    /// <param name="timeMs">UTC epoch milliseconds.</param>
    /// <param name="deviceCount">Number of devices.</param>
    /// <param name="placeCount">Number of distinct place ids.</param>
    /// <exception cref="ArgumentException">The spans differ in length or an index is out of range.</exception>
    public static AttackInput FromPlaces(ReadOnlySpan<int> device, ReadOnlySpan<int> place, ReadOnlySpan<long> timeMs,
        int deviceCount, int placeCount)
    {
        int n = device.Length;
        if (place.Length != n || timeMs.Length != n)
        {
            throw new ArgumentException("device, place and time spans must have the same length");
        }

        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            if ((uint)device[i] >= (uint)deviceCount || (uint)place[i] >= (uint)placeCount)
            {
                throw new ArgumentException($"record {i} has a device or place index out of range");
            }

            order[i] = i;
        }

        int[] deviceCopy = device.ToArray();
        long[] timeCopy = timeMs.ToArray();

        // Stable: equal (device, time) keep their input order, as pandas' sort does.
        Array.Sort(order, (a, b) =>
        {
            int byDevice = deviceCopy[a].CompareTo(deviceCopy[b]);
            if (byDevice != 0)
            {
                return byDevice;
            }

            int byTime = timeCopy[a].CompareTo(timeCopy[b]);
            return byTime != 0 ? byTime : a.CompareTo(b);
        });
        int[] start = new int[deviceCount + 1];
        int[] sortedPlace = new int[n];
        long[] sortedTime = new long[n];
        for (int i = 0; i < n; i++)
        {
            sortedPlace[i] = place[order[i]];
            sortedTime[i] = timeCopy[order[i]];
            start[deviceCopy[order[i]] + 1]++;
        }

        for (int d = 0; d < deviceCount; d++)
        {
            start[d + 1] += start[d];
        }

        return new AttackInput(deviceCount, start, sortedPlace, sortedTime, placeCount);
    }

    /// <summary>Adds each device's inferred home and work place ids (-1 when unknown) for the default home-work attack.</summary>
    /// <exception cref="ArgumentException">The arrays do not have one entry per device.</exception>
    public AttackInput WithHomeWork(int[] homePlace, int[] workPlace)
    {
        ArgumentNullException.ThrowIfNull(homePlace);
        ArgumentNullException.ThrowIfNull(workPlace);
        if (homePlace.Length != DeviceCount || workPlace.Length != DeviceCount)
        {
            throw new ArgumentException("home and work arrays need one entry per device");
        }

        return new AttackInput(DeviceCount, DeviceStart, Place, TimeMs, PlaceCount) { HomePlace = homePlace, WorkPlace = workPlace };
    }

    private static double[] Normalise(ReadOnlySpan<double> values)
    {
        double[] result = values.ToArray();
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = result[i] == 0 ? 0 : result[i];
        }

        return result;
    }
}
