using AdintAudit.Data;
using AdintAudit.Geo;
using AdintAudit.Mobility;
using FsCheck;
using FsCheck.Fluent;

namespace AdintAudit.Tests.Mobility;

/// <summary>
/// The adtech detector (gathered columns, the short-device and short-run skips, the small-sort kernel) gives bit for bit
/// what a plain transcription of ALGORITHMS.md §1 gives: no skip, rows read through the table, the runtime's sort for
/// the weighted medians, <see cref="LocalTime.ToLocalMs"/> for the nights.
/// </summary>
public sealed class StayDetectorReferenceTests
{
    private const double MinutesToMs = 60_000.0;

    private sealed record Case(PingTable Pings, bool[] Excluded, StayOptions Options, bool Berlin);

    /// <summary>
    /// A few devices with walks, bursts, long gaps and very short traces; accuracies good, weak (worse than the radius),
    /// too coarse (1000 m) or unknown (NaN); about one ping in eight excluded; radius, minimum duration and gap drawn too.
    /// </summary>
    private static Arbitrary<Case> Cases() => Gen.Choose(0, int.MaxValue).Select(seed =>
    {
        var rng = new Random(seed);
        var ids = new List<string>();
        var times = new List<long>();
        var lats = new List<double>();
        var lons = new List<double>();
        var accs = new List<float>();
        int devices = rng.Next(1, 6);
        for (int d = 0; d < devices; d++)
        {
            long t = 1_700_000_000_000L + (rng.Next(0, 86_400) * 1000L);
            double lat = 48.0 + rng.NextDouble();
            double lon = 11.0 + rng.NextDouble();
            int n = rng.Next(0, 3) == 0 ? rng.Next(0, 4) : rng.Next(0, 150);
            for (int i = 0; i < n; i++)
            {
                double step = rng.NextDouble();
                t += step < 0.3 ? rng.Next(0, 20) * 1000L : step < 0.95 ? rng.Next(0, 30 * 60) * 1000L : rng.Next(0, 20 * 3600) * 1000L;
                if (rng.NextDouble() < 0.1)
                {
                    lat += (rng.NextDouble() - 0.5) * 0.02;
                    lon += (rng.NextDouble() - 0.5) * 0.02;
                }

                double a = rng.NextDouble();
                ids.Add($"d{d}");
                times.Add(t);
                lats.Add(lat + ((rng.NextDouble() - 0.5) * 0.003));
                lons.Add(lon + ((rng.NextDouble() - 0.5) * 0.003));
                accs.Add(a < 0.05 ? float.NaN : a < 0.12 ? 1000f : a < 0.2 ? 250f + (float)(rng.NextDouble() * 200) : (float)(3 + (rng.NextDouble() * 60)));
            }
        }

        bool[] excluded = [.. ids.Select(_ => rng.NextDouble() < 0.125)];
        var options = new StayOptions
        {
            RadiusMeters = 50 + rng.Next(0, 250),
            MinDurationMinutes = rng.Next(0, 4) == 0 ? 0 : rng.Next(1, 60),
            MaxGapMinutes = rng.Next(0, 2) == 0 ? 720 : rng.Next(5, 120),
            MaxDegreeOfParallelism = 1,
        };
        return new Case(PingTable.FromRows([.. ids], [.. times], [.. lats], [.. lons], [.. accs]), excluded, options, rng.Next(0, 2) == 0);
    }).ToArbitrary();

