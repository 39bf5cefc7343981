using AdintAudit.Data;
using AdintAudit.Geo;
using AdintAudit.Mobility;
using AdintAudit.Synthetic;

namespace AdintAudit.Tests.Mobility;

public sealed class EndToEndAccuracyTests
{
    [Fact]
    public void DefaultPipeline_generatedMixedPreset_findsHomeAndWorkOfDevicesWithTenNights()
    {
        (PingTable pings, SyntheticDataset dataset) = GeneratedData.Mixed;

        MobilityRun run = MobilityPipeline.Run(pings, PipelineStage.Homes, new PipelineOptions { TimeZone = "Europe/Berlin" });

        (double home, double work, int devices) = Score(run.Homes!, dataset, pings);
        Assert.True(devices >= 150, $"only {devices} devices with 10 nights");
        Assert.True(home >= 0.95, $"home within 200 m: {home:P1} of {devices}");
        Assert.True(work >= 0.80, $"work within 200 m: {work:P1}");
    }

    [Fact]
    public void DefaultPipeline_oneThreadOrAll_identicalResults()
    {
        (PingTable pings, _) = GeneratedData.Mixed;
        var one = new PipelineOptions
        {
            Stays = new StayOptions { MaxDegreeOfParallelism = 1 },
            Places = new PlaceOptions { MaxDegreeOfParallelism = 1 },
            HomeWork = new HomeWorkOptions { MaxDegreeOfParallelism = 1 },
        };

        MobilityRun serial = MobilityPipeline.Run(pings, PipelineStage.Homes, one);
        MobilityRun parallel = MobilityPipeline.Run(pings, PipelineStage.Homes);

        Assert.True(pings.Count > 2 * 65_536, "the dataset must span several chunks");
        Assert.Equal(serial.Stays!.StartMs.ToArray(), parallel.Stays!.StartMs.ToArray());
        Assert.Equal(serial.Stays.Lat.ToArray(), parallel.Stays.Lat.ToArray());
        Assert.Equal(serial.Places!.PlaceOfStay.ToArray(), parallel.Places!.PlaceOfStay.ToArray());
        Assert.Equal(serial.Homes!.HomeLat.ToArray(), parallel.Homes!.HomeLat.ToArray());
        Assert.Equal(serial.Homes.WorkLon.ToArray(), parallel.Homes.WorkLon.ToArray());
    }

    [Fact]
    public void DefaultPipeline_shuffledRows_identicalResults()
    {
        (PingTable pings, _) = GeneratedData.Mixed;
        int n = pings.Count;
        int[] order = [.. Enumerable.Range(0, n)];
        new Random(3).Shuffle(order);
        PingTable shuffled = PingTable.FromRows(
            [.. order.Select(i => pings.DeviceIds[pings.Device[i]])], [.. order.Select(i => pings.TimeMs[i])],
            [.. order.Select(i => pings.Lat[i])], [.. order.Select(i => pings.Lon[i])], [.. order.Select(i => pings.AccuracyM[i])]);

        MobilityRun a = MobilityPipeline.Run(pings, PipelineStage.Homes);
        MobilityRun b = MobilityPipeline.Run(shuffled, PipelineStage.Homes);

        Assert.Equal(a.Stays!.EndMs.ToArray(), b.Stays!.EndMs.ToArray());
        Assert.Equal(a.Stays.Lon.ToArray(), b.Stays.Lon.ToArray());
        Assert.Equal(a.Homes!.HomeLat.ToArray(), b.Homes!.HomeLat.ToArray());
        Assert.Equal(a.Homes.WorkLat.ToArray(), b.Homes.WorkLat.ToArray());
    }

    private static (double Home, double Work, int Devices) Score(HomeWorkTable homes, SyntheticDataset dataset, PingTable pings)
    {
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int d = 0; d < homes.Count; d++)
        {
            byId[homes.DeviceIds[d]] = d;
        }

        LocalTime local = LocalTime.FromTimeZone("Europe/Berlin");
        int devices = 0;
        int homeRight = 0;
        int withWork = 0;
        int workRight = 0;
        foreach (TruthDevice truth in dataset.Devices)
        {
            if (truth.IsEphemeral || !byId.TryGetValue(truth.DeviceId, out int d) || Nights(pings, d, local) < 10)
            {
                continue;
            }

            devices++;
            if (!double.IsNaN(homes.HomeLat[d]) && Haversine.Meters(homes.HomeLat[d], homes.HomeLon[d], truth.HomeLatitude, truth.HomeLongitude) <= 200)
            {
                homeRight++;
            }

            if (truth.WorkLatitude is double wLat && truth.WorkLongitude is double wLon)
            {
                withWork++;
                if (!double.IsNaN(homes.WorkLat[d]) && Haversine.Meters(homes.WorkLat[d], homes.WorkLon[d], wLat, wLon) <= 200)
                {
                    workRight++;
                }
            }
        }

        return ((double)homeRight / devices, (double)workRight / withWork, devices);
    }

    private static int Nights(PingTable pings, int d, LocalTime local)
    {
        var nights = new HashSet<long>();
        Range rows = pings.GetDeviceRange(d);
        for (int i = rows.Start.Value; i < rows.End.Value; i++)
        {
            long lt = local.ToLocalMs(pings.TimeMs[i]);
            long tod = ((lt % 86_400_000) + 86_400_000) % 86_400_000;
            if (tod >= 22 * 3_600_000L || tod <= 7 * 3_600_000L)
            {
                nights.Add((long)Math.Floor((lt - (12 * 3_600_000.0)) / 86_400_000));
            }
        }

        return nights.Count;
    }
}
