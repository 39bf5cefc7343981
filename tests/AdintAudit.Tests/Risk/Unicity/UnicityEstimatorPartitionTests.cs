using AdintAudit.Data;
using AdintAudit.Risk.Unicity;
using FsCheck;
using FsCheck.Fluent;

namespace AdintAudit.Tests.Risk.Unicity;

/// <summary>The partitioned estimate (traces, query, postings, estimate) against the whole-table one.</summary>
public sealed class UnicityEstimatorPartitionTests
{
    /// <summary>Two resolutions share a cell size; few draws (random, not exhaustive) and a sample smaller than the devices.</summary>
    private static readonly UnicityOptions s_options = new()
    {
        Points = [1, 2, 3, 4],
        Resolutions = [new(1000, 60), new(250, 30), new(1000, 240)],
        DrawsPerDevice = 3,
        MaxDevices = 6,
        MaxInstancesPerDevice = 50,
        Seed = 9,
        MaxDegreeOfParallelism = 2,
    };

    /// <summary>Rows (device, cell among 6 x 6 of about 200 m, minute among 12 hours) as a table.</summary>
    private static PingTable Table(IReadOnlyList<(int Device, int Cell, int Minute)> rows) =>
        PingTable.FromRows(
            [.. rows.Select(r => $"dev{r.Device:D2}")],
            [.. rows.Select(r => (r.Minute * 60_000L) + 1_000)],
            [.. rows.Select(r => 48 + (0.002 * (r.Cell / 6)))],
            [.. rows.Select(r => 2 + (0.003 * (r.Cell % 6)))]);

    /// <summary>Splits the table by device: partition k holds the devices assigned k; returns each with its local -> global map.</summary>
    private static (PingTable Table, int[] Global)[] Split(PingTable pings, IReadOnlyList<int> partitionOf, int partitions)
    {
        var parts = new (PingTable, int[])[partitions];
        for (int k = 0; k < partitions; k++)
        {
            bool[] keep = new bool[pings.Count];
            for (int i = 0; i < keep.Length; i++)
            {
                keep[i] = partitionOf[pings.Device[i]] == k;
            }

            int[] global = [.. Enumerable.Range(0, pings.DeviceCount).Where(d => partitionOf[d] == k)];
            parts[k] = (pings.Filter(keep, dropEmptyDevices: true), global);
        }

        return parts;
    }

    private static UnicityResult EstimateByPartition(PingTable pings, IReadOnlyList<int> partitionOf, int partitions, UnicityOptions options)
    {
        (PingTable Table, int[] Global)[] parts = Split(pings, partitionOf, partitions);
        // Merge in reverse partition order: the order of the parts must not matter either.
        UnicityTraces[] traces = [.. parts.Select(p => UnicityEstimator.CollectTraces(p.Table, p.Global, pings.DeviceCount, options, CancellationToken.None)).Reverse()];
        UnicityQuery query = UnicityEstimator.PrepareQuery(traces, pings.DeviceCount, options);
        UnicityPostings[] postings = [.. parts.Select(p => UnicityEstimator.CollectPostings(p.Table, p.Global, query, CancellationToken.None)).Reverse()];
        return UnicityEstimator.Estimate(query, postings, null, CancellationToken.None);
    }

    private static bool SameResult(UnicityResult a, UnicityResult b) =>
        a.TotalDevices == b.TotalDevices
        && a.SampledDevices == b.SampledDevices
        && a.Curves.Count == b.Curves.Count
        && a.Curves.Zip(b.Curves).All(c => c.First.Resolution == c.Second.Resolution && c.First.Points.SequenceEqual(c.Second.Points));

