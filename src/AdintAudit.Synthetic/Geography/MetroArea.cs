using AdintAudit.Synthetic.Randomness;

namespace AdintAudit.Synthetic.Geography;

/// <summary>
/// The synthetic metro area (spec §1.1): a core city and eight suburban towns around a centre, with population
/// weights for homes and job weights for workplaces, a local metric projection, and the country centroid that
/// IP geolocation falls back to.
/// </summary>
internal sealed class MetroArea
{
    private static readonly (string Name, double DistanceKm, double BearingDeg, double Population, double Jobs, double SpreadKm, double IpRadiusKm)[] s_layout =
    [
        ("Altmitte", 0, 0, 0.46, 0.62, 5.5, 22),
        ("Nordheim", 16, 10, 0.08, 0.05, 2.6, 8),
        ("Ostfeld", 19, 80, 0.07, 0.06, 2.4, 7),
        ("Suedhafen", 14, 170, 0.08, 0.07, 2.8, 9),
        ("Westwald", 21, 265, 0.06, 0.04, 2.2, 6),
        ("Lindenau", 24, 40, 0.06, 0.04, 2.0, 6),
        ("Birkenhain", 26, 130, 0.06, 0.05, 2.2, 6),
        ("Eichstedt", 23, 215, 0.07, 0.04, 2.4, 7),
        ("Rosenbrueck", 28, 310, 0.06, 0.03, 2.0, 5),
    ];

    private readonly double[] _populationCumulative;
    private readonly double[] _jobCumulative;

    public MetroArea(double centerLatitude, double centerLongitude)
    {
        Projection = new LocalProjection(centerLatitude, centerLongitude);
        Towns = new Town[s_layout.Length];
        _populationCumulative = new double[s_layout.Length];
        _jobCumulative = new double[s_layout.Length];
        double population = 0, jobs = 0;
        for (int i = 0; i < s_layout.Length; i++)
        {
            var t = s_layout[i];
            double bearing = t.BearingDeg * Math.PI / 180;
            Towns[i] = new Town(t.Name, t.DistanceKm * 1000 * Math.Sin(bearing), t.DistanceKm * 1000 * Math.Cos(bearing),
                t.Population, t.Jobs, t.SpreadKm * 1000, t.IpRadiusKm * 1000);
            population += t.Population;
            jobs += t.Jobs;
            _populationCumulative[i] = population;
            _jobCumulative[i] = jobs;
        }

        for (int i = 0; i < s_layout.Length; i++)
        {
            _populationCumulative[i] /= population;
            _jobCumulative[i] /= jobs;
        }

        // The country's population centroid, about 300 km from the metro: the "Kansas farm" of IP geolocation.
        CountryCentroidLatitude = Math.Round(centerLatitude - 1.3, 4);
        CountryCentroidLongitude = Math.Round(centerLongitude - 2.95, 4);
    }

    public LocalProjection Projection { get; }

    public Town[] Towns { get; }

    public double CountryCentroidLatitude { get; }

    public double CountryCentroidLongitude { get; }

    /// <summary>Half the side of the square that holds practically every home, metres.</summary>
    public static double ExtentMeters => 45_000;

    /// <summary>Draws a home location, metres from the centre: a town by population weight, then a normal offset.</summary>
    public (double X, double Y) SampleHome(ref SplitMix64 rng) => Sample(ref rng, _populationCumulative, 1.0);

    /// <summary>Draws a job location: a town by job weight, then a tighter normal offset (jobs cluster more than homes).</summary>
    public (double X, double Y) SampleJob(ref SplitMix64 rng) => Sample(ref rng, _jobCumulative, 0.6);

    /// <summary>Returns the index of the town whose centre is nearest to the point.</summary>
    public int NearestTown(double x, double y)
    {
        int best = 0;
        double bestDistance = double.MaxValue;
        for (int i = 0; i < Towns.Length; i++)
        {
            double dx = Towns[i].XMeters - x, dy = Towns[i].YMeters - y;
            double d = (dx * dx) + (dy * dy);
            if (d < bestDistance)
            {
                bestDistance = d;
                best = i;
            }
        }

        return best;
    }

    private (double X, double Y) Sample(ref SplitMix64 rng, double[] cumulative, double spreadFactor)
    {
        double u = rng.NextDouble();
        int town = 0;
        while (town < cumulative.Length - 1 && u >= cumulative[town])
        {
            town++;
        }

        Town t = Towns[town];
        (double dx, double dy) = rng.NextNormalPair();
        double spread = t.SpreadMeters * spreadFactor;
        double x = Math.Clamp(t.XMeters + (dx * spread), -ExtentMeters, ExtentMeters);
        double y = Math.Clamp(t.YMeters + (dy * spread), -ExtentMeters, ExtentMeters);
        return (x, y);
    }
}
