using AdintAudit.Geo;

namespace AdintAudit.Tests.Geo;

public class GridCellTests
{
    [Theory]
    [InlineData(0.0, 0.0, 100.0)]
    [InlineData(52.52, 13.405, 250.0)]
    [InlineData(-33.87, 151.21, 1000.0)]
    [InlineData(64.1, -21.9, 500.0)]
    public void Cells_are_close_to_square_and_hold_their_point(double lat, double lon, double cellMeters)
    {
        long key = GridCell.Key(lat, lon, cellMeters);
        (double south, double west, double north, double east) = GridCell.Bounds(key, cellMeters);
        Assert.InRange(lat, south, north);
        Assert.InRange(lon, west, east);
        (double cLat, double cLon) = GridCell.Center(key, cellMeters);
        double height = Haversine.Meters(south, cLon, north, cLon);
        double width = Haversine.Meters(cLat, west, cLat, east);
        Assert.InRange(height, cellMeters * 0.999, cellMeters * 1.001);
        Assert.InRange(width / height, 0.98, 1.05);
        Assert.Equal(key, GridCell.Key(cLat, cLon, cellMeters));
    }

    [Fact]
    public void Nearby_points_share_a_cell_and_distant_points_do_not()
    {
        long a = GridCell.Key(52.520001, 13.405001, 1000);
        (double lat, double lon) = GridCell.Center(a, 1000);
        Assert.Equal(a, GridCell.Key(lat + 0.001, lon + 0.001, 1000));
        Assert.NotEqual(a, GridCell.Key(lat + 0.01, lon, 1000));
    }

    [Fact]
    public void Longitude_wraps_and_poles_clamp()
    {
        Assert.Equal(GridCell.Key(10, -180, 5000), GridCell.Key(10, 180, 5000));
        Assert.Equal(GridCell.Key(90, 0, 5000), GridCell.Key(95, 0, 5000));
    }
}