    [Fact]
    public void Estimate_by_partition_equals_the_whole_table_for_any_assignment_of_devices() =>
        Prop.ForAll(
            Gen.Choose(2, 14).SelectMany(devices =>
                Gen.ListOf(Gen.Choose(0, devices - 1).SelectMany(d => Gen.Choose(0, 35).SelectMany(c => Gen.Choose(0, 719).Select(m => (Device: d, Cell: c, Minute: m)))))
                    .Select(rows => rows.Take(80).ToList())
                    .SelectMany(rows => Gen.Choose(1, 8).SelectMany(partitions =>
                        Gen.ArrayOf(Gen.Choose(0, partitions - 1), devices).Select(assignment => (Rows: rows, Partitions: partitions, Assignment: assignment)))))
                .ToArbitrary(),
            c =>
            {
                PingTable pings = Table(c.Rows);
                // Devices absent from the rows do not exist in the table: assign the table's devices by their number.
                int[] partitionOf = [.. Enumerable.Range(0, pings.DeviceCount).Select(d => c.Assignment[d])];

                UnicityResult whole = UnicityEstimator.Estimate(pings, s_options);
                UnicityResult merged = EstimateByPartition(pings, partitionOf, c.Partitions, s_options);

                return SameResult(whole, merged);
            })
        .Check(Config.QuickThrowOnFailure.WithMaxTest(200));

    [Fact]
    public void Estimate_by_partition_equals_the_whole_table_on_a_larger_sampled_dataset()
    {
        // 300 devices, 120 sampled, default resolutions and draws: eight partitions by device number modulo 8.
        var random = new Random(5);
        var rows = Enumerable.Range(0, 300).SelectMany(d => Enumerable.Range(0, 15).Select(_ => (d, random.Next(36), random.Next(720)))).ToList();
        PingTable pings = Table(rows);
        UnicityOptions options = new() { MaxDevices = 120, Seed = 3, MaxDegreeOfParallelism = 2 };

        UnicityResult whole = UnicityEstimator.Estimate(pings, options, TestContext.Current.CancellationToken);
        UnicityResult merged = EstimateByPartition(pings, [.. Enumerable.Range(0, pings.DeviceCount).Select(d => (d * 7) % 8)], 8, options);

        Assert.Equal(120, merged.SampledDevices);
        Assert.True(SameResult(whole, merged));
    }

    [Fact]
    public void PrepareQuery_rejects_missing_or_duplicated_partitions_and_other_options()
    {
        PingTable pings = Table([(0, 0, 0), (1, 1, 0), (2, 2, 0), (3, 3, 0)]);
        (PingTable Table, int[] Global)[] parts = Split(pings, [0, 1, 0, 1], 2);
        UnicityTraces first = UnicityEstimator.CollectTraces(parts[0].Table, parts[0].Global, 4, s_options, CancellationToken.None);
        UnicityTraces second = UnicityEstimator.CollectTraces(parts[1].Table, parts[1].Global, 4, s_options, CancellationToken.None);

        Assert.Throws<ArgumentException>(() => UnicityEstimator.PrepareQuery([first], 4, s_options));
        Assert.Throws<ArgumentException>(() => UnicityEstimator.PrepareQuery([first, second, first], 4, s_options));
        Assert.Throws<ArgumentException>(() => UnicityEstimator.PrepareQuery([first, second], 4, s_options with { Seed = 10 }));
        Assert.Throws<ArgumentException>(() => UnicityEstimator.PrepareQuery([first, second], 5, s_options));
        Assert.Equal(4, UnicityEstimator.PrepareQuery([second, first], 4, s_options).SampledDevices);
    }

    [Fact]
    public void Estimate_rejects_missing_postings_and_postings_of_another_query()
    {
        PingTable pings = Table([(0, 0, 0), (1, 1, 0), (2, 2, 0), (3, 3, 0)]);
        (PingTable Table, int[] Global)[] parts = Split(pings, [0, 1, 0, 1], 2);
        UnicityTraces[] traces = [.. parts.Select(p => UnicityEstimator.CollectTraces(p.Table, p.Global, 4, s_options, CancellationToken.None))];
        UnicityQuery query = UnicityEstimator.PrepareQuery(traces, 4, s_options);
        UnicityQuery other = UnicityEstimator.PrepareQuery(traces, 4, s_options);
        UnicityPostings first = UnicityEstimator.CollectPostings(parts[0].Table, parts[0].Global, query, CancellationToken.None);
        UnicityPostings second = UnicityEstimator.CollectPostings(parts[1].Table, parts[1].Global, query, CancellationToken.None);
        UnicityPostings foreign = UnicityEstimator.CollectPostings(parts[1].Table, parts[1].Global, other, CancellationToken.None);

        Assert.Throws<ArgumentException>(() => UnicityEstimator.Estimate(query, [first], null, CancellationToken.None));
        Assert.Throws<ArgumentException>(() => UnicityEstimator.Estimate(query, [first, foreign], null, CancellationToken.None));
        Assert.Equal(4, UnicityEstimator.Estimate(query, [first, second], null, CancellationToken.None).TotalDevices);
    }

