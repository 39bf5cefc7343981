using AdintAudit.Data;
using AdintAudit.Mobility;
using AdintAudit.Quality;
using AdintAudit.Tests.Mobility;
using FsCheck;
using FsCheck.Fluent;

namespace AdintAudit.Tests.Quality;

/// <summary><see cref="DatasetProfile.ComputePartial"/> and <see cref="DatasetProfile.Merge"/>.</summary>
public sealed class DatasetProfileMergeTests
{
    private const long Hour = 3_600_000;
    private const long Day = 24 * Hour;

    private static DatasetProfile MergeOfSplit(PingTable whole, int[] partOfDevice, int partitions, LocalTime local)
    {
        (PingTable[] parts, int[][] global) = PartitionSplit.Split(whole, partOfDevice, partitions);
        return DatasetProfile.Merge([.. parts.Select((p, i) => DatasetProfile.ComputePartial(p, global[i], local))], whole.DeviceCount);
    }

    /// <summary>Field by field, lists by content (a record compares lists by reference).</summary>
    private static bool Same(DatasetProfile a, DatasetProfile b) =>
        a with { PingsByLocalHour = [], AccuracyBinEdgesMeters = [], AccuracyBinCounts = [], DevicePings = [] }
            == b with { PingsByLocalHour = [], AccuracyBinEdgesMeters = [], AccuracyBinCounts = [], DevicePings = [] }
        && a.PingsByLocalHour.SequenceEqual(b.PingsByLocalHour) && a.AccuracyBinEdgesMeters.SequenceEqual(b.AccuracyBinEdgesMeters)
        && a.AccuracyBinCounts.SequenceEqual(b.AccuracyBinCounts) && a.DevicePings.SequenceEqual(b.DevicePings);

    [Fact]
    public void Merge_of_two_partitions_gives_the_hand_computed_profile()
    {
        // a: 00:00 day 0 (10 m), 03:00 day 0 (20 m), 05:00 day 1 (unknown); b: 05:00 day 1 (4 m). b in partition 0, a in 1.
        PingTable whole = PingTable.FromRows(["a", "a", "a", "b"], [0, 3 * Hour, Day + (5 * Hour), Day + (5 * Hour)], [1, 1, 1, 2], [1, 1, 1, 2],
            [10f, 20f, float.NaN, 4f]);

        DatasetProfile p = MergeOfSplit(whole, [1, 0], 2, LocalTime.Utc);

        Assert.Equal(4, p.Pings);
        Assert.Equal(2, p.Devices);
        Assert.Equal(0, p.FirstMs);
        Assert.Equal(104_400_000, p.LastMs); // 86,400,000 + 5 · 3,600,000
        Assert.Equal(2, p.LocalDays);
        Assert.Equal(new Distribution(2, 1, 1, 1, 3, 3, 2), p.PingsPerDevice); // [1, 3]: ranks ⌈0.2⌉, ⌈1.0⌉, ⌈1.8⌉ → 1, 1, 3
        Assert.Equal(new Distribution(2, 1, 1, 1, 2, 2, 1.5), p.ActiveDaysPerDevice); // a: 2 days, b: 1
        Assert.Equal(new Distribution(2, 1, 1, 1, 1.5, 1.5, 1.25), p.PingsPerActiveDay); // a: 3 / 2, b: 1 / 1
        Assert.Equal(1, p.PingsByLocalHour[0]);
        Assert.Equal(1, p.PingsByLocalHour[3]);
        Assert.Equal(2, p.PingsByLocalHour[5]);
        Assert.Equal(0.75, p.AccuracyKnownShare); // 3 of 4 known
        // Known 4, 10, 20 m: ranks ⌈0.3⌉ = 1, ⌈1.5⌉ = 2, ⌈2.7⌉ = 3; mean (10 + 20 + 4) / 3.
        Assert.Equal(new Distribution(3, 4, 4, 10, 20, 20, 34 / 3.0), p.AccuracyMeters);
        Assert.Equal([1L, 0, 1, 1, 0, 0, 0, 0, 0, 0], p.AccuracyBinCounts); // 4 in [0, 5), 10 in [10, 20), 20 in [20, 50)
        Assert.Equal([3, 1], p.DevicePings);
        Assert.True(Same(p, DatasetProfile.Compute(whole, LocalTime.Utc)));
    }

    [Fact]
    public void Merged_partials_equal_the_whole_profile_for_any_split() =>
        Prop.ForAll(PartitionSplit.Assignments, split =>
        {
            PingTable whole = PartitionSplit.City.Pings;
            LocalTime local = LocalTime.FromTimeZone("Europe/Berlin");
            int[] part = PartitionSplit.Assign(whole.DeviceCount, split.Partitions, split.Seed);

            return Same(MergeOfSplit(whole, part, split.Partitions, local), DatasetProfile.Compute(whole, local));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(30));

    [Fact]
    public void An_empty_partition_changes_nothing()
    {
        PingTable whole = PartitionSplit.City.Pings;
        LocalTime local = LocalTime.FromTimeZone("Europe/Berlin");

        DatasetProfile merged = MergeOfSplit(whole, PartitionSplit.Assign(whole.DeviceCount, 2, 4), 3, local); // partition 2 is empty

        Assert.True(Same(merged, DatasetProfile.Compute(whole, local)));
    }

    [Fact]
    public void Merge_rejects_partials_of_different_local_times()
    {
        PingTable one = PingTable.FromRows(["a"], [0], [1], [1]);
        DatasetProfilePartial utc = DatasetProfile.ComputePartial(one, [0], LocalTime.Utc);
        DatasetProfilePartial berlin = DatasetProfile.ComputePartial(one, [1], LocalTime.FromTimeZone("Europe/Berlin"));

        Assert.Throws<ArgumentException>(() => DatasetProfile.Merge([utc, berlin], 2));
    }
}
