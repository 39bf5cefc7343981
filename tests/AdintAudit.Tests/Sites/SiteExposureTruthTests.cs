using AdintAudit.Data;
using AdintAudit.Sites;
using AdintAudit.Synthetic;
using AdintAudit.Synthetic.Output;
using AdintAudit.Tests.Mobility;

namespace AdintAudit.Tests.Sites;

/// <summary>The generated city (3,000 devices, 28 days) against the generator's truth of planted visits.</summary>
public sealed class SiteExposureTruthTests
{
    /// <summary>Writes the generator's own <c>sites.geojson</c> and loads it; maps each POI id to its site index.</summary>
    private static SiteCatalog SitesOf(SyntheticDataset dataset, out Dictionary<int, int> siteOfPoi)
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("adint-sites-").FullName, "sites.geojson");
        try
        {
            SitesGeoJson.Write(path, dataset.Pois);
            SiteCatalog sites = SiteCatalog.Load(path);
            siteOfPoi = sites.Sites.ToDictionary(s => int.Parse(s.SiteId, System.Globalization.CultureInfo.InvariantCulture), s => s.Index);
            return sites;
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true); // a combined path always has a folder
        }
    }

    [Fact]
    public void Every_planted_visit_with_a_ping_in_the_polygon_puts_its_device_at_the_site()
    {
        (PingTable pings, SyntheticDataset dataset) = GeneratedData.Mixed;
        SiteCatalog sites = SitesOf(dataset, out Dictionary<int, int> siteOfPoi);
        // The truth counts a visit's pings inside the polygon whatever their accuracy, so the filter is off here.
        var everyPing = new SiteExposureOptions { MaxAccuracyMeters = double.PositiveInfinity };

        SiteExposureResult result = SiteExposureAnalyzer.Compute(pings, sites, null, null, null, options: everyPing,
            ct: TestContext.Current.CancellationToken);

        // Device sets per site, by brute force over every ping (the aggregates hold no ids).
        var found = new HashSet<(int Site, string Device)>();
        for (int i = 0; i < pings.Count; i++)
        {
            foreach (int s in sites.Locator.Candidates(pings.Lat[i], pings.Lon[i]))
            {
                if (sites.Locator.IsAt(s, pings.Lat[i], pings.Lon[i]))
                {
                    found.Add((s, pings.DeviceIds[pings.Device[i]]));
                }
            }
        }

        var planted = dataset.Visits
            .Where(v => v.PingsInPolygon > 0 && siteOfPoi.ContainsKey(v.PoiId))
            .Select(v => (Site: siteOfPoi[v.PoiId], v.DeviceId))
            .ToHashSet();
        Assert.NotEmpty(planted);
        Assert.True(planted.IsSubsetOf(found), $"{planted.Count(p => !found.Contains(p))} planted (site, device) pairs missed");
        for (int s = 0; s < sites.Count; s++)
        {
            Assert.Equal(found.Count(f => f.Site == s), result.Sites[s].Devices);
        }
    }
}