    [Fact]
    public void CollectTraces_and_CollectPostings_reject_a_device_map_that_is_not_one_ascending_index_per_device()
    {
        PingTable pings = Table([(0, 0, 0), (1, 1, 0)]);
        UnicityTraces traces = UnicityEstimator.CollectTraces(pings, [0, 1], 2, s_options, CancellationToken.None);
        UnicityQuery query = UnicityEstimator.PrepareQuery([traces], 2, s_options);

        Assert.Throws<ArgumentException>(() => UnicityEstimator.CollectTraces(pings, [0], 2, s_options, CancellationToken.None));
        Assert.Throws<ArgumentException>(() => UnicityEstimator.CollectTraces(pings, [1, 0], 2, s_options, CancellationToken.None));
        Assert.Throws<ArgumentException>(() => UnicityEstimator.CollectTraces(pings, [0, 2], 2, s_options, CancellationToken.None));
        Assert.Throws<ArgumentException>(() => UnicityEstimator.CollectPostings(pings, [0, 0], query, CancellationToken.None));
    }

    [Fact]
    public void CollectTraces_keeps_only_the_sampled_devices_and_their_distinct_points()
    {
        // Device 0 pings one place at minutes 0, 10 and 70: bins (60 min) 0, 0, 1 -> 2 points at (1000 m, 60 min);
        // bins (30 min) 0, 0, 2 -> 2 points at (250 m, 30 min); bins (240 min) 0, 0, 0 -> 1 point at (1000 m, 240 min):
        // 5 in all. Device 1 pings once: 1 point per resolution, 3 in all. The sample of 6 holds both devices.
        PingTable pings = Table([(0, 0, 0), (0, 0, 10), (0, 0, 70), (1, 5, 0)]);
        (PingTable Table, int[] Global)[] parts = Split(pings, [0, 1], 2);

        UnicityTraces first = UnicityEstimator.CollectTraces(parts[0].Table, parts[0].Global, 2, s_options, CancellationToken.None);
        UnicityTraces second = UnicityEstimator.CollectTraces(parts[1].Table, parts[1].Global, 2, s_options, CancellationToken.None);
        UnicityTraces whole = UnicityEstimator.CollectTraces(pings, [0, 1], 2, s_options, CancellationToken.None);

        Assert.Equal((1, 5), (first.SampledDeviceCount, first.TracePointCount));
        Assert.Equal((1, 3), (second.SampledDeviceCount, second.TracePointCount));
        Assert.Equal((2, 8), (whole.SampledDeviceCount, whole.TracePointCount));
    }

    [Fact]
    public void CollectTraces_holds_nothing_of_devices_outside_the_sample()
    {
        // 20 devices of one ping each, 6 sampled: the partitions together hold exactly the 6, one point per resolution.
        PingTable pings = Table([.. Enumerable.Range(0, 20).Select(d => (d, d % 36, 0))]);
        (PingTable Table, int[] Global)[] parts = Split(pings, [.. Enumerable.Range(0, 20).Select(d => d % 3)], 3);

        UnicityTraces[] traces = [.. parts.Select(p => UnicityEstimator.CollectTraces(p.Table, p.Global, 20, s_options, CancellationToken.None))];

        Assert.Equal(6, traces.Sum(t => t.SampledDeviceCount));
        Assert.Equal(6 * 3, traces.Sum(t => t.TracePointCount));
    }
}
