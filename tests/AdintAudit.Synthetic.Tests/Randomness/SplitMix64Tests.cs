using AdintAudit.Synthetic.Randomness;
using FsCheck;
using FsCheck.Fluent;

namespace AdintAudit.Synthetic.Tests.Randomness;

public sealed class SplitMix64Tests
{
    [Fact]
    public void NextUInt64_seed_zero_matches_reference_sequence()
    {
        var rng = new SplitMix64(0);

        ulong first = rng.NextUInt64();
        ulong second = rng.NextUInt64();

        // Reference values of SplitMix64 from seed 0 (Vigna's splitmix64.c).
        Assert.Equal(0xE220A8397B1DCDAFUL, first);
        Assert.Equal(0x6E789E6AA1B965F4UL, second);
    }

    [Fact]
    public void NextInt_any_bound_stays_in_range() =>
        Prop.ForAll(Gen.Choose(1, int.MaxValue).ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (bound, seed) =>
        {
            var rng = new SplitMix64((ulong)seed);
            for (int i = 0; i < 20; i++)
            {
                int value = rng.NextInt(bound);
                if (value < 0 || value >= bound)
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void NextPoisson_mean_matches_parameter()
    {
        var rng = new SplitMix64(3);
        double[] means = [0.8, 2, 12, 80];

        double[] observed = [.. means.Select(mean =>
        {
            var local = new SplitMix64(rng.NextUInt64());
            long sum = 0;
            for (int i = 0; i < 50_000; i++)
            {
                sum += local.NextPoisson(mean);
            }

            return sum / 50_000.0;
        })];

        for (int i = 0; i < means.Length; i++)
        {
            Assert.InRange(observed[i], means[i] * 0.97, means[i] * 1.03);
        }
    }

    [Fact]
    public void NextGamma_mean_is_shape_times_scale()
    {
        var rng = new SplitMix64(5);

        double sum = 0;
        for (int i = 0; i < 100_000; i++)
        {
            sum += rng.NextGamma(1.5, 1 / 1.5);
        }

        Assert.InRange(sum / 100_000, 0.98, 1.02);
    }
}
