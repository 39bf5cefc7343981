using AdintAudit.Data;
using AdintAudit.Geo;
using AdintAudit.Mobility;
using FsCheck;
using FsCheck.Fluent;

namespace AdintAudit.Tests.Mobility;

public sealed class PlaceClustererTests
{
    [Fact]
    public void Skmob_toyFirstTwentyRowsAsStays_labelsRankedBySize()
    {
        StayTable stays = StayTable.FromPings(FirstTwentyRows());

        PlaceTable places = PlaceClusterer.Cluster(stays, new PlaceOptions { Method = PlaceMethod.Skmob });

        Assert.Equal([3, 2, 1, 0, 0, 2, 0, 1, 3, 2, 1, 0, 2, 1, 0, 2, 1, 0, 1, 0], places.PlaceOfStay.ToArray());
    }

    [Fact]
    public void Skmob_toyWithFortyKilometers_labelsOfTheDocumentedCase()
    {
        StayTable stays = StayTable.FromPings(FirstTwentyRows());

        PlaceTable places = PlaceClusterer.Cluster(stays, new PlaceOptions { Method = PlaceMethod.Skmob, SkmobClusterRadiusKm = 40 });

        Assert.Equal([0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 1, 0, 0, 0], places.PlaceOfStay.ToArray());
    }

    [Fact]
    public void Trackintel_hundredMetresEastWestAt47N_seenAs148MetresAndSplit()
    {
        double lat = 47.4;
        double dLon = 100.0 / (Haversine.EarthRadiusMeters * Math.Cos(lat * Math.PI / 180)) * 180 / Math.PI * 0.9;
        StayTable stays = StayTable.FromPings(PingTable.FromRows(["u", "u"], [0, 1], [lat, lat], [8.0, 8.0 + dLon]));

        PlaceTable compat = PlaceClusterer.Cluster(stays, new PlaceOptions { Method = PlaceMethod.Trackintel });
        PlaceTable ours = PlaceClusterer.Cluster(stays, new PlaceOptions());

        Assert.Equal([0, 1], compat.PlaceOfStay.ToArray());
        Assert.Equal([0, 0], ours.PlaceOfStay.ToArray());
        Assert.Equal(147.7, Haversine.Meters(8.0, lat, 8.0 + (dLon / 0.9), lat), 0.1);
    }

    [Fact]
    public void Default_chainOfStaysWithinEps_isOnePlaceWithDurationWeightedCentre()
    {
        PingTable pings = PingTable.FromRows(["d", "d", "d"], [0, 1, 2], [45.0, 45.0005, 45.0010], [7.0, 7.0, 7.0]);
        StayTable stays = StayTable.FromPings(pings);

        PlaceTable places = PlaceClusterer.Cluster(stays);

        Assert.Equal(1, places.Count);
        Assert.Equal(3, places.StayCount[0]);
        Assert.Equal(45.0005, places.Lat[0], 1e-9);
    }

    [Fact]
    public void Default_manyStays_gridMatchesBruteForce()
    {
        var rng = new Random(7);
        int n = 2000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = 48.85 + (rng.NextDouble() * 0.05);
            y[i] = 2.35 + (rng.NextDouble() * 0.05);
        }

        int[] labels = new int[n];
        double eps = 100 / Haversine.EarthRadiusMeters;

        int count = PlaceClusterer.Dbscan(x, y, PlaceMethod.Default, eps, 1, labels);