    [Fact]
    public void Detect_adtech_equalsThePlainTranscriptionBitForBit() =>
        Prop.ForAll(Cases(), c =>
        {
            LocalTime local = c.Berlin ? LocalTime.FromTimeZone("Europe/Berlin", 1_690_000_000_000L, 1_720_000_000_000L) : LocalTime.Utc;

            StayTable fast = StayDetector.Detect(c.Pings, c.Options, c.Excluded, local);
            List<Stay> plain = Plain(c.Pings, c.Options, c.Excluded, local);

            Assert.Equal(plain.Count, fast.Count);
            for (int i = 0; i < plain.Count; i++)
            {
                Stay s = plain[i];
                Assert.Equal(s.Device, fast.Columns.Device[i]);
                Assert.Equal(BitConverter.DoubleToInt64Bits(s.Lat), BitConverter.DoubleToInt64Bits(fast.Lat[i]));
                Assert.Equal(BitConverter.DoubleToInt64Bits(s.Lon), BitConverter.DoubleToInt64Bits(fast.Lon[i]));
                Assert.Equal((s.Start, s.End, s.Pings, s.First, s.Last, s.Nights, s.Gap),
                    (fast.StartMs[i], fast.EndMs[i], fast.PingCount[i], fast.FirstPing[i], fast.LastPing[i], fast.Nights[i], fast.BridgedGapMs[i]));
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));

    private readonly record struct Stay(int Device, double Lat, double Lon, long Start, long End, int Pings, int First, int Last, int Nights, long Gap);

    /// <summary>ALGORITHMS.md §1 adtech, transcribed without any shortcut.</summary>
    private static List<Stay> Plain(PingTable p, StayOptions o, bool[] excluded, LocalTime local)
    {
        var stays = new List<Stay>();
        ReadOnlySpan<long> t = p.TimeMs;
        ReadOnlySpan<double> lat = p.Lat;
        ReadOnlySpan<double> lon = p.Lon;
        ReadOnlySpan<float> acc = p.AccuracyM;
        double radius = o.RadiusMeters;
        long maxGapMs = (long)(o.MaxGapMinutes * MinutesToMs);
        long minDurationMs = (long)(o.MinDurationMinutes * MinutesToMs);
        for (int d = 0; d < p.DeviceCount; d++)
        {
            var rows = new List<int>();
            for (int i = p.DeviceStart[d]; i < p.DeviceStart[d + 1]; i++)
            {
                if ((float.IsNaN(acc[i]) || acc[i] <= o.MaxAccuracyMeters) && !excluded[i])
                {
                    rows.Add(i);
                }
            }

            int k = 0;
            while (k < rows.Count)
            {
                int anchor = rows[k];
                if (!float.IsNaN(acc[anchor]) && acc[anchor] > radius)
                {
                    k++;
                    continue;
                }

                double cosLat = Haversine.FastCosDegrees(lat[anchor]);
                var members = new List<int> { anchor };
                long maxGap = 0;
                bool gapBreak = false;
                int j = k + 1;
                for (; j < rows.Count; j++)
                {
                    int r = rows[j];
                    long gap = t[r] - t[members[^1]];
                    if (gap > maxGapMs)
                    {
                        gapBreak = true;
                        break;
                    }

                    if (Haversine.EquirectangularSquaredMeters(lat[anchor], lon[anchor], lat[r], lon[r], cosLat) <= radius * radius)
                    {
                        maxGap = Math.Max(maxGap, gap);
                        members.Add(r);
                    }
                    else if (float.IsNaN(acc[r]) || acc[r] <= radius)
                    {
                        break;
                    }
                }

                if (t[members[^1]] - t[anchor] >= minDurationMs)
                {
                    stays.Add(Emit(p, d, members, maxGap, o, local));
                    k = j;
                }
                else
                {
                    k = gapBreak && members.Count == j - k ? j : k + 1;
                }
            }
        }

        return stays;
    }

    private static Stay Emit(PingTable p, int device, List<int> members, long maxGap, StayOptions o, LocalTime local)
    {
        double[] weights = [.. members.Select(r => 1.0 / Math.Max(float.IsNaN(p.AccuracyM[r]) ? o.UnknownAccuracyMeters : p.AccuracyM[r], 5.0))];
        double total = 0;
        foreach (double w in weights)
        {
            total += w;
        }

        double centreLat = WeightedMedian([.. members.Select(r => p.Lat[r])], [.. weights], total);
        double centreLon = WeightedMedian([.. members.Select(r => p.Lon[r])], [.. weights], total);
        // Nights counted as changes of night in time order, as the detector counts them.
        int nights = 0;
        long lastNight = long.MinValue;
        foreach (int r in members)
        {
            long night = NightClock.NightOf(local.ToLocalMs(p.TimeMs[r]), 22, 7);
            if (night != NightClock.NotNight && night != lastNight)
            {
                nights++;
                lastNight = night;
            }
        }

        long start = p.TimeMs[members[0]];
        long end = p.TimeMs[members[^1]];
        return new Stay(device, centreLat, centreLon, start, end, members.Count, members[0], members[^1], nights, maxGap);
    }

    /// <summary>The smallest value whose cumulative weight, in the runtime's sort order, reaches half the total.</summary>
    private static double WeightedMedian(double[] values, double[] weights, double total)
    {
        values.AsSpan().Sort(weights.AsSpan());
        double cumulative = 0;
        for (int i = 0; i < values.Length; i++)
        {
            cumulative += weights[i];
            if (cumulative >= total / 2)
            {
                return values[i];
            }
        }

        return values[^1];
    }
}
