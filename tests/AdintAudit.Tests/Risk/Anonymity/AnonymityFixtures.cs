using AdintAudit.Geo;
using AdintAudit.Mobility;

namespace AdintAudit.Tests.Risk.Anonymity;

/// <summary>Hand-built home/work and place tables for the risk tests.</summary>
internal static class AnonymityFixtures
{
    /// <summary>Returns (lat, lon) moved by the given meters north and east (equirectangular; exact enough below 1 km).</summary>
    public static (double Lat, double Lon) Offset((double Lat, double Lon) point, double northMeters, double eastMeters) =>
        (point.Lat + (northMeters / GridCell.MetersPerDegreeLatitude),
         point.Lon + (eastMeters / (GridCell.MetersPerDegreeLatitude * Math.Cos(point.Lat * Math.PI / 180.0))));

    /// <summary>A home/work table; null stands for "not inferred".</summary>
    public static HomeWorkTable Homes(params ((double Lat, double Lon)? Home, (double Lat, double Lon)? Work)[] devices)
    {
        var table = new HomeWorkTable([.. devices.Select((_, i) => $"d{i}")], HomeWorkMethod.Default, "UTC");
        for (int d = 0; d < devices.Length; d++)
        {
            if (devices[d].Home is { } home)
            {
                table.HomeLatArray[d] = home.Lat;
                table.HomeLonArray[d] = home.Lon;
            }

            if (devices[d].Work is { } work)
            {
                table.WorkLatArray[d] = work.Lat;
                table.WorkLonArray[d] = work.Lon;
            }
        }

        return table;
    }

    /// <summary>One place of a device: its centre, stays and total duration.</summary>
    public readonly record struct Place((double Lat, double Lon) Centre, int Stays, long DurationMs);

    /// <summary>A place table; each device's places get ids 0, 1, … in the order given.</summary>
    public static PlaceTable Places(params Place[][] devices)
    {
        int count = devices.Sum(p => p.Length);
        int[] deviceStart = new int[devices.Length + 1];
        var device = new List<int>();
        var placeId = new List<int>();
        var lat = new List<double>();
        var lon = new List<double>();
        var stays = new List<int>();
        var duration = new List<long>();
        for (int d = 0; d < devices.Length; d++)
        {
            for (int p = 0; p < devices[d].Length; p++)
            {
                device.Add(d);
                placeId.Add(p);
                lat.Add(devices[d][p].Centre.Lat);
                lon.Add(devices[d][p].Centre.Lon);
                stays.Add(devices[d][p].Stays);
                duration.Add(devices[d][p].DurationMs);
            }

            deviceStart[d + 1] = device.Count;
        }

        Assert.Equal(count, device.Count);
        return new PlaceTable([.. devices.Select((_, i) => $"d{i}")], deviceStart, [.. device], [.. placeId], [.. lat], [.. lon], [.. stays],
            [.. duration], [], PlaceMethod.Default);
    }
}
