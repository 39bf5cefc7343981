using AdintAudit.Geo;
using AdintAudit.Risk.Linkage;
using FsCheck;
using FsCheck.Fluent;

namespace AdintAudit.Tests.Risk.Linkage;

public sealed class CellNeighbourhoodTests
{
    [Fact]
    public void At_mid_latitude_the_neighbourhood_is_three_by_three_cells()
    {
        var hood = new CellNeighbourhood(15);
        Span<(long First, long Last)> ranges = stackalloc (long, long)[CellNeighbourhood.MaxRanges];

        int count = hood.Ranges(52.52, 13.405, ranges);

        Assert.Equal(3, count);
        foreach ((long first, long last) in ranges[..count])
        {
            Assert.Equal(first >> 32, last >> 32);
            Assert.Equal(2, last - first);
        }
    }

    [Fact]
    public void Ranges_hold_the_cell_of_every_point_within_the_radius() =>
        Prop.ForAll(
            Gen.Elements(1.0, 5.0, 15.0, 50.0, 2_000.0).ToArbitrary(),
            Gen.OneOf(
                Gen.Choose(-900_000, 900_000).Select(v => v / 10_000.0),
                Gen.Choose(0, 2_000).Select(v => 90.0 - (v / 100_000.0)),
                Gen.Choose(0, 2_000).Select(v => -90.0 + (v / 100_000.0))).ToArbitrary(),
            Gen.OneOf(
                Gen.Choose(-1_800_000, 1_799_999).Select(v => v / 10_000.0),
                Gen.Choose(0, 2_000).Select(v => 179.99 + (v / 200_000.0)),
                Gen.Choose(0, 2_000).Select(v => -180.0 + (v / 200_000.0))).ToArbitrary(),
            (double radius, double lat, double lon) =>
            {
                var hood = new CellNeighbourhood(radius);
                var ranges = new (long First, long Last)[CellNeighbourhood.MaxRanges];
                int count = hood.Ranges(lat, lon, ranges);
                for (int bearing = 0; bearing < 360; bearing += 15)
                {
                    foreach (double fraction in (double[])[0.5, 0.999, 1.0])
                    {
                        (double lat2, double lon2) = Destination(lat, lon, bearing, radius * fraction);
                        if (Haversine.Meters(lat, lon, lat2, lon2) > radius)
                        {
                            continue;
                        }

                        long key = hood.Key(lat2, lon2);
                        if (!ranges.Take(count).Any(r => key >= r.First && key <= r.Last))
                        {
                            return false;
                        }
                    }
                }

                return true;
            })
        .Check(Config.QuickThrowOnFailure.WithMaxTest(500));

    /// <summary>The point at <paramref name="meters"/> along the initial <paramref name="bearingDegrees"/> (great circle).</summary>
    private static (double Lat, double Lon) Destination(double lat, double lon, double bearingDegrees, double meters)
    {
        double d = meters / Haversine.EarthRadiusMeters;
        double phi = lat * Math.PI / 180;
        double theta = bearingDegrees * Math.PI / 180;
        double phi2 = Math.Asin((Math.Sin(phi) * Math.Cos(d)) + (Math.Cos(phi) * Math.Sin(d) * Math.Cos(theta)));
        double lambda2 = (lon * Math.PI / 180) + Math.Atan2(Math.Sin(theta) * Math.Sin(d) * Math.Cos(phi), Math.Cos(d) - (Math.Sin(phi) * Math.Sin(phi2)));
        double lon2 = lambda2 * 180 / Math.PI;
        return (phi2 * 180 / Math.PI, lon2 - (360 * Math.Floor((lon2 + 180) / 360)));
    }
}
