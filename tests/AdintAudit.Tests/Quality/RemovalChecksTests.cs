using AdintAudit.Geo;
using AdintAudit.Quality;
using FsCheck;
using FsCheck.Fluent;

namespace AdintAudit.Tests.Quality;

public sealed class RemovalChecksTests
{
    [Fact]
    public void FasterThan_equalsTheHaversineSpeedTest_nearTheLimitAndFarAway() =>
        Prop.ForAll(
            Gen.Choose(-90_000, 90_000).Two().SelectMany(lats => Gen.Choose(-180_000, 180_000).Two().Select(lons => (lats, lons))).ToArbitrary(),
            Gen.Choose(0, 7).SelectMany(scale => Gen.Choose(-1000, 1000).Select(ms => ms * (long)Math.Pow(10, scale))).ToArbitrary(),
            Gen.Elements(0.0, 0.2, 0.5, 0.999999, 1.0, 1.000001, 2.0, 2.1, 10.0).ToArbitrary(),
            (points, dtMs, factor) =>
            {
                (var lats, var lons) = points;
                // Points anywhere, or a small step from the first (every 10th of the range scaled down); limits around the
                // pair's own speed, so that both the shortcut and the exact test decide.
                double lat1 = lats.Item1 / 1000.0;
                double lon1 = lons.Item1 / 1000.0;
                bool near = (lats.Item2 & 1) == 0;
                double lat2 = near ? Math.Clamp(lat1 + (lats.Item2 / 1e7), -90, 90) : lats.Item2 / 1000.0;
                double lon2 = near ? Math.Clamp(lon1 + (lons.Item2 / 1e7), -180, 180) : lons.Item2 / 1000.0;
                long dt = Math.Max(1000, dtMs);
                double speed = Haversine.Meters(lat1, lon1, lat2, lon2) / dt;
                double limit = speed * factor;

                bool expected = Haversine.Meters(lat1, lon1, lat2, lon2) / dt > limit;

                return RemovalChecks.FasterThan(lat1, lon1, lat2, lon2, dtMs, limit) == expected
                    && RemovalChecks.FasterThan(lat1, lon1, lat2, lon2, dtMs, 500 / 3600.0) == (speed > 500 / 3600.0);
            })
        .Check(Config.QuickThrowOnFailure.WithMaxTest(2000));

    [Fact]
    public void FasterThan_antipodesInLessThanTheirTime_isTrue()
    {
        // (0, 0) to (0, 180): half the circumference, π × 6,371,000 m = 20,015,087 m; in 40 h at 500 km/h one covers
        // 20,000,000 m, so the pair is a teleport; in 41 h (20,500 km) it is not.
        const double Limit = 500 / 3600.0;

        Assert.True(RemovalChecks.FasterThan(0, 0, 0, 180, 40 * 3_600_000L, Limit));
        Assert.False(RemovalChecks.FasterThan(0, 0, 0, 180, 41 * 3_600_000L, Limit));
    }
}
