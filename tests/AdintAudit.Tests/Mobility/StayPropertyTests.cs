using AdintAudit.Data;
using AdintAudit.Geo;
using AdintAudit.Mobility;
using FsCheck;
using FsCheck.Fluent;

namespace AdintAudit.Tests.Mobility;

public sealed class StayPropertyTests
{
    private static readonly StayMethod[] s_methods = [StayMethod.Adtech, StayMethod.Skmob, StayMethod.Trackintel];

    /// <summary>Random walks of a few devices: steps of 0–40 minutes, mostly staying near a few anchors, sometimes jumping.</summary>
    private static Arbitrary<PingTable> Traces() => Gen.Choose(0, int.MaxValue).Select(seed =>
    {
        var rng = new Random(seed);
        var ids = new List<string>();
        var times = new List<long>();
        var lats = new List<double>();
        var lons = new List<double>();
        var accs = new List<float>();
        int devices = rng.Next(1, 4);
        for (int d = 0; d < devices; d++)
        {
            long t = 1_700_000_000_000L + (rng.Next(0, 86_400) * 1000L);
            double lat = 48.0 + rng.NextDouble();
            double lon = 11.0 + rng.NextDouble();
            int n = rng.Next(0, 120);
            for (int i = 0; i < n; i++)
            {
                t += rng.Next(0, 40 * 60) * 1000L;
                if (rng.NextDouble() < 0.1)
                {
                    lat += (rng.NextDouble() - 0.5) * 0.05;
                    lon += (rng.NextDouble() - 0.5) * 0.05;
                }

                ids.Add($"dev{d}");
                times.Add(t);
                lats.Add(lat + ((rng.NextDouble() - 0.5) * 0.002));
                lons.Add(lon + ((rng.NextDouble() - 0.5) * 0.002));
                accs.Add(rng.NextDouble() < 0.1 ? 1000f : (float)(5 + (rng.NextDouble() * 100)));
            }
        }

        return PingTable.FromRows([.. ids], [.. times], [.. lats], [.. lons], [.. accs]);
    }).ToArbitrary();

    [Fact]
    public void Detect_anyTrace_staysAreTimeOrderedAndNeverOverlap() =>
        Prop.ForAll(Traces(), pings =>
        {
            foreach (StayMethod method in s_methods)
            {
                StayTable stays = StayDetector.Detect(pings, new StayOptions { Method = method }, localTime: LocalTime.Utc);
                for (int d = 0; d < stays.DeviceCount; d++)
                {
                    for (int i = stays.DeviceStart[d]; i < stays.DeviceStart[d + 1]; i++)
                    {
                        if (stays.EndMs[i] < stays.StartMs[i] || (i > stays.DeviceStart[d] && stays.StartMs[i] < stays.EndMs[i - 1]))
                        {
                            return false;
                        }
                    }
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Detect_adtech_membersLieInsideTheRadiusOfTheAnchorAndLastAtLeastTheMinimum() =>
        Prop.ForAll(Traces(), pings =>
        {
            var options = new StayOptions();
            StayTable stays = StayDetector.Detect(pings, options, localTime: LocalTime.Utc);
            for (int i = 0; i < stays.Count; i++)
            {
                int anchor = stays.FirstPing[i];
                int last = stays.LastPing[i];
                double toLast = Haversine.Meters(pings.Lat[anchor], pings.Lon[anchor], pings.Lat[last], pings.Lon[last]);
                double toCentre = Haversine.Meters(pings.Lat[anchor], pings.Lon[anchor], stays.Lat[i], stays.Lon[i]);
                if (toLast > options.RadiusMeters * 1.005 || toCentre > options.RadiusMeters * Math.Sqrt(2) * 1.005
                    || stays.EndMs[i] - stays.StartMs[i] < options.MinDurationMinutes * 60_000)
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Detect_skmob_everyStayLongerThanMinutesForAStop() =>
        Prop.ForAll(Traces(), pings =>
        {
            StayTable stays = StayDetector.Detect(pings, new StayOptions { Method = StayMethod.Skmob });
            for (int i = 0; i < stays.Count; i++)
            {
                if (stays.EndMs[i] - stays.StartMs[i] <= 20 * 60_000)
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Detect_reversedRowOrderWithDistinctTimes_sameStays() =>
        Prop.ForAll(Traces(), pings =>
        {
            int n = pings.Count;
            int[] reversed = [.. Enumerable.Range(0, n).Reverse()];
            PingTable copy = PingTable.FromRows([.. reversed.Select(i => pings.DeviceIds[pings.Device[i]])], [.. reversed.Select(i => pings.TimeMs[i])],
                [.. reversed.Select(i => pings.Lat[i])], [.. reversed.Select(i => pings.Lon[i])], [.. reversed.Select(i => pings.AccuracyM[i])]);
            bool distinct = Enumerable.Range(1, Math.Max(0, n - 1)).All(i => pings.Device[i] != pings.Device[i - 1] || pings.TimeMs[i] != pings.TimeMs[i - 1]);
            foreach (StayMethod method in s_methods)
            {
                StayTable a = StayDetector.Detect(pings, new StayOptions { Method = method }, localTime: LocalTime.Utc);
                StayTable b = StayDetector.Detect(copy, new StayOptions { Method = method }, localTime: LocalTime.Utc);
                if (distinct && (!a.StartMs.SequenceEqual(b.StartMs) || !a.Lat.SequenceEqual(b.Lat)))
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
}
