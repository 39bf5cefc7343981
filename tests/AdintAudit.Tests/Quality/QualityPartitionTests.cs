using AdintAudit.Data;
using AdintAudit.Quality;
using AdintAudit.Tests.Mobility;
using FsCheck;
using FsCheck.Fluent;
using static AdintAudit.Tests.Quality.QualityPartitions;

namespace AdintAudit.Tests.Quality;

/// <summary>The partitioned screen (scan, facts, screen, merge) against the screen of the whole table.</summary>
public sealed class QualityPartitionTests
{
    [Fact]
    public void Partitioned_screen_equals_the_whole_screen_for_any_split() =>
        Prop.ForAll(
            Gen.Choose(0, int.MaxValue).ToArbitrary(),
            Gen.Choose(1, 5).ToArbitrary(),
            (seed, parts) =>
            {
                PingTable whole = RandomTable(seed);
                QualityOptions options = RandomOptions(seed);
                Partition[] partitions = Split(whole, parts, seed + 1);

                QualityResult expected = QualityScreen.Screen(whole, options);
                (QualityFacts facts, _) = ScanAll(partitions, options);
                (QualityFacts wholeFacts, _) = ScanAll([new Partition(whole, [])], options);
                QualityResult[] results = [.. partitions.Select(p => QualityScreen.Screen(p.Table, options, facts, p.GlobalDevice))];
                QualityReport merged = QualityScreen.MergeReports([.. results.Select(r => r.Partial)]);

                AssertEqual(expected.Report, merged);
                Assert.Equal(wholeFacts.WindowStartMs, facts.WindowStartMs);
                Assert.Equal(wholeFacts.WindowEndMs, facts.WindowEndMs);
                Assert.Equal(wholeFacts.SharedCoordinateCount, facts.SharedCoordinateCount);
                for (int i = 0; i < whole.Count; i++)
                {
                    Assert.Equal(wholeFacts.IsShared(whole.Lat[i], whole.Lon[i]), facts.IsShared(whole.Lat[i], whole.Lon[i]));
                }

                for (int p = 0; p < parts; p++)
                {
                    Assert.Equal(partitions[p].Table.DeviceCount, results[p].Clean.DeviceCount);
                    for (int d = 0; d < partitions[p].Table.DeviceCount; d++)
                    {
                        AssertSameDevice(expected, partitions[p].GlobalDevice[d], results[p], d);
                    }
                }

                return true;
            })
        .Check(Config.QuickThrowOnFailure.WithMaxTest(300));

    [Fact]
    public void Shared_coordinates_are_those_on_enough_devices_among_the_kept_pings() =>
        Prop.ForAll(
            Gen.Choose(0, int.MaxValue).ToArbitrary(),
            seed =>
            {
                PingTable whole = RandomTable(seed);
                QualityOptions options = RandomOptions(seed);

                QualityResult result = QualityScreen.Screen(whole, options);

                // Brute force: distinct devices per exact coordinate (double.Equals, so 0 and -0 are one) over the cleaned rows.
                PingTable clean = result.Clean;
                var devices = new Dictionary<(double, double), HashSet<int>>();
                for (int i = 0; i < clean.Count; i++)
                {
                    if (!devices.TryGetValue((clean.Lat[i], clean.Lon[i]), out HashSet<int>? set))
                    {
                        devices[(clean.Lat[i], clean.Lon[i])] = set = [];
                    }

                    set.Add(clean.Device[i]);
                }

                long shared = Enumerable.Range(0, clean.Count).Count(i => devices[(clean.Lat[i], clean.Lon[i])].Count >= options.SharedCoordinateMinDevices);
                return shared == result.Report.Checks.Single(c => c.Name == "shared_coordinate").Pings;
            })
        .Check(Config.QuickThrowOnFailure.WithMaxTest(300));

    [Fact]
    public void Screen_does_not_depend_on_the_input_row_order() =>
        Prop.ForAll(
            Gen.Choose(0, int.MaxValue).ToArbitrary(),
            seed =>
            {
                PingTable whole = RandomTable(seed);
                QualityOptions options = RandomOptions(seed);
                Partition reversed = Split(whole, 1, seed)[0];

                QualityResult a = QualityScreen.Screen(whole, options);
                QualityResult b = QualityScreen.Screen(reversed.Table, options);

                AssertEqual(a.Report, b.Report);
                for (int d = 0; d < whole.DeviceCount; d++)
                {
                    AssertSameDevice(a, d, b, d);
                }

                return true;
            })
        .Check(Config.QuickThrowOnFailure.WithMaxTest(200));

    [Fact]
    public void Partitioned_screen_of_generated_data_equals_the_whole_screen()
    {
        PingTable whole = GeneratedData.Mixed.Pings;
        var options = new QualityOptions();
        Partition[] partitions = Split(whole, 3, seed: 5);

        QualityResult expected = QualityScreen.Screen(whole, options);
        (QualityFacts facts, _) = ScanAll(partitions, options);
        QualityResult[] results = [.. partitions.Select(p => QualityScreen.Screen(p.Table, options, facts, p.GlobalDevice))];

        Assert.True(expected.Report.Checks.Single(c => c.Name == "shared_coordinate").Pings > 0, "the generated data has shared coordinates");
        AssertEqual(expected.Report, QualityScreen.MergeReports([.. results.Select(r => r.Partial)]));
        for (int p = 0; p < partitions.Length; p++)
        {
            for (int d = 0; d < partitions[p].Table.DeviceCount; d++)
            {
                AssertSameDevice(expected, partitions[p].GlobalDevice[d], results[p], d);
            }
        }
    }

    [Fact]
    public void MergeReports_partialsOfDifferentWindows_throw()
    {
        PingTable pings = PingTable.FromRows(["a"], [BaseMs], [52.5], [13.4]);
        QualityReportPartial one = QualityScreen.Screen(pings, new QualityOptions { WindowStartMs = 0, WindowEndMs = BaseMs + 1 }).Partial;
        QualityReportPartial other = QualityScreen.Screen(pings, new QualityOptions { WindowStartMs = 0, WindowEndMs = BaseMs + 2 }).Partial;

        Assert.Throws<ArgumentException>(() => QualityScreen.MergeReports([one, other]));
        Assert.Throws<ArgumentException>(() => QualityScreen.MergeReports([]));
    }
}