        int[] expected = BruteForceComponents(x, y, eps);
        Assert.Equal(expected.Max() + 1, count);
        Assert.Equal(expected, labels);
    }

    [Fact]
    public void Default_duplicatesAtTwoSpotsJustOverEpsApart_linearDistanceTests()
    {
        // Two spots 100.05 m apart (eps 100 m; grid cells of 100.1 m, so neighbouring cells) with k identical pings each,
        // interleaved. Before duplicates were collapsed every ping of one spot rescanned the other spot's unlabelled pings
        // in the neighbouring cell: about k² / 2 = 12.5 M tests. Collapsed, DBSCAN sees 2 distinct points: a handful.
        int k = 5_000;
        double[] x = new double[2 * k];
        double[] y = new double[2 * k];
        double east = 100.05 / (Haversine.EarthRadiusMeters * Haversine.DegreesToRadians * Math.Cos(48.85 * Haversine.DegreesToRadians));
        for (int i = 0; i < 2 * k; i++)
        {
            x[i] = 48.85;
            y[i] = 2.35 + (i % 2 * east);
        }

        int[] labels = new int[2 * k];
        var scratch = new PlaceClusterer.DbscanScratch();

        int count = PlaceClusterer.Dbscan(x, y, PlaceMethod.Default, 100 / Haversine.EarthRadiusMeters, 1, labels, scratch);

        Assert.Equal(2, count);
        Assert.All(Enumerable.Range(0, 2 * k), i => Assert.Equal(i % 2, labels[i]));
        Assert.True(scratch.DistanceTests <= 2 * k, FormattableString.Invariant($"{scratch.DistanceTests} distance tests for {2 * k} points"));
    }

    [Fact]
    public void Default_pointsWithDuplicates_matchBruteForce() =>
        // Up to 120 points on 25 spots, 5 rows 70 m apart (linked by eps 100 m) by 5 columns 120 m apart (not linked,
        // diagonals 139 m), two random spots left out so columns split: several clusters, most points duplicates. The
        // collapsed run must give the brute-force labels, numbered in the same order.
        Prop.ForAll(
            Gen.ListOf(Gen.Choose(0, 24)).Select(spots => spots.Take(120).ToArray()).ToArbitrary(),
            Gen.Choose(0, 24).SelectMany(a => Gen.Choose(0, 24).Select(b => (a, b))).ToArbitrary(),
            (int[] spots, (int A, int B) holes) =>
            {
                double metreDegrees = 1 / (Haversine.EarthRadiusMeters * Haversine.DegreesToRadians);
                double cos = Math.Cos(48.85 * Haversine.DegreesToRadians);
                int[] kept = [.. spots.Where(s => s != holes.A && s != holes.B)];
                double[] x = [.. kept.Select(s => 48.85 + (s / 5 * 70 * metreDegrees))];
                double[] y = [.. kept.Select(s => 2.35 + (s % 5 * 120 * metreDegrees / cos))];
                int[] labels = new int[x.Length];
                double eps = 100 / Haversine.EarthRadiusMeters;
                int count = PlaceClusterer.Dbscan(x, y, PlaceMethod.Default, eps, 1, labels);
                int[] expected = BruteForceComponents(x, y, eps);
                return count == (expected.Length == 0 ? 0 : expected.Max() + 1) && labels.SequenceEqual(expected);
            })
        .Check(Config.QuickThrowOnFailure.WithMaxTest(300));

    private static int[] BruteForceComponents(double[] x, double[] y, double eps)
    {
        int n = x.Length;
        int[] label = Enumerable.Repeat(-1, n).ToArray();
        int next = 0;
        for (int i = 0; i < n; i++)
        {
            if (label[i] >= 0)
            {
                continue;
            }

            var stack = new Stack<int>();
            stack.Push(i);
            label[i] = next;
            while (stack.Count > 0)
            {
                int v = stack.Pop();
                for (int w = 0; w < n; w++)
                {
                    if (label[w] < 0 && Haversine.CentralAngle(x[v], y[v], x[w], y[w]) <= eps)
                    {
                        label[w] = next;
                        stack.Push(w);
                    }
                }
            }

            next++;
        }

        return label;
    }

    private static PingTable FirstTwentyRows()
    {
        PingTable toy = MobilityFixtures.Toy();
        bool[] keep = new bool[toy.Count];
        keep.AsSpan(0, 20).Fill(true);
        return toy.Filter(keep, dropEmptyDevices: true);
    }
}
