using AdintAudit.Data;

namespace AdintAudit.Mobility;

/// <summary>The result tables of the mobility stages as output columns (see <see cref="TableOutput"/>).</summary>
public static class MobilityOutputs
{
    /// <summary>Returns <c>device_id,lat,lon,start_ms,end_ms,n_pings</c>, one row per stay.</summary>
    /// <param name="stays">The stays.</param>
    public static IReadOnlyList<OutputColumn> Stays(StayTable stays)
    {
        ArgumentNullException.ThrowIfNull(stays);
        return
        [
            OutputColumn.Text("device_id", new DeviceNames(stays.DeviceIdArray, stays.Device.ToArray())),
            OutputColumn.Real("lat", stays.Lat.ToArray()),
            OutputColumn.Real("lon", stays.Lon.ToArray()),
            OutputColumn.Whole("start_ms", stays.StartMs.ToArray()),
            OutputColumn.Whole("end_ms", stays.EndMs.ToArray()),
            OutputColumn.Whole("n_pings", Widen(stays.PingCount)),
        ];
    }

    /// <summary>Returns <c>device_id,place_id,lat,lon,n_stays</c>, one row per place.</summary>
    /// <param name="places">The places.</param>
    public static IReadOnlyList<OutputColumn> Places(PlaceTable places)
    {
        ArgumentNullException.ThrowIfNull(places);
        return
        [
            OutputColumn.Text("device_id", new DeviceNames(places.DeviceIdArray, places.DeviceArray)),
            OutputColumn.Whole("place_id", Widen(places.PlaceId)),
            OutputColumn.Real("lat", places.Lat.ToArray()),
            OutputColumn.Real("lon", places.Lon.ToArray()),
            OutputColumn.Whole("n_stays", Widen(places.StayCount)),
        ];
    }

    /// <summary>
    /// Returns <c>device_id,home_lat,home_lon,home_confidence,work_lat,work_lon,work_confidence</c>, one row per device
    /// (NaN, written empty, when unknown).
    /// </summary>
    /// <param name="homes">The inferred homes and work places.</param>
    public static IReadOnlyList<OutputColumn> Homes(HomeWorkTable homes)
    {
        ArgumentNullException.ThrowIfNull(homes);
        return
        [
            OutputColumn.Text("device_id", homes.DeviceIdArray),
            OutputColumn.Real("home_lat", homes.HomeLatArray),
            OutputColumn.Real("home_lon", homes.HomeLonArray),
            OutputColumn.Real("home_confidence", homes.HomeConfidenceArray),
            OutputColumn.Real("work_lat", homes.WorkLatArray),
            OutputColumn.Real("work_lon", homes.WorkLonArray),
            OutputColumn.Real("work_confidence", homes.WorkConfidenceArray),
        ];
    }

    private static long[] Widen(ReadOnlySpan<int> values)
    {
        var result = new long[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = values[i];
        }

        return result;
    }

    /// <summary>Device ids per row without materialising a string array.</summary>
    private sealed class DeviceNames(string[] ids, int[] device) : IReadOnlyList<string>
    {
        public string this[int index] => ids[device[index]];

        public int Count => device.Length;

        public IEnumerator<string> GetEnumerator()
        {
            foreach (int d in device)
            {
                yield return ids[d];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
