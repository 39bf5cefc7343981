using System.Globalization;
using System.Text;
using AdintAudit.Data;
using AdintAudit.Geo;
using AdintAudit.Sites;
using FsCheck;
using FsCheck.Fluent;
using NetTopologySuite.Geometries;

namespace AdintAudit.Tests.Sites;

public sealed class SiteLocatorTests
{
    private static readonly Lazy<SiteCatalog> s_sample = new(() =>
        SiteCatalog.Load(Path.Combine(SharedData.RepoRoot, "data-synthetic", "sample", "sites.geojson")));

    /// <summary>Point sites at several latitudes (equator to 80° S) with radii from 50 m to 5 km.</summary>
    private static readonly Lazy<SiteCatalog> s_points = new(() =>
    {
        (double Lat, double Lon, double Radius)[] points = [(0, 10, 50), (52.5, 13.4, 200), (52.5005, 13.4003, 150), (70, -20, 5000), (-80, 100, 1000)];
        string features = string.Join(",", points.Select((p, i) => string.Create(CultureInfo.InvariantCulture,
            $"{{\"type\":\"Feature\",\"properties\":{{\"category\":\"protest\",\"radius_m\":{p.Radius}}},\"geometry\":{{\"type\":\"Point\",\"coordinates\":[{p.Lon},{p.Lat}]}}}}")));
        return SiteCatalog.Parse(Encoding.UTF8.GetBytes("{\"type\":\"FeatureCollection\",\"features\":[" + features + "]}"), "points");
    });

    /// <summary>Random points near random sites: a site, then an offset of up to 1.5 times its envelope's size.</summary>
    private static Arbitrary<(double Lat, double Lon)[]> NearSites(SiteCatalog catalog) =>
        Gen.Choose(0, catalog.Count - 1)
            .SelectMany(s => Gen.Choose(-1_500_000, 1_500_000).Two(), (s, offset) =>
            {
                Envelope e = catalog.Sites[s].Shape == SiteShape.Point
                    ? Box(catalog.Sites[s])
                    : catalog.Sites[s].Geometry.EnvelopeInternal;
                double lat = e.Centre.Y + (offset.Item1 / 1e6 * e.Height);
                double lon = e.Centre.X + (offset.Item2 / 1e6 * e.Width);
                return (lat, lon);
            })
            .ArrayOf()
            .ToArbitrary();

    private static Envelope Box(SensitiveSite site)
    {
        double dLat = site.RadiusMeters / GridCell.MetersPerDegreeLatitude;
        double dLon = dLat / Math.Cos(site.CentroidLat * Math.PI / 180);
        return new Envelope(site.CentroidLon - dLon, site.CentroidLon + dLon, site.CentroidLat - dLat, site.CentroidLat + dLat);
    }

    /// <summary>The brute force: every site, NTS <c>Covers</c> (inside or on the boundary) or the haversine radius.</summary>
    private static bool BruteForceAtAnySite(SiteCatalog catalog, double lat, double lon)
    {
        var point = new Point(lon, lat);
        foreach (SensitiveSite site in catalog.Sites)
        {
            bool at = site.Shape == SiteShape.Point
                ? Haversine.Meters(lat, lon, site.CentroidLat, site.CentroidLon) <= site.RadiusMeters
                : site.Geometry.Covers(point);
            if (at)
            {
                return true;
            }
        }

        return false;
    }

    private static bool MaskAgreesWithBruteForce(SiteCatalog catalog, (double Lat, double Lon)[] points)
    {
        int n = points.Length;
        PingTable pings = PingTable.FromRows([.. Enumerable.Repeat("d", n)], [.. Enumerable.Range(0, n).Select(i => (long)i)],
            [.. points.Select(p => p.Lat)], [.. points.Select(p => p.Lon)], [.. Enumerable.Repeat(5f, n)]);

        bool[] mask = SiteExposureAnalyzer.AtSiteMask(pings, catalog, ct: TestContext.Current.CancellationToken);

        for (int i = 0; i < n; i++)
        {
            // FromRows keeps the input order: one device, strictly increasing times.
            if (mask[i] != BruteForceAtAnySite(catalog, points[i].Lat, points[i].Lon))
            {
                return false;
            }
        }

        return true;
    }

    [Fact]
    public void AtSiteMask_agrees_with_brute_force_point_in_polygon_on_the_sample_sites() =>
        Prop.ForAll(NearSites(s_sample.Value), points => MaskAgreesWithBruteForce(s_sample.Value, points))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(300));

    [Fact]
    public void AtSiteMask_agrees_with_the_haversine_radius_of_point_sites() =>
        Prop.ForAll(NearSites(s_points.Value), points => MaskAgreesWithBruteForce(s_points.Value, points))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(300));

    [Fact]
    public void Candidates_reject_points_outside_every_site_and_nan()
    {
        SiteLocator locator = s_sample.Value.Locator;

        Assert.True(locator.Candidates(0, 0).IsEmpty);
        Assert.True(locator.Candidates(double.NaN, 13.4).IsEmpty);
        Assert.True(locator.Candidates(52.5, double.NaN).IsEmpty);
    }

    [Fact]
    public void SitesNear_uses_the_tolerance_outside_a_polygon_edge()
    {
        SiteCatalog catalog = SiteExposureAnalyzerTests.Sites();
        // 45 m east of the square's east edge at lat 52.505: 45 / (111,194.93 · cos 52.505°) = 0.00066486° of longitude.
        double lon = 13.41 + 0.00066486;

        Assert.Equal([0], catalog.Locator.SitesNear(52.505, lon, 50));
        Assert.Empty(catalog.Locator.SitesNear(52.505, lon, 40));
        Assert.Equal(45, catalog.Locator.DistanceOutsideMeters(0, 52.505, lon), 2);
    }
}
