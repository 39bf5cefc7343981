using System.Text.Json;
using AdintAudit.Data;
using AdintAudit.Sites;

namespace AdintAudit.Tests.Sites;

public sealed class SiteExposureGeoJsonTests
{
    private static (SiteCatalog Sites, byte[] Json) Written(int minDevices)
    {
        SiteCatalog sites = SiteExposureAnalyzerTests.Sites();
        PingTable pings = SiteExposureAnalyzerTests.Pings();
        SiteExposureResult result = SiteExposureAnalyzer.Compute(pings, sites, null, SiteExposureAnalyzerTests.Homes(pings), null, [1, 1, 2, 1, 0],
            ct: TestContext.Current.CancellationToken);
        using var output = new MemoryStream();
        SiteExposureGeoJson.Write(output, sites, result, minDevices);
        return (sites, output.ToArray());
    }

    [Fact]
    public void Write_puts_the_aggregates_on_each_site_feature()
    {
        (_, byte[] json) = Written(minDevices: 3);

        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement[] features = [.. document.RootElement.GetProperty("features").EnumerateArray()];

        Assert.Equal(2, features.Length);
        JsonElement a = features[0].GetProperty("properties");
        Assert.Equal("clinic", a.GetProperty("site_id").GetString());
        Assert.Equal(3, a.GetProperty("devices").GetInt32());
        Assert.Equal(5, a.GetProperty("pings").GetInt64());
        Assert.Equal(JsonValueKind.Null, a.GetProperty("dwell_ms").ValueKind); // no stays given
        Assert.Equal(1667.9, a.GetProperty("median_home_distance_m").GetDouble()); // 3 followed home ≥ k = 3
        Assert.Equal(2, a.GetProperty("homes_within_5km").GetInt32());
        Assert.Equal(2, a.GetProperty("unique_by_home_work").GetInt32());
        Assert.Equal(2, a.GetProperty("staff").GetInt32());
        JsonElement b = features[1].GetProperty("properties");
        Assert.Equal(7, b.GetProperty("site_id").GetInt32()); // numeric ids stay numbers
        Assert.Equal(200, b.GetProperty("radius_m").GetDouble());
        Assert.Equal(JsonValueKind.Null, b.GetProperty("median_home_distance_m").ValueKind); // 1 followed home < k = 3
        Assert.Equal("Point", features[1].GetProperty("geometry").GetProperty("type").GetString());
    }

    [Fact]
    public void Write_output_loads_back_as_the_same_sites_and_holds_no_device_id()
    {
        (SiteCatalog sites, byte[] json) = Written(minDevices: 5);

        SiteCatalog again = SiteCatalog.Parse(json, "report/sites.geojson");
        string text = System.Text.Encoding.UTF8.GetString(json);

        Assert.Equal(sites.Sites.Select(s => (s.SiteId, s.Name, s.Category, s.Shape)), again.Sites.Select(s => (s.SiteId, s.Name, s.Category, s.Shape)));
        Assert.True(sites.Sites[0].Geometry.EqualsExact(again.Sites[0].Geometry));
        Assert.DoesNotContain("\"d1\"", text, StringComparison.Ordinal);
    }
}
