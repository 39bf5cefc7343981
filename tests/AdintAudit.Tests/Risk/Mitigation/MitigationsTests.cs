using AdintAudit.Data;
using AdintAudit.Geo;
using AdintAudit.Risk.Mitigation;
using FsCheck;
using FsCheck.Fluent;
using static AdintAudit.Tests.Risk.Mitigation.PingRows;

namespace AdintAudit.Tests.Risk.Mitigation;

public sealed class MitigationsTests
{
    private const double HomeLat = 52.52;
    private const double HomeLon = 13.405;

    [Fact]
    public void Apply_round_to_3_decimals_rounds_every_coordinate_and_keeps_every_row()
    {
        PingTable pings = Table(
            new Row("a", 1000, 52.12345, 13.40549, 5f),
            new Row("a", 2000, -33.8676, 151.2069, float.NaN),
            new Row("b", 500, 0.0006, -0.0014, 30f));
        var before = Snapshot(pings);

        PingTable rounded = Mitigations.Apply(pings, WhatIfMitigation.RoundCoordinates(3), MitigationContext.None);

        // 52.12345 -> 52.123, 13.40549 -> 13.405, -33.8676 -> -33.868, 151.2069 -> 151.207, 0.0006 -> 0.001, -0.0014 -> -0.001.
        Assert.Equal(
            [
                new Row("a", 1000, 52.123, 13.405, 5f),
                new Row("a", 2000, -33.868, 151.207, float.NaN),
                new Row("b", 500, 0.001, -0.001, 30f),
            ],
            Of(rounded));
        AssertSame(before, pings);
    }

    [Fact]
    public void Apply_round_to_2_decimals_merges_nothing_even_when_positions_coincide()
    {
        PingTable pings = Table(new Row("a", 1000, 52.121, 13.401, 5f), new Row("a", 1000, 52.124, 13.404, 5f));

        PingTable rounded = Mitigations.Apply(pings, WhatIfMitigation.RoundCoordinates(2), MitigationContext.None);

        // Both become (52.12, 13.40) at the same time; rounding keeps one row per ping.
        Assert.Equal([new Row("a", 1000, 52.12, 13.40, 5f), new Row("a", 1000, 52.12, 13.40, 5f)], Of(rounded));
    }

    [Fact]
    public void Apply_snap_to_grid_moves_each_ping_to_the_centre_of_its_cell()
    {
        PingTable pings = Table(
            new Row("a", 0, HomeLat, HomeLon, 5f),
            new Row("a", 60_000, HomeLat + 0.0001, HomeLon + 0.0001, 5f),
            new Row("b", 0, -22.9, -43.2, 5f),
            new Row("b", 1, double.NaN, 0, 5f));
        var before = Snapshot(pings);

        PingTable snapped = Mitigations.Apply(pings, WhatIfMitigation.SnapToGrid(1000), MitigationContext.None);

        for (int i = 0; i < 3; i++)
        {
            (double lat, double lon) = GridCell.Center(GridCell.Key(pings.Lat[i], pings.Lon[i], 1000), 1000);
            Assert.Equal((lat, lon), (snapped.Lat[i], snapped.Lon[i]));
            (double south, double west, double north, double east) = GridCell.Bounds(GridCell.Key(pings.Lat[i], pings.Lon[i], 1000), 1000);
            Assert.InRange(pings.Lat[i], south, north);
            Assert.InRange(pings.Lon[i], west, east);
        }

        // 0.0001° is ~11 m: both pings of 'a' fall in one 1 km cell unless they straddle an edge, which they do not here.
        Assert.Equal((snapped.Lat[0], snapped.Lon[0]), (snapped.Lat[1], snapped.Lon[1]));
        Assert.True(double.IsNaN(snapped.Lat[3]));
        Assert.Equal(pings.TimeMs.ToArray(), snapped.TimeMs.ToArray());
        AssertSame(before, pings);
    }

    [Fact]
    public void Apply_snap_to_grid_is_idempotent() =>
        Prop.ForAll(
            Gen.Choose(-8_000_000, 8_000_000).Two().Select(p => (Lat: p.Item1 / 100_000.0, Lon: p.Item2 / 45_000.0)).ToArbitrary(),
            Gen.Elements(100.0, 500.0, 1000.0, 5000.0).ToArbitrary(),
            ((double Lat, double Lon) point, double cellMeters) =>
            {
                PingTable pings = Table(new Row("a", 0, point.Lat, point.Lon, 5f));
                WhatIfMitigation snap = WhatIfMitigation.SnapToGrid(cellMeters);

                PingTable once = Mitigations.Apply(pings, snap, MitigationContext.None);
                PingTable twice = Mitigations.Apply(once, snap, MitigationContext.None);

                return Of(once).SequenceEqual(Of(twice))
                    && Haversine.Meters(point.Lat, point.Lon, once.Lat[0], once.Lon[0]) <= cellMeters;
            })
        .Check(Config.QuickThrowOnFailure.WithMaxTest(300));

