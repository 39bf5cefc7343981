using AdintAudit.Plotting;
using FsCheck;
using FsCheck.Fluent;

namespace AdintAudit.Tests.Plotting;

public sealed class NiceScaleTests
{
    [Fact]
    public void Ticks_of_a_share_range_are_tenths_or_fifths()
    {
        double[] ticks = NiceScale.Ticks(0, 0.93, 6);

        Assert.Equal([0, 0.2, 0.4, 0.6, 0.8, 1], ticks);
    }

    [Fact]
    public void Ticks_fewer_than_three_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NiceScale.Ticks(-1, 1, 2));
    }

    [Fact]
    public void Ticks_of_a_single_value_make_a_range_around_it()
    {
        double[] ticks = NiceScale.Ticks(5, 5, 6);

        Assert.True(ticks[0] < 5 && ticks[^1] > 5);
    }

    [Fact]
    public void Ticks_cover_the_range_with_few_evenly_spaced_nice_steps() =>
        Prop.ForAll(
            Gen.Choose(-1_000_000, 1_000_000).Select(i => i / 1000.0).Two().ToArbitrary(),
            Gen.Choose(3, 10).ToArbitrary(),
            ((double A, double B) range, int maxTicks) =>
            {
                double min = Math.Min(range.A, range.B);
                double max = Math.Max(range.A, range.B);
                double[] ticks = NiceScale.Ticks(min, max, maxTicks);
                double step = ticks[1] - ticks[0];
                double magnitude = Math.Pow(10, Math.Floor(Math.Log10(step)));
                double mantissa = Math.Round(step / magnitude, 6);
                return ticks.Length >= 2 && ticks.Length <= maxTicks
                    && ticks[0] <= min && ticks[^1] >= max
                    && mantissa is 1 or 2 or 5 or 10;
            })
        .Check(Config.QuickThrowOnFailure.WithMaxTest(500));

    [Theory]
    [InlineData(3, 300, new double[] { 1, 10, 100, 1000 })]
    [InlineData(1, 1000, new double[] { 1, 10, 100, 1000 })]
    [InlineData(7, 7, new double[] { 1, 10 })]
    [InlineData(0.02, 0.5, new double[] { 0.01, 0.1, 1 })]
    public void DecadeTicks_cover_the_range_with_powers_of_ten(double min, double max, double[] expected)
    {
        Assert.Equal(expected, NiceScale.DecadeTicks(min, max));
    }

    [Fact]
    public void DecadeTicks_rejects_non_positive_bounds()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NiceScale.DecadeTicks(0, 10));
    }
}
