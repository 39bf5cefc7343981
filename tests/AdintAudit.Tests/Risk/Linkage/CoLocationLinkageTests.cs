using AdintAudit.Geo;
using AdintAudit.Mobility;
using AdintAudit.Risk.Linkage;
using FsCheck;
using FsCheck.Fluent;
using static AdintAudit.Tests.Risk.Anonymity.AnonymityFixtures;
using static AdintAudit.Tests.Risk.Linkage.LinkageFixtures;

namespace AdintAudit.Tests.Risk.Linkage;

public sealed class CoLocationLinkageTests
{
    private static readonly (double, double) s_cafe = (52.52, 13.405);

    private static LinkageResult Find(params Stay[] stays) => CoLocationLinkage.Find(Stays(3, stays), null);

    [Fact]
    public void Stays_overlapping_ten_minutes_ten_meters_apart_are_linked()
    {
        // 10:00–11:00 and 10:50–12:00, 10 m apart: overlap 10 min, closer than 15 m but not than 5 m.
        LinkageResult result = Find(At(0, s_cafe, 600, 660), At(1, Offset(s_cafe, 0, 10), 650, 720));

        LinkedPair pair = Assert.Single(result.Pairs);
        Assert.Equal(new LinkedPair(0, 1, 1, 10 * Minute, 1, 0, 0, 0), pair);
        CoLocationSummary linked = result.Summary.CoLocated;
        Assert.Equal(new CoLocationSummary(15, 1, 2, 1.0, 0, 0), linked);
        Assert.Equal(new CoLocationSummary(5, 0, 0, 0.0, 0, 0), result.Summary.StrictlyCoLocated);
        Assert.Equal(2, result.Summary.DevicesWithStays);
        Assert.Equal(2 / 3.0, result.Summary.ShareLinkedOrSharingHome, 12);
        Assert.Null(result.Summary.SharedHomes);
        Assert.True(result.SharedHomeGroupSize.IsEmpty);
    }

    [Fact]
    public void Many_devices_at_one_spot_stop_at_the_comparison_bound_and_say_so()
    {
        // 100 devices, one stay each at the same spot from 10:00 to 11:00: stay k is compared with the k open before it,
        // 0 + 1 + … + 99 = 4,950 comparisons and as many pairs (100 × 99 / 2).
        Stay[] stays = [.. Enumerable.Range(0, 100).Select(d => At(d, s_cafe, 600, 660))];

        LinkageResult all = CoLocationLinkage.Find(Stays(100, stays), null, new LinkageOptions { MaxComparisons = 4_950 });
        LinkageResult bounded = CoLocationLinkage.Find(Stays(100, stays), null, new LinkageOptions { MaxComparisons = 1_000 });

        Assert.Equal(4_950, all.Summary.CoLocated.LinkedPairs);
        Assert.False(all.Summary.ComparisonLimitReached);
        Assert.True(bounded.Summary.ComparisonLimitReached);
        Assert.Equal(1_000, bounded.Summary.CoLocated.LinkedPairs); // a lower bound: every comparison counted was a new pair
    }

    [Fact]
    public void Stays_twenty_meters_apart_are_not_linked_at_fifteen()
    {
        LinkageResult result = Find(At(0, s_cafe, 600, 660), At(1, Offset(s_cafe, 20, 0), 600, 660));

        Assert.Empty(result.Pairs);
        Assert.Equal(0, result.Summary.CoLocated.LinkedDevices);
    }

    [Fact]
    public void Stays_without_time_overlap_are_not_linked()
    {
        LinkageResult result = Find(At(0, s_cafe, 600, 660), At(1, s_cafe, 665, 720));

        Assert.Empty(result.Pairs);
    }