    [Fact]
    public void Apply_drop_near_home_drops_pings_within_the_radius_inclusive()
    {
        // 1° of latitude = 6,371,000 · π / 180 = 111,194.9 m, so 0.0017° = 189.0 m (dropped), 0.0018° = 200.15 m (kept).
        PingTable pings = Table(
            new Row("a", 0, HomeLat, HomeLon, 5f),
            new Row("a", 1, HomeLat + 0.0017, HomeLon, 5f),
            new Row("a", 2, HomeLat + 0.0018, HomeLon, 5f),
            new Row("a", 3, HomeLat + 0.01, HomeLon, 5f),
            new Row("b", 0, HomeLat, HomeLon, 5f),
            new Row("c", 0, HomeLat + 0.1, HomeLon, 5f));
        var before = Snapshot(pings);
        var context = new MitigationContext
        {
            HomeLatDegrees = new[] { HomeLat, double.NaN, HomeLat + 0.1 },
            HomeLonDegrees = new[] { HomeLon, double.NaN, HomeLon },
        };

        PingTable dropped = Mitigations.Apply(pings, WhatIfMitigation.DropNearHome(200), context);

        // 'b' has no home and keeps its ping; 'c' is left with no ping but stays in the dictionary.
        Assert.Equal(
            [new Row("a", 2, HomeLat + 0.0018, HomeLon, 5f), new Row("a", 3, HomeLat + 0.01, HomeLon, 5f), new Row("b", 0, HomeLat, HomeLon, 5f)],
            Of(dropped));
        Assert.Equal(["a", "b", "c"], dropped.DeviceIds);
        Assert.Equal([0, 2, 3, 3], dropped.DeviceStart.ToArray());
        AssertSame(before, pings);
    }

    [Fact]
    public void Apply_drop_near_home_drops_a_ping_exactly_at_the_radius()
    {
        PingTable pings = Table(new Row("a", 0, HomeLat + 0.0018, HomeLon + 0.0007, 5f));
        double radius = Haversine.Meters(HomeLat, HomeLon, HomeLat + 0.0018, HomeLon + 0.0007);
        var context = new MitigationContext { HomeLatDegrees = new[] { HomeLat }, HomeLonDegrees = new[] { HomeLon } };

        Assert.Equal(0, Mitigations.Apply(pings, WhatIfMitigation.DropNearHome(radius), context).Count);
        Assert.Equal(1, Mitigations.Apply(pings, WhatIfMitigation.DropNearHome(radius * 0.999), context).Count);
    }

    [Fact]
    public void Apply_remove_site_pings_removes_exactly_the_flagged_rows()
    {
        PingTable pings = Table(
            new Row("b", 5, 1, 1, 5f),
            new Row("a", 2, 2, 2, 5f),
            new Row("a", 1, 3, 3, 5f),
            new Row("b", 4, 4, 4, 5f));
        var before = Snapshot(pings);

        // Table order: a@1, a@2, b@4, b@5; flag a@2 and b@4.
        PingTable kept = Mitigations.Apply(pings, WhatIfMitigation.RemoveSitePings(), new MitigationContext { AtSite = new[] { false, true, true, false } });

        Assert.Equal([new Row("a", 1, 3, 3, 5f), new Row("b", 5, 1, 1, 5f)], Of(kept));
        Assert.Equal([0, 1, 2], kept.DeviceStart.ToArray());
        AssertSame(before, pings);
    }

    [Fact]
    public void Apply_without_the_needed_context_throws_and_CanApply_says_so()
    {
        PingTable pings = Table(new Row("a", 0, 1, 1, 5f), new Row("b", 0, 1, 1, 5f));

        Assert.False(Mitigations.CanApply(WhatIfMitigation.DropNearHome(200), MitigationContext.None));
        Assert.False(Mitigations.CanApply(WhatIfMitigation.RemoveSitePings(), MitigationContext.None));
        Assert.True(Mitigations.CanApply(WhatIfMitigation.Subsample(0.5), MitigationContext.None));
        Assert.Throws<ArgumentException>(() => Mitigations.Apply(pings, WhatIfMitigation.DropNearHome(200), MitigationContext.None));
        Assert.Throws<ArgumentException>(() => Mitigations.Apply(pings, WhatIfMitigation.RemoveSitePings(), MitigationContext.None));
    }

    [Fact]
    public void Apply_with_homes_or_mask_of_the_wrong_length_throws()
    {
        PingTable pings = Table(new Row("a", 0, 1, 1, 5f), new Row("b", 0, 1, 1, 5f));
        var oneHome = new MitigationContext { HomeLatDegrees = new[] { 1.0 }, HomeLonDegrees = new[] { 1.0 } };
        var oneFlag = new MitigationContext { AtSite = new[] { true } };

        Assert.Throws<ArgumentException>(() => Mitigations.Apply(pings, WhatIfMitigation.DropNearHome(200), oneHome));
        Assert.Throws<ArgumentException>(() => Mitigations.Apply(pings, WhatIfMitigation.RemoveSitePings(), oneFlag));
    }

