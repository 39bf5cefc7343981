using AdintAudit.Risk.Unicity;

namespace AdintAudit.Tests.Risk.Unicity;

public sealed class DeviceUnicityTests
{
    [Fact]
    public void Binomial_is_exact_below_the_cap_and_caps_above_it()
    {
        // C(12, 3) = 12 * 11 * 10 / 6 = 220; C(n, 0) = 1; C(10^6, 6) is far above 20, so 20 + 1.
        Assert.Equal(220, DeviceUnicity.Binomial(12, 3, 1000));
        Assert.Equal(1, DeviceUnicity.Binomial(5, 0, 10));
        Assert.Equal(21, DeviceUnicity.Binomial(1_000_000, 6, 20));
    }

    [Fact]
    public void Search_among_devices_sharing_every_point_touches_a_bounded_number_of_list_elements()
    {
        // Device 0 holds points 0..9; device d >= 1 holds them all but point d mod 10. No other device holds all of
        // device 0's points (so the search runs), every posting has about 0.9 D devices and every pair's intersection
        // about 0.8 D, so no pair is unique: the k = 2 search walks pairs until its 40 nodes run out. Before the element
        // cap that charged about 35 intersections x 0.9 D = 126,000 elements at D = 4,000; now at most 40 x 64 = 2,560,
        // whatever D is, and the device stays undecided from k = 2 (a lower bound, as before).
        foreach (int devices in new[] { 500, 4000 })
        {
            var traceStart = new List<int> { 0 };
            var tracePoint = new List<int>();
            var holders = Enumerable.Range(0, 10).Select(_ => new List<int>()).ToArray();
            for (int d = 0; d < devices; d++)
            {
                for (int point = 0; point < 10; point++)
                {
                    if (d == 0 || point != d % 10)
                    {
                        tracePoint.Add(point);
                        holders[point].Add(d);
                    }
                }

                traceStart.Add(tracePoint.Count);
            }

            int[] postingStart = [0, .. holders.Select(h => h.Count)];
            for (int point = 0; point < 10; point++)
            {
                postingStart[point + 1] += postingStart[point];
            }

            var index = new UnicityIndex([.. traceStart], [.. tracePoint], postingStart, [.. holders.SelectMany(h => h)]);
            var worker = new DeviceUnicity(index, 2);

            (int smallest, int undecidedFrom) = worker.SmallestUniqueSubset(0, 2, 40);

            Assert.Equal((0, 2), (smallest, undecidedFrom));
            Assert.True(worker.ElementsTouched <= 40L * DeviceUnicity.ElementsPerNode,
                FormattableString.Invariant($"{worker.ElementsTouched} elements for {devices} devices"));
        }
    }
}
