using AdintAudit.Geo;

namespace AdintAudit.Tests.Geo;

public sealed class HaversineTests
{
    [Fact]
    public void FastCosDegrees_everyThousandthOfADegree_withinFourBillionths()
    {
        double worst = 0;

        for (int i = -90_000; i <= 90_000; i += 7)
        {
            double lat = i / 1000.0;
            worst = Math.Max(worst, Math.Abs(Haversine.FastCosDegrees(lat) - Math.Cos(lat * Math.PI / 180)));
        }

        Assert.True(worst < 4e-9, $"worst error {worst}");
    }

    [Fact]
    public void EquirectangularSquaredMeters_withinOneKilometre_withinHalfAPercentOfHaversine()
    {
        var rng = new Random(11);
        double worst = 0;

        for (int i = 0; i < 10_000; i++)
        {
            double lat = (rng.NextDouble() * 160) - 80;
            double lon = (rng.NextDouble() * 360) - 180;
            double lat2 = lat + ((rng.NextDouble() - 0.5) * 0.01);
            double lon2 = lon + ((rng.NextDouble() - 0.5) * 0.01 / Math.Cos(lat * Math.PI / 180));
            double exact = Haversine.Meters(lat, lon, lat2, lon2);
            double approx = Math.Sqrt(Haversine.EquirectangularSquaredMeters(lat, lon, lat2, lon2, Haversine.FastCosDegrees(lat)));
            if (exact is > 1 and < 1000)
            {
                worst = Math.Max(worst, Math.Abs(approx - exact) / exact);
            }
        }

        Assert.True(worst < 0.005, $"worst relative error {worst}");
    }

    [Fact]
    public void SkmobKilometers_agreesWithMeters()
    {
        double km = Haversine.SkmobKilometers(43.8430139, 10.507994, 43.54427, 10.32615);

        Assert.Equal(Haversine.Meters(43.8430139, 10.507994, 43.54427, 10.32615) / 1000, km, 1e-9);
    }
}