    [Fact]
    public void Defaults_are_the_documented_what_if_list()
    {
        Assert.Equal(
            [
                "round to 3 decimals (~110 m)",
                "round to 2 decimals (~1.1 km)",
                "coarsen time to 1 h",
                "coarsen time to 1 day",
                "drop pings within 200 m of home",
                "keep 10 % of pings",
                "remove pings at sensitive sites",
            ],
            Mitigations.Defaults.Select(m => m.Label));
    }

    [Fact]
    public void Every_mitigation_keeps_the_table_invariants_and_leaves_the_input_unchanged() =>
        Prop.ForAll(
            Gen.ListOf(Gen.Choose(0, 3).SelectMany(d => Gen.Choose(0, 20).SelectMany(t => Gen.Choose(0, 3).Two().Select(p =>
                new Row(((char)('a' + d)).ToString(), t * 900_000L, 52.5 + (p.Item1 * 0.0007), 13.4 + (p.Item2 * 0.0007), d)))))
                .Select(rows => rows.Take(40).ToArray()).ToArbitrary(),
            Gen.Choose(0, 1000).ToArbitrary(),
            (Row[] rows, int maskSeed) =>
            {
                PingTable pings = Table(rows);
                var before = Snapshot(pings);
                var random = new Random(maskSeed);
                var context = new MitigationContext
                {
                    HomeLatDegrees = Enumerable.Range(0, pings.DeviceCount).Select(d => d % 2 == 0 ? 52.5 : double.NaN).ToArray(),
                    HomeLonDegrees = Enumerable.Range(0, pings.DeviceCount).Select(_ => 13.4).ToArray(),
                    AtSite = Enumerable.Range(0, pings.Count).Select(_ => random.Next(3) == 0).ToArray(),
                };
                WhatIfMitigation[] all = [.. Mitigations.Defaults, WhatIfMitigation.SnapToGrid(250), WhatIfMitigation.CoarsenTime(15)];
                foreach (WhatIfMitigation mitigation in all)
                {
                    PingTable after = Mitigations.Apply(pings, mitigation, context);
                    if (!IsWellFormed(after) || !after.DeviceIds.SequenceEqual(pings.DeviceIds) || after.Count > pings.Count)
                    {
                        throw new InvalidOperationException($"{mitigation.Label} broke the table on {rows.Length} rows");
                    }
                }

                AssertSame(before, pings);
                return true;
            })
        .Check(Config.QuickThrowOnFailure.WithMaxTest(200));

    [Fact]
    public void Defaults_on_the_committed_sample_keep_the_invariants_and_shrink_as_documented()
    {
        PingTable pings = PingTableLoader.Load([Path.Combine(SharedData.RepoRoot, "data-synthetic", "sample", "pings.parquet")], cancellationToken: TestContext.Current.CancellationToken).Table;
        var before = Snapshot(pings);
        var homeLat = new double[pings.DeviceCount];
        var homeLon = new double[pings.DeviceCount];
        for (int d = 0; d < pings.DeviceCount; d++)
        {
            // Stand-in homes: each device's first ping (a third of the devices have none).
            int first = pings.DeviceStart[d];
            bool has = d % 3 != 0 && pings.DeviceStart[d + 1] > first;
            homeLat[d] = has ? pings.Lat[first] : double.NaN;
            homeLon[d] = has ? pings.Lon[first] : double.NaN;
        }

        var context = new MitigationContext
        {
            HomeLatDegrees = homeLat,
            HomeLonDegrees = homeLon,
            AtSite = Enumerable.Range(0, pings.Count).Select(i => i % 50 == 0).ToArray(),
        };

        int[] counts = [.. Mitigations.Defaults.Select(m => Mitigations.Apply(pings, m, context)).Select(t => IsWellFormed(t) ? t.Count : -1)];

        // Rounding keeps every row; 1-day bins collapse at least as much as 1-hour bins; dropping near the first ping removes
        // at least that ping for two devices in three; 10 % within 5 standard deviations of n/10; the mask flags ⌈n/50⌉ rows.
        int n = pings.Count;
        Assert.Equal([n, n], counts[..2]);
        Assert.InRange(counts[3], 1, counts[2]);
        Assert.True(counts[2] < n);
        Assert.InRange(counts[4], 1, n - ((pings.DeviceCount * 2) / 3));
        double sd = Math.Sqrt(n * 0.1 * 0.9);
        Assert.InRange(counts[5], (n * 0.1) - (5 * sd), (n * 0.1) + (5 * sd));
        Assert.Equal(n - ((n + 49) / 50), counts[6]);
        AssertSame(before, pings);
    }
}
