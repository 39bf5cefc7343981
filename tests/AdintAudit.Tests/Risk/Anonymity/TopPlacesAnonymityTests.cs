using AdintAudit.Mobility;
using AdintAudit.Risk.Anonymity;
using static AdintAudit.Tests.Risk.Anonymity.AnonymityFixtures;

namespace AdintAudit.Tests.Risk.Anonymity;

public sealed class TopPlacesAnonymityTests
{
    private const long Hour = 3_600_000;

    // Two spots about 15 km apart: different 1 km cells.
    private static readonly (double, double) s_x = (52.50, 13.30);
    private static readonly (double, double) s_y = (52.50, 13.52);

    private static readonly AnonymityOptions s_options = new() { CellMeters = [1_000], MaxTopPlaces = 2 };

    [Fact]
    public void Ordered_and_unordered_keys_differ_when_the_visit_ranking_differs()
    {
        // A: X (5 stays) before Y (3); B: Y (5) before X (3); C: only X.
        // N=1: A->X, B->Y, C->X: sets 2, 1, 2.
        // N=2 (C left out): ordered (X,Y) vs (Y,X): both unique; unordered {X,Y} twice: one set of 2.
        PlaceTable places = Places(
            [new(s_x, 5, Hour), new(s_y, 3, Hour)],
            [new(s_y, 5, Hour), new(s_x, 3, Hour)],
            [new(s_x, 4, Hour)]);

        TopPlacesAnonymityResult result = TopPlacesAnonymity.Compute(places, s_options);

        Assert.Equal(4, result.Summaries.Count);
        TopPlacesSummary top1 = result.Get(1, true, 1_000);
        Assert.Equal(0, top1.DevicesWithFewerPlaces);
        Assert.Equal([new SetSizeCount(1, 1), new SetSizeCount(2, 2)], top1.Sets.SetSizeHistogram);
        Assert.Equal(top1.Sets.SetSizeHistogram, result.Get(1, false, 1_000).Sets.SetSizeHistogram);
        TopPlacesSummary ordered = result.Get(2, true, 1_000);
        TopPlacesSummary unordered = result.Get(2, false, 1_000);
        Assert.Equal(1, ordered.DevicesWithFewerPlaces);
        Assert.Equal(1, unordered.DevicesWithFewerPlaces);
        Assert.Equal([new SetSizeCount(1, 2)], ordered.Sets.SetSizeHistogram);
        Assert.Equal(1.0, ordered.Sets.ShareUnique);
        Assert.Equal([new SetSizeCount(2, 2)], unordered.Sets.SetSizeHistogram);
        Assert.Equal(0.0, unordered.Sets.ShareUnique);
    }

    [Fact]
    public void Equal_stay_counts_rank_by_duration_then_by_place_id()
    {
        // Device 0: X (3 stays, 1 h), Y (3 stays, 2 h) -> Y first by duration.
        // Device 1: X (2 stays, 2 h), Y (2 stays, 2 h) -> X first by place id.
        // Device 2: only Y; device 3: only X. Top-1 sets: {0, 2} at Y, {1, 3} at X -> every set has 2 devices.
        PlaceTable places = Places(
            [new(s_x, 3, Hour), new(s_y, 3, 2 * Hour)],
            [new(s_x, 2, 2 * Hour), new(s_y, 2, 2 * Hour)],
            [new(s_y, 1, Hour)],
            [new(s_x, 1, Hour)]);

        TopPlacesSummary top1 = TopPlacesAnonymity.Compute(places, s_options).Get(1, true, 1_000);

        Assert.Equal([new SetSizeCount(2, 4)], top1.Sets.SetSizeHistogram);
    }

    [Fact]
    public void Only_the_N_best_places_form_the_key()
    {
        // Both devices share their two best places; their third (fewer stays) differs, so top-2 sets are 2 and top-3 unique.
        (double, double) z1 = (52.6, 13.3);
        (double, double) z2 = (52.7, 13.3);
        PlaceTable places = Places(
            [new(z1, 1, Hour), new(s_x, 9, Hour), new(s_y, 8, Hour)],
            [new(s_y, 8, Hour), new(z2, 2, Hour), new(s_x, 9, Hour)],
            []);

        TopPlacesAnonymityResult result = TopPlacesAnonymity.Compute(places, s_options with { MaxTopPlaces = 3 });

        Assert.Equal(2.0, result.Get(2, true, 1_000).Sets.MedianSetSize);
        Assert.Equal(1, result.Get(2, true, 1_000).DevicesWithFewerPlaces);
        Assert.Equal(1.0, result.Get(3, false, 1_000).Sets.ShareUnique);
        Assert.Throws<KeyNotFoundException>(() => result.Get(4, true, 1_000));
    }
}
