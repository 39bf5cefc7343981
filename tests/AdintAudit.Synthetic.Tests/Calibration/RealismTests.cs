using System.Globalization;
using AdintAudit.Synthetic.Geography;

namespace AdintAudit.Synthetic.Tests.Calibration;

/// <summary>The additional acceptance checks of GENERATOR-SPEC.md §4 on the mixed preset.</summary>
public sealed class RealismTests(ITestOutputHelper output)
{
    [Fact]
    public void Generate_mixed_accuracy_histogram_is_multimodal()
    {
        SyntheticPings pings = SharedDatasets.Mixed28Days.Pings;
        var bySource = new Dictionary<string, List<float>>(StringComparer.Ordinal);

        for (int r = 0; r < pings.Count; r++)
        {
            float a = pings.AccuracyMeters[r];
            if (!float.IsNaN(a))
            {
                string source = pings.SourceClass(r);
                (bySource.TryGetValue(source, out var list) ? list : bySource[source] = []).Add(a);
            }
        }

        float Median(string source) => bySource[source].Order().ElementAt(bySource[source].Count / 2);
        double Spike(float value) => bySource["coarse"].Count(a => a == value) / (double)bySource["coarse"].Count;
        float[] all = [.. bySource.Values.SelectMany(v => v)];
        double valley = all.Count(a => a is >= 160 and < 450) / (double)all.Length;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median gps {Median("gps")}, wifi {Median("wifi")}; coarse spikes 500 {Spike(500):P1}, 1000 {Spike(1000):P1}, 2000 {Spike(2000):P1}; ip min {bySource["ip"].Min()}; 160–450 m {valley:P2}"));
        Assert.InRange(Median("gps"), 5, 30);
        Assert.InRange(Median("wifi"), 30, 100);
        Assert.True(Spike(500) > 0.15 && Spike(1000) > 0.15 && Spike(2000) > 0.10, "coarse accuracy lacks its spikes at 500, 1000, 2000 m");
        Assert.True(bySource["ip"].Min() >= 5_000, "an IP accuracy is below 5 km");
        Assert.True(valley < 0.01, "no valley between the Wi-Fi and coarse modes");
    }

    [Fact]
    public void Generate_mixed_coordinate_decimals_peak_at_2_4to5_and_6plus()
    {
        SyntheticPings pings = SharedDatasets.Mixed28Days.Pings;
        var counts = new long[20];

        for (int r = 0; r < pings.Count; r++)
        {
            string text = pings.Latitudes[r].ToString("R", CultureInfo.InvariantCulture);
            int dot = text.IndexOf('.', StringComparison.Ordinal);
            counts[Math.Min(19, dot < 0 ? 0 : text.Length - dot - 1)]++;
        }

        double Share(int from, int to) => counts[from..(to + 1)].Sum() / (double)pings.Count;
        output.WriteLine(string.Join(", ", counts.Select((c, d) => string.Create(CultureInfo.InvariantCulture, $"{d} dp: {c / (double)pings.Count:P2}")).Take(9)));
        Assert.True(Share(2, 2) > 0.08, "no peak at 2 dp (IP centroids)");
        Assert.True(Share(4, 5) > 0.05, "no peak at 4–5 dp (truncating suppliers)");
        Assert.True(Share(6, 19) > 0.5, "no peak at 6+ dp (raw coordinates)");
        Assert.True(Share(3, 3) < Share(2, 2) / 4 && Share(3, 3) < Share(4, 5) / 4, "3 dp is not a valley");
    }

    [Fact]
    public void Generate_mixed_ip_centroids_are_shared_by_many_devices()
    {
        SyntheticPings pings = SharedDatasets.Mixed28Days.Pings;
        var devicesAt = new Dictionary<(double, double), HashSet<int>>();

        for (int r = 0; r < pings.Count; r++)
        {
            if (pings.SourceClass(r) == "ip" && pings.Artifact(r) == "none")
            {
                var key = (pings.Latitudes[r], pings.Longitudes[r]);
                (devicesAt.TryGetValue(key, out var set) ? set : devicesAt[key] = []).Add(pings.IdIndices[r]);
            }
        }

        int largest = devicesAt.Values.Max(s => s.Count);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{devicesAt.Count} IP points; the most shared has {largest} devices"));
        Assert.True(devicesAt.Values.Count(s => s.Count >= 10) >= 2, "fewer than two IP points are shared by ≥ 10 devices");
    }

    [Fact]
    public void Generate_mixed_night_mode_cell_recovers_true_home()
    {
        SyntheticDataset data = SharedDatasets.Mixed28Days;
        SyntheticPings pings = data.Pings;
        TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(data.Options.TimeZoneId);
        var truth = data.Devices.Where(d => !d.IsEphemeral).ToDictionary(d => d.DeviceId, StringComparer.Ordinal);
        var cells = new Dictionary<int, Dictionary<string, int>>();
        var nights = new Dictionary<int, HashSet<DateOnly>>();

        for (int r = 0; r < pings.Count; r++)
        {
            float accuracy = pings.AccuracyMeters[r];
            if (float.IsNaN(accuracy) || accuracy > 200)
            {
                continue;
            }

            DateTime local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UnixEpoch.AddMilliseconds(pings.TimestampsMs[r]), zone);
            if (local.Hour is >= 6 and < 22)
            {
                continue;
            }

            int id = pings.IdIndices[r];
            (nights.TryGetValue(id, out var set) ? set : nights[id] = []).Add(DateOnly.FromDateTime(local.AddHours(-6)));
            var counts = cells.TryGetValue(id, out var c) ? c : cells[id] = new Dictionary<string, int>(StringComparer.Ordinal);
            string cell = Geohash.Encode(pings.Latitudes[r], pings.Longitudes[r], 7);
            counts[cell] = counts.GetValueOrDefault(cell) + 1;
        }

        int eligible = 0, exact = 0;
        foreach ((int id, HashSet<DateOnly> seen) in nights)
        {
            if (seen.Count < 10 || !truth.TryGetValue(pings.Ids[id], out TruthDevice device))
            {
                continue;
            }

            eligible++;
            string mode = cells[id].OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key;
            exact += mode == device.HomeGeohash7 ? 1 : 0;
        }

        double share = exact / (double)eligible;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{eligible} regular devices with ≥ 10 nights; home recovered for {share:P1}"));
        Assert.True(eligible >= 100, "too few devices with ≥ 10 nights to judge");
        Assert.True(share >= 0.85, string.Create(CultureInfo.InvariantCulture, $"home recovered for only {share:P1}"));
    }
}
