using AdintAudit.Mobility;

namespace AdintAudit.Tests.Mobility;

/// <summary>The speed kernels give exactly what the plain code they replace gives.</summary>
public sealed class SpeedKernelTests
{
    [Fact]
    public void SortByValue_and_SortInto_order_values_and_weights_exactly_as_Span_Sort()
    {
        var rng = new Random(7);
        for (int iteration = 0; iteration < 20_000; iteration++)
        {
            int n = rng.Next(0, 40);
            int distinct = rng.Next(1, 6);
            double[] values = new double[n];
            double[] weights = new double[n];
            for (int i = 0; i < n; i++)
            {
                values[i] = rng.NextDouble() < 0.5 ? rng.Next(0, distinct) : 52.4 + rng.NextDouble();
                weights[i] = i + (rng.NextDouble() / 10);
            }

            double[] intoValues = new double[n];
            double[] intoWeights = new double[n];
            StayDetector.SortInto(values, weights, intoValues, intoWeights);
            double[] expectedValues = (double[])values.Clone();
            double[] expectedWeights = (double[])weights.Clone();
            expectedValues.AsSpan().Sort(expectedWeights.AsSpan());
            StayDetector.SortByValue(values, weights);
            Assert.Equal(expectedValues, values);
            Assert.Equal(expectedWeights, weights);
            Assert.Equal(expectedValues, intoValues);
            Assert.Equal(expectedWeights, intoWeights);
        }
    }

    [Theory]
    [InlineData("Europe/Berlin")]
    [InlineData("America/New_York")]
    [InlineData("Australia/Lord_Howe")]
    [InlineData(null)]
    public void LocalDayCursor_matches_ToLocalMs_DayOf_and_DayOfWeek(string? zone)
    {
        long from = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        long to = new DateTimeOffset(2024, 11, 30, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        LocalTime[] clocks = zone is null
            ? [LocalTime.Utc, LocalTime.Fixed(TimeSpan.FromHours(-5)), LocalTime.Fixed(TimeSpan.FromHours(14))]
            : [LocalTime.FromTimeZone(zone, from, to), LocalTime.FromTimeZone(zone, from + (90L * 86_400_000), to - (90L * 86_400_000))];
        var rng = new Random(11);
        foreach (LocalTime local in clocks)
        {
            var cursor = new LocalDayCursor(local);
            long t = from - (5L * 86_400_000);
            for (int i = 0; i < 200_000; i++)
            {
                // Mostly forward in small steps (across midnights and transitions), sometimes anywhere.
                t = rng.NextDouble() < 0.01 ? from + (long)(rng.NextDouble() * (to - from)) : t + rng.Next(0, 7_200_000);
                long expected = local.ToLocalMs(t);
                long actual = cursor.ToLocalMs(t, out long day);
                Assert.Equal(expected, actual);
                Assert.Equal(NightClock.DayOf(expected), day);
                Assert.Equal(NightClock.DayOfWeek(expected), cursor.DayOfWeek);
                Assert.Equal(NightClock.NightOf(expected, 22, 7), NightClock.NightOf(day, actual, 22, 7));
            }
        }
    }
}