    [Fact]
    public void Stays_three_meters_apart_are_linked_strictly()
    {
        LinkageResult result = Find(At(0, s_cafe, 600, 660), At(1, Offset(s_cafe, 3, 0), 620, 640));

        Assert.Equal(new LinkedPair(0, 1, 1, 20 * Minute, 1, 1, 20 * Minute, 1), Assert.Single(result.Pairs));
        Assert.Equal(1, result.Summary.StrictlyCoLocated.LinkedPairs);
    }

    [Fact]
    public void An_overlap_shorter_than_the_minimum_does_not_link()
    {
        // Overlap 10:58–11:00 = 2 min: below the default 5 min, enough for a 1 min minimum.
        Stay[] stays = [At(0, s_cafe, 600, 660), At(1, s_cafe, 658, 720)];

        Assert.Empty(CoLocationLinkage.Find(Stays(2, stays), null).Pairs);
        Assert.Equal(2 * Minute, Assert.Single(CoLocationLinkage.Find(Stays(2, stays), null, new LinkageOptions { MinOverlapMinutes = 1 }).Pairs).OverlapMs);
    }

    [Fact]
    public void Co_location_on_two_days_makes_a_repeated_pair()
    {
        // Devices 0 and 1 meet on day 0 (twice) and day 1; device 2 meets device 0 once.
        LinkageResult result = Find(
            At(0, s_cafe, 600, 660), At(1, s_cafe, 600, 630), At(1, s_cafe, 640, 660),
            At(0, s_cafe, 1440 + 600, 1440 + 660), At(1, s_cafe, 1440 + 620, 1440 + 700),
            At(0, s_cafe, 2880 + 600, 2880 + 660), At(2, Offset(s_cafe, 4, 0), 2880 + 600, 2880 + 660));

        Assert.Equal([new LinkedPair(0, 1, 3, (30 + 20 + 40) * Minute, 2, 3, (30 + 20 + 40) * Minute, 2),
            new LinkedPair(0, 2, 1, 60 * Minute, 1, 1, 60 * Minute, 1)], result.Pairs);
        Assert.Equal(new CoLocationSummary(15, 2, 3, 1.0, 1, 2), result.Summary.CoLocated);
    }

    [Fact]
    public void Overlapping_stays_of_one_device_are_not_a_link()
    {
        LinkageResult result = Find(At(0, s_cafe, 600, 660), At(0, s_cafe, 630, 700));

        Assert.Empty(result.Pairs);
    }

    [Fact]
    public void Homes_within_the_distance_form_transitive_groups()
    {
        // 0–1 30 m, 1–2 30 m (0–2 60 m > 50 m, joined through 1); 3 is 200 m away; 4 has no home.
        HomeWorkTable homes = Homes((s_cafe, null), (Offset(s_cafe, 30, 0), null), (Offset(s_cafe, 60, 0), null), (Offset(s_cafe, 0, 200), null),
            (null, null));
        StayTable stays = Stays(5, At(3, s_cafe, 0, 60));

        LinkageResult result = CoLocationLinkage.Find(stays, homes);

        Assert.Equal([3, 3, 3, 1, 0], result.SharedHomeGroupSize.ToArray());
        Assert.Equal(new SharedHomeSummary(50, 4, 1, 3, 3, 0.75), result.Summary.SharedHomes);
        Assert.Equal(3, result.Summary.DevicesLinkedOrSharingHome);
        Assert.Equal(3 / 5.0, result.Summary.ShareLinkedOrSharingHome, 12);
    }

