using AdintAudit.Geo;
using AdintAudit.Mobility;
using AdintAudit.Risk.Anonymity;
using static AdintAudit.Tests.Risk.Anonymity.AnonymityFixtures;

namespace AdintAudit.Tests.Risk.Anonymity;

public sealed class HomeWorkAnonymityTests
{
    // Homes and work places about 100 km apart: different cells at every default size (200 m .. 20 km).
    private static readonly (double, double) s_h1 = (52.0, 13.0);
    private static readonly (double, double) s_h2 = (52.0, 14.5);
    private static readonly (double, double) s_h3 = (53.0, 13.0);
    private static readonly (double, double) s_w1 = (51.0, 13.0);
    private static readonly (double, double) s_w2 = (51.0, 14.5);
    private static readonly (double, double) s_w3 = (50.0, 13.0);

    [Fact]
    public void Compute_matches_the_algorithm_reference_pairs_at_every_cell_size()
    {
        // ALGORITHMS.md §5: (H1,W1), (H1,W1), (H1,W2), (H2,W1), (H3,W3), (H3,W3), plus a device with a home only and one
        // with nothing (neither is counted). Classes by pair: {0,1}:2, {2}:1, {3}:1, {4,5}:2 -> set sizes 2,2,1,1,2,2.
        // Sorted 1,1,2,2,2,2 -> median (2+2)/2 = 2; unique 2/6; below k=5: 6/6; highest risk 1/1; success 4 classes / 6;
        // at risk with threshold 0.5 (strict): only sizes 1 (1 > 0.5; 1/2 is not > 0.5) -> 2/6.
        HomeWorkTable homes = Homes((s_h1, s_w1), (s_h1, s_w1), (s_h1, s_w2), (s_h2, s_w1), (s_h3, s_w3), (s_h3, s_w3), (s_h1, null), (null, null));

        HomeWorkAnonymityResult result = HomeWorkAnonymity.Compute(homes, new AnonymityOptions { RiskThreshold = 0.5 });

        Assert.Equal([200.0, 1_000, 5_000, 20_000], result.Summaries.Select(s => s.CellMeters));
        for (int c = 0; c < result.Summaries.Count; c++)
        {
            AnonymitySummary s = result.Summaries[c];
            Assert.Equal(6, s.Devices);
            Assert.Equal(4, s.Classes);
            Assert.Equal([new SetSizeCount(1, 2), new SetSizeCount(2, 4)], s.SetSizeHistogram);
            Assert.Equal(2.0, s.MedianSetSize);
            Assert.Equal(2 / 6.0, s.ShareUnique, 12);
            Assert.Equal(1.0, s.ShareBelowK);
            Assert.Equal(1.0, s.Prosecutor.HighestRisk);
            Assert.Equal(4 / 6.0, s.Prosecutor.SuccessRate, 12);
            Assert.Equal(2 / 6.0, s.Prosecutor.RecordsAtRisk, 12);
            Assert.Equal([2, 2, 1, 1, 2, 2, 0, 0], result.DeviceSetSizes(c).ToArray());
        }
    }

    [Fact]
    public void Coarser_cells_merge_nearby_homes()
    {
        // Two homes 300 m apart around the centre of a 20 km cell, one shared work place: separate pairs in 200 m cells
        // (narrower than the gap), one pair in 20 km cells.
        (double, double) centre = GridCell.Center(GridCell.Key(52.5, 13.4, 20_000), 20_000);
        HomeWorkTable homes = Homes((Offset(centre, 0, -150), s_w1), (Offset(centre, 0, 150), s_w1));

        HomeWorkAnonymityResult result = HomeWorkAnonymity.Compute(homes, new AnonymityOptions { CellMeters = [200, 20_000] });

        Assert.Equal([1, 1], result.DeviceSetSizes(0).ToArray());
        Assert.Equal(1.0, result.Summaries[0].ShareUnique);
        Assert.Equal([2, 2], result.DeviceSetSizes(1).ToArray());
        Assert.Equal(0.0, result.Summaries[1].ShareUnique);
        Assert.Equal(0.5, result.Summaries[1].Prosecutor.HighestRisk);
    }

    [Fact]
    public void Default_risk_threshold_puts_sets_below_five_at_risk()
    {
        // Five devices share one pair, one is alone: 1/5 = 0.2 is not above 0.2, 1/1 is -> 1/6 at risk.
        HomeWorkTable homes = Homes((s_h1, s_w1), (s_h1, s_w1), (s_h1, s_w1), (s_h1, s_w1), (s_h1, s_w1), (s_h2, s_w2));

        AnonymitySummary summary = HomeWorkAnonymity.Compute(homes).Summaries[0];

        Assert.Equal(1 / 6.0, summary.Prosecutor.RecordsAtRisk, 12);
        Assert.Equal(1 / 6.0, summary.ShareBelowK, 12);
    }

    [Fact]
    public void DeviceSetSizes_rejects_an_index_outside_the_summaries()
    {
        HomeWorkAnonymityResult result = HomeWorkAnonymity.Compute(Homes((s_h1, s_w1)), new AnonymityOptions { CellMeters = [1000] });

        Assert.Throws<ArgumentOutOfRangeException>(() => result.DeviceSetSizes(1).Length);
    }
}
