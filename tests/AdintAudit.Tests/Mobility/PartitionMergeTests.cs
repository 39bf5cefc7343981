using AdintAudit.Data;
using AdintAudit.Mobility;
using FsCheck;
using FsCheck.Fluent;

namespace AdintAudit.Tests.Mobility;

/// <summary><see cref="StayTable.Merge"/>, <see cref="PlaceTable.Merge"/> and <see cref="HomeWorkTable.Merge"/> against the whole table.</summary>
public sealed class PartitionMergeTests
{
    /// <summary>No quality screen (it needs global facts) and one time zone, so every partition uses the same local clock.</summary>
    private static readonly PipelineOptions s_options = new() { ScreenQuality = false, TimeZone = "Europe/Berlin" };

    private static readonly Lazy<MobilityRun> s_whole = new(() => MobilityPipeline.Run(PartitionSplit.City.Pings, PipelineStage.Homes, s_options));

    private static (StayTable Stays, PlaceTable Places, HomeWorkTable Homes) RunSplit(int partitions, ulong seed, int emptyPartitions = 0)
    {
        PingTable whole = PartitionSplit.City.Pings;
        (PingTable[] parts, int[][] global) = PartitionSplit.Split(whole, PartitionSplit.Assign(whole.DeviceCount, partitions, seed),
            partitions + emptyPartitions);
        MobilityRun[] runs = [.. parts.Select(p => MobilityPipeline.Run(p, PipelineStage.Homes, s_options))];
        StayTable[] stays = [.. runs.Select(r => r.Stays!)];
        return (
            StayTable.Merge(stays, global, whole.DeviceCount, [.. runs.Select(r => r.Used.DeviceStart.ToArray())]),
            PlaceTable.Merge([.. runs.Select(r => r.Places!)], stays, global, whole.DeviceCount),
            HomeWorkTable.Merge([.. runs.Select(r => r.Homes!)], global, whole.DeviceCount));
    }

    private static bool Same<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b)
        where T : IEquatable<T> => a.SequenceEqual(b);

    internal static bool SameStays(StayTable a, StayTable b) =>
        a.Method == b.Method && a.DeviceIds.SequenceEqual(b.DeviceIds) && Same(a.DeviceStart, b.DeviceStart) && Same(a.Device, b.Device)
        && Same(a.Lat, b.Lat) && Same(a.Lon, b.Lon) && Same(a.StartMs, b.StartMs) && Same(a.EndMs, b.EndMs) && Same(a.PingCount, b.PingCount)
        && Same(a.FirstPing, b.FirstPing) && Same(a.LastPing, b.LastPing) && Same(a.Nights, b.Nights) && Same(a.BridgedGapMs, b.BridgedGapMs);

    internal static bool SamePlaces(PlaceTable a, PlaceTable b) =>
        a.Method == b.Method && a.DeviceIds.SequenceEqual(b.DeviceIds) && Same(a.DeviceStart, b.DeviceStart) && Same(a.Device, b.Device)
        && Same(a.PlaceId, b.PlaceId) && Same(a.Lat, b.Lat) && Same(a.Lon, b.Lon) && Same(a.StayCount, b.StayCount)
        && Same(a.DurationMs, b.DurationMs) && Same(a.PlaceOfStay, b.PlaceOfStay);

    internal static bool SameHomes(HomeWorkTable a, HomeWorkTable b) =>
        a.Method == b.Method && a.LocalTimeDescription == b.LocalTimeDescription && a.DeviceIds.SequenceEqual(b.DeviceIds)
        && Same(a.HomeLat, b.HomeLat) && Same(a.HomeLon, b.HomeLon) && Same(a.HomeConfidence, b.HomeConfidence) && Same(a.WorkLat, b.WorkLat)
        && Same(a.WorkLon, b.WorkLon) && Same(a.WorkConfidence, b.WorkConfidence) && Same(a.HomePlace, b.HomePlace) && Same(a.WorkPlace, b.WorkPlace)
        && Same(a.HomeNights, b.HomeNights) && Same(a.WorkDays, b.WorkDays) && Same(a.EvidencePings, b.EvidencePings);

    [Fact]
    public void Merged_partitions_equal_the_whole_table_column_by_column_for_any_split() =>
        Prop.ForAll(PartitionSplit.Assignments, split =>
        {
            (StayTable stays, PlaceTable places, HomeWorkTable homes) = RunSplit(split.Partitions, split.Seed);
            MobilityRun whole = s_whole.Value;
            return SameStays(stays, whole.Stays!) && SamePlaces(places, whole.Places!) && SameHomes(homes, whole.Homes!);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(12));

    [Fact]
    public void The_city_has_stays_places_and_homes_so_the_property_is_not_vacuous()
    {
        MobilityRun whole = s_whole.Value;

        (StayTable stays, _, HomeWorkTable homes) = RunSplit(3, 5);

        Assert.True(whole.Stays!.Count > 100);
        Assert.True(whole.Homes!.DevicesWithHome > 10);
        Assert.Equal(whole.Stays.Count, stays.Count);
        Assert.Equal(whole.Homes.DevicesWithHome, homes.DevicesWithHome);
    }

    [Fact]
    public void An_empty_partition_runs_and_merges_to_nothing()
    {
        MobilityRun whole = s_whole.Value;

        (StayTable stays, PlaceTable places, HomeWorkTable homes) = RunSplit(2, 17, emptyPartitions: 1);

        Assert.True(SameStays(stays, whole.Stays!) && SamePlaces(places, whole.Places!) && SameHomes(homes, whole.Homes!));
    }

    [Fact]
    public void Merge_renumbers_devices_and_ping_rows_to_the_whole_table()
    {
        // Devices a, b, c (global 0, 1, 2); partition 0 holds b, partition 1 holds a and c. Each device has two pings
        // 10 minutes apart at one spot: with FromPings, stay i is ping i, so FirstPing must equal the global row.
        PingTable whole = PingTable.FromRows(["a", "a", "b", "b", "c", "c"], [0, 600_000, 0, 600_000, 0, 600_000], [1, 1, 2, 2, 3, 3], [1, 1, 2, 2, 3, 3]);
        (PingTable[] parts, int[][] global) = PartitionSplit.Split(whole, [1, 0, 1], 2);

        StayTable merged = StayTable.Merge([StayTable.FromPings(parts[0]), StayTable.FromPings(parts[1])], global, 3,
            [parts[0].DeviceStart.ToArray(), parts[1].DeviceStart.ToArray()]);

        Assert.Equal(["a", "b", "c"], merged.DeviceIds);
        Assert.Equal([0, 0, 1, 1, 2, 2], merged.Device.ToArray());
        Assert.Equal([0, 1, 2, 3, 4, 5], merged.FirstPing.ToArray()); // b's local rows 0, 1 → global 2, 3; c's local 2, 3 → 4, 5
        Assert.Equal([1.0, 1, 2, 2, 3, 3], merged.Lat.ToArray());
        Assert.True(SameStays(merged, StayTable.FromPings(whole)));
    }

    [Fact]
    public void Merge_rejects_a_device_in_two_partitions_or_in_none()
    {
        PingTable one = PingTable.FromRows(["a"], [0], [1], [1]);
        StayTable stays = StayTable.FromPings(one);
        int[] starts = [0, 1];

        Assert.Throws<ArgumentException>(() => StayTable.Merge([stays, stays], [[0], [0]], 2, [starts, starts]));
        Assert.Throws<ArgumentException>(() => StayTable.Merge([stays], [[0]], 2, [starts]));
    }
}
