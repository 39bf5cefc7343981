using AdintAudit.Data;
using AdintAudit.Geo;
using AdintAudit.Mobility;
using AdintAudit.Risk.Attacks;

namespace AdintAudit.Tests.Risk.Attacks;

public sealed class AttackInputBuilderTests
{
    private static readonly long s_start = new DateTimeOffset(2024, 1, 15, 8, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    /// <summary>
    /// Three devices, each with two one-hour visits (a GPS ping every 10 minutes, 8 m accuracy): devices a and b visit the
    /// same two spots (a few meters apart: the same 250 m cell), device c visits the first spot and a spot 5 km away.
    /// </summary>
    private static PingTable Visits()
    {
        var ids = new List<string>();
        var times = new List<long>();
        var lats = new List<double>();
        var lons = new List<double>();
        void Visit(string id, long from, double lat, double lon)
        {
            for (int i = 0; i <= 6; i++)
            {
                ids.Add(id);
                times.Add(from + (i * 600_000L));
                lats.Add(lat + (i * 0.000_011));
                lons.Add(lon + (i * 0.000_013));
            }
        }

        Visit("a", s_start, 52.520_123, 13.404_567);
        Visit("a", s_start + (3 * 3_600_000L), 52.530_321, 13.380_765);
        Visit("b", s_start + 900_000, 52.520_211, 13.404_601);
        Visit("b", s_start + (4 * 3_600_000L), 52.530_298, 13.380_712);
        Visit("c", s_start + 1_800_000, 52.520_187, 13.404_633);
        Visit("c", s_start + (5 * 3_600_000L), 52.565_432, 13.404_321);
        return PingTable.FromRows([.. ids], [.. times], [.. lats], [.. lons], [.. Enumerable.Repeat(8f, ids.Count)]);
    }

    [Fact]
    public void FromStays_one_record_per_stay_in_the_cell_of_its_place_at_its_start()
    {
        MobilityRun run = MobilityPipeline.Run(Visits(), PipelineStage.Places, new PipelineOptions { TimeZone = "UTC" });

        AttackInput input = AttackInputBuilder.FromStays(run);

        // Six stays (two per device): a and b share both cells, c shares only the first. Cells in key order: the 52.520
        // spot is south of the other two, so it gets place id 0.
        Assert.Equal(6, run.Stays!.Count);
        Assert.Equal(6, input.RecordCount);
        Assert.Equal(3, input.PlaceCount);
        Assert.Equal([0, 2, 4, 6], input.DeviceStart);
        Assert.Equal(0, input.Place[0]);
        Assert.Equal(input.Place[1], input.Place[3]);
        Assert.NotEqual(input.Place[1], input.Place[5]);
        Assert.Equal(run.Stays.StartMs.ToArray(), input.TimeMs);
        long cell = GridCell.Key(run.Places!.Lat[0], run.Places.Lon[0], AttackInputBuilder.DefaultCellMeters);
        Assert.Equal(cell, GridCell.Key(52.520_2, 13.404_6, AttackInputBuilder.DefaultCellMeters));
    }

    [Fact]
    public void FromStays_location_attack_singles_out_only_the_device_with_a_private_place()
    {
        MobilityRun run = MobilityPipeline.Run(Visits(), PipelineStage.Places, new PipelineOptions { TimeZone = "UTC" });

        AttackResult result = BackgroundKnowledgeAttack.Run(AttackInputBuilder.FromStays(run),
            new AttackOptions { Kind = AttackKind.Location, KnowledgeLength = 2 }, TestContext.Current.CancellationToken);

        // a: {cell0, cell1} is matched by a and b -> 1/2; b likewise; c: {cell0, cell2} only by c -> 1.
        Assert.Equal([0.5, 0.5, 1.0], result.Risk);
    }

    [Fact]
    public void FromStays_coarser_cells_merge_places()
    {
        MobilityRun run = MobilityPipeline.Run(Visits(), PipelineStage.Places, new PipelineOptions { TimeZone = "UTC" });

        AttackInput input = AttackInputBuilder.FromStays(run, cellMeters: 1_000_000);

        // A 1,000 km cell (bands of 8.99°: (52.52 + 90) / 8.99 = 15.85, far from a band edge) holds all three spots: one place.
        Assert.Equal(1, input.PlaceCount);
    }

    [Fact]
    public void FromStays_rejects_a_non_positive_cell_size()
    {
        MobilityRun run = MobilityPipeline.Run(Visits(), PipelineStage.Stays, new PipelineOptions { TimeZone = "UTC" });

        Assert.Throws<ArgumentOutOfRangeException>(() => AttackInputBuilder.FromStays(run, 0));
    }

    [Fact]
    public void FromRawPings_gives_every_ping_its_exact_coordinates()
    {
        PingTable pings = Visits();

        AttackInput input = AttackInputBuilder.FromRawPings(pings);

        // 42 pings, each at its own coordinate except the three devices' first pings which differ too: 42 places.
        Assert.Equal(42, input.RecordCount);
        Assert.Equal(42, input.PlaceCount);
        Assert.Equal(pings.TimeMs.ToArray(), input.TimeMs);
    }
}
