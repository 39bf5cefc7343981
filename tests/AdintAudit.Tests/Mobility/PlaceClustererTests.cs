using AdintAudit.Data;
using AdintAudit.Geo;
using AdintAudit.Mobility;

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