    [Fact]
    public void Find_rejects_bad_options_and_mismatched_tables()
    {
        StayTable stays = Stays(2, At(0, s_cafe, 0, 60));

        Assert.Throws<ArgumentOutOfRangeException>(() => CoLocationLinkage.Find(stays, null, new LinkageOptions { DistanceMeters = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => CoLocationLinkage.Find(stays, null, new LinkageOptions { StrictDistanceMeters = 20 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => CoLocationLinkage.Find(stays, null, new LinkageOptions { MinOverlapMinutes = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => CoLocationLinkage.Find(stays, null, new LinkageOptions { SharedHomeMeters = double.NaN }));
        Assert.Throws<ArgumentException>(() => CoLocationLinkage.Find(stays, Homes((s_cafe, null))));
    }

    /// <summary>Places where the grid is awkward: mid-latitude, the antimeridian, next to the north pole.</summary>
    private static readonly (double Lat, double Lon)[] s_anchors = [(52.5, 13.4), (0.0, 179.99995), (-33.9, -179.9999), (89.9997, 10.0)];

    private static Gen<(double Lat, double Lon)> Near(int anchor, int spreadMeters) =>
        Gen.Choose(-spreadMeters, spreadMeters).SelectMany(north => Gen.Choose(-spreadMeters, spreadMeters).Select(east =>
        {
            (double lat, double lon) = Offset(s_anchors[anchor], north, Math.Abs(s_anchors[anchor].Lat) > 89 ? east / 50.0 : east);
            return (Math.Min(lat, 90.0), lon >= 180 ? lon - 360 : lon < -180 ? lon + 360 : lon);
        }));

    [Fact]
    public void Sweep_equals_brute_force_all_pairs_on_random_stays() =>
        Prop.ForAll(
            Gen.Choose(0, s_anchors.Length - 1).SelectMany(anchor => Gen.ListOf(
                Gen.Choose(0, 4).SelectMany(device => Near(anchor, 25).SelectMany(centre => Gen.Choose(0, 3 * 144).SelectMany(start =>
                    Gen.Choose(0, 18).Select(length => At(device, centre, start * 10, (start * 10) + (length * 10))))))))
                .Select(stays => stays.Take(30).ToArray()).ToArbitrary(),
            Gen.Elements(0.0, 1.0, 5.0, 30.0).ToArbitrary(),
            (Stay[] stays, double minOverlap) =>
            {
                var options = new LinkageOptions { MinOverlapMinutes = minOverlap };
                LinkageResult result = CoLocationLinkage.Find(Stays(5, stays), null, options);
                LinkedPair[] expected = BruteForce(stays, options);
                return result.Pairs.SequenceEqual(expected)
                    && result.Summary.CoLocated.LinkedPairs == expected.Length
                    && result.Summary.StrictlyCoLocated.LinkedPairs == expected.Count(p => p.StrictOverlaps > 0)
                    && result.Summary.CoLocated.RepeatedPairs == expected.Count(p => p.Days >= 2);
            })
        .Check(Config.QuickThrowOnFailure.WithMaxTest(400));

    [Fact]
    public void Shared_home_groups_equal_brute_force_components_on_random_homes() =>
        Prop.ForAll(
            Gen.Choose(0, s_anchors.Length - 1).SelectMany(anchor => Gen.ListOf(Near(anchor, 120).Select(home => ((double, double)?)home)))
                .Select(homes => homes.Take(25).ToArray()).ToArbitrary(),
            homes =>
            {
                HomeWorkTable table = Homes([.. homes.Select(h => (h, ((double, double)?)null))]);
                LinkageResult result = CoLocationLinkage.Find(Stays(homes.Length), table);
                int[] component = BruteForceComponents(homes, 50);
                int[] expected = [.. component.Select(c => c < 0 ? 0 : component.Count(other => other == c))];
                int expectedGroups = component.Where(c => c >= 0).GroupBy(c => c).Count(g => g.Count() >= 2);
                return result.SharedHomeGroupSize.ToArray().SequenceEqual(expected)
                    && result.Summary.SharedHomes!.Value.DevicesInGroups == expected.Count(size => size >= 2)
                    && result.Summary.SharedHomes!.Value.Groups == expectedGroups;
            })
        .Check(Config.QuickThrowOnFailure.WithMaxTest(300));

    [Fact]
    public void Shared_home_groups_equal_brute_force_components_on_dense_clusters() =>
        // Hundreds of homes within a few cells, many at one exact coordinate or a few meters apart: the sub-cell shortcuts
        // (skip a joined sub-cell already in the group, stop at its first home within the distance) must not change a group.
        Prop.ForAll(
            Gen.Choose(0, s_anchors.Length - 1).SelectMany(anchor => Gen.Choose(5, 90).SelectMany(spread =>
                Gen.ListOf(Gen.Frequency(
                    (3, Near(anchor, spread)),
                    (1, Gen.Constant(s_anchors[anchor])),
                    (1, Near(anchor, 3)))).Select(list => list.Take(400).Select(home => ((double, double)?)home).ToArray()))).ToArbitrary(),
            homes =>
            {
                HomeWorkTable table = Homes([.. homes.Select(h => (h, ((double, double)?)null))]);
                LinkageResult result = CoLocationLinkage.Find(Stays(homes.Length), table);
                int[] component = BruteForceComponents(homes, 50);
                int[] expected = [.. component.Select(c => c < 0 ? 0 : component.Count(other => other == c))];
                return result.SharedHomeGroupSize.ToArray().SequenceEqual(expected);
            })
        .Check(Config.QuickThrowOnFailure.WithMaxTest(200).WithEndSize(400));

    /// <summary>Every pair of stays of different devices, compared directly.</summary>
    private static LinkedPair[] BruteForce(Stay[] stays, LinkageOptions options)
    {
        var pairs = new SortedDictionary<(int, int), (int N, long Ms, HashSet<long> Days, int SN, long SMs, HashSet<long> SDays)>();
        long minOverlap = (long)(options.MinOverlapMinutes * Minute);
        for (int i = 0; i < stays.Length; i++)
        {
            for (int j = i + 1; j < stays.Length; j++)
            {
                Stay a = stays[i];
                Stay b = stays[j];
                long from = Math.Max(a.StartMs, b.StartMs);
                long overlap = Math.Min(a.EndMs, b.EndMs) - from;
                double meters = Haversine.Meters(a.Centre.Lat, a.Centre.Lon, b.Centre.Lat, b.Centre.Lon);
                if (a.Device == b.Device || overlap < 0 || overlap < minOverlap || meters >= options.DistanceMeters)
                {
                    continue;
                }

                var key = (Math.Min(a.Device, b.Device), Math.Max(a.Device, b.Device));
                if (!pairs.TryGetValue(key, out var t))
                {
                    t = (0, 0, [], 0, 0, []);
                }

                t.N++;
                t.Ms += overlap;
                t.Days.Add(Math.DivRem(from, 86_400_000).Quotient);
                if (meters < options.StrictDistanceMeters)
                {
                    t.SN++;
                    t.SMs += overlap;
                    t.SDays.Add(Math.DivRem(from, 86_400_000).Quotient);
                }

                pairs[key] = t;
            }
        }

        return [.. pairs.Select(p => new LinkedPair(p.Key.Item1, p.Key.Item2, p.Value.N, p.Value.Ms, p.Value.Days.Count, p.Value.SN, p.Value.SMs, p.Value.SDays.Count))];
    }

    /// <summary>Connected components (-1 without a home) over all pairs of homes at most <paramref name="meters"/> apart.</summary>
    private static int[] BruteForceComponents((double Lat, double Lon)?[] homes, double meters)
    {
        int n = homes.Length;
        int[] component = [.. Enumerable.Repeat(-1, n)];
        for (int seed = 0; seed < n; seed++)
        {
            if (homes[seed] is null || component[seed] >= 0)
            {
                continue;
            }

            var stack = new Stack<int>([seed]);
            component[seed] = seed;
            while (stack.TryPop(out int x))
            {
                for (int y = 0; y < n; y++)
                {
                    if (homes[y] is { } h && component[y] < 0 && Haversine.Meters(homes[x]!.Value.Lat, homes[x]!.Value.Lon, h.Lat, h.Lon) <= meters)
                    {
                        component[y] = seed;
                        stack.Push(y);
                    }
                }
            }
        }

        return component;
    }
}
