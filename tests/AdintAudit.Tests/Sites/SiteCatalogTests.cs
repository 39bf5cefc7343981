using System.Text;
using AdintAudit.Data;
using AdintAudit.Sites;

namespace AdintAudit.Tests.Sites;

public sealed class SiteCatalogTests
{
    private const string Square = "[[[13.40,52.50],[13.41,52.50],[13.41,52.51],[13.40,52.51],[13.40,52.50]]]";

    internal static SiteCatalog Parse(string json) => SiteCatalog.Parse(Encoding.UTF8.GetBytes(json), "sites.geojson");

    internal static string Collection(params string[] features) =>
        "{\"type\":\"FeatureCollection\",\"features\":[" + string.Join(",", features) + "]}";

    internal static string Feature(string properties, string geometry) =>
        "{\"type\":\"Feature\",\"properties\":{" + properties + "},\"geometry\":" + geometry + "}";

    [Fact]
    public void Parse_polygon_reads_properties_and_centroid()
    {
        string json = Collection(Feature("\"site_id\":12,\"name\":\"Clinic\",\"category\":\"medical\"", "{\"type\":\"Polygon\",\"coordinates\":" + Square + "}"));

        SiteCatalog catalog = Parse(json);

        SensitiveSite site = Assert.Single(catalog.Sites);
        Assert.Equal("12", site.SiteId);
        Assert.Equal("Clinic", site.Name);
        Assert.Equal("medical", site.Category);
        Assert.Equal(SiteShape.Polygon, site.Shape);
        Assert.True(double.IsNaN(site.RadiusMeters));
        // The square's centroid is its centre: (13.40 + 13.41) / 2, (52.50 + 52.51) / 2.
        Assert.Equal(52.505, site.CentroidLat, 9);
        Assert.Equal(13.405, site.CentroidLon, 9);
    }

    [Fact]
    public void Parse_multipolygon_with_hole_and_point_with_radius()
    {
        const string WithHole = "[[[0,0],[4,0],[4,4],[0,4],[0,0]],[[1,1],[1,2],[2,2],[2,1],[1,1]]]";
        const string Far = "[[[10,10],[11,10],[11,11],[10,11],[10,10]]]";
        string json = Collection(
            Feature("\"category\":\"religious\"", "{\"type\":\"MultiPolygon\",\"coordinates\":[" + WithHole + "," + Far + "]}"),
            Feature("\"site_id\":\"base-1\",\"category\":\"military\",\"radius_m\":250", "{\"type\":\"Point\",\"coordinates\":[13.5,52.6,34.0]}"),
            Feature("\"category\":\"future_category\",\"name\":null", "{\"type\":\"Polygon\",\"coordinates\":" + Square + "}"));

        SiteCatalog catalog = Parse(json);

        Assert.Equal(3, catalog.Count);
        Assert.Equal(SiteShape.MultiPolygon, catalog.Sites[0].Shape);
        Assert.Equal("0", catalog.Sites[0].SiteId); // no site_id: the feature index
        Assert.Equal("site 0", catalog.Sites[0].Name);
        Assert.True(catalog.Locator.IsAt(0, 3, 3)); // lat 3, lon 3: in the big square, outside the hole
        Assert.False(catalog.Locator.IsAt(0, 1.5, 1.5)); // in the hole
        Assert.True(catalog.Locator.IsAt(0, 10.5, 10.5)); // the second polygon
        Assert.Equal(SiteShape.Point, catalog.Sites[1].Shape);
        Assert.Equal(250, catalog.Sites[1].RadiusMeters);
        Assert.Equal((52.6, 13.5), (catalog.Sites[1].CentroidLat, catalog.Sites[1].CentroidLon));
        Assert.Equal("future_category", catalog.Sites[2].Category);
        Assert.Equal("site 2", catalog.Sites[2].Name);
    }

    [Theory]
    [InlineData("[1,2]", "sites.geojson: expected a GeoJSON object with \"type\": \"FeatureCollection\"")]
    [InlineData("{\"type\":\"FeatureCollection\"}", "sites.geojson: the FeatureCollection needs a \"features\" array")]
    [InlineData("{\"type\":\"FeatureCollection\",\"features\":[", "sites.geojson: not valid JSON")]
    [InlineData("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"category\":\"x\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2]}}]}",
        "sites.geojson: feature 0: Point needs a numeric radius_m > 0")]
    public void Parse_rejects_bad_documents(string json, string message)
    {
        InputFormatException e = Assert.Throws<InputFormatException>(() => Parse(json));

        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"category\":\"x\",\"radius_m\":0", "{\"type\":\"Point\",\"coordinates\":[1,2]}", "radius_m must be a number > 0")]
    [InlineData("\"category\":\"x\",\"radius_m\":\"50\"", "{\"type\":\"Point\",\"coordinates\":[1,2]}", "radius_m must be a number > 0")]
    [InlineData("\"category\":\"x\",\"radius_m\":1e9", "{\"type\":\"Point\",\"coordinates\":[1,2]}", "radius_m must be a number > 0")]
    [InlineData("\"category\":\"x\",\"radius_m\":10", "{\"type\":\"Polygon\",\"coordinates\":" + Square + "}", "radius_m is only for Point sites")]
    [InlineData("\"name\":\"no category\"", "{\"type\":\"Polygon\",\"coordinates\":" + Square + "}", "needs a string \"category\" property")]
    [InlineData("\"category\":\"  \"", "{\"type\":\"Polygon\",\"coordinates\":" + Square + "}", "category is empty")]
    [InlineData("\"category\":\"x\",\"site_id\":[1]", "{\"type\":\"Polygon\",\"coordinates\":" + Square + "}", "site_id must be a string or a number")]
    [InlineData("\"category\":\"x\",\"name\":5", "{\"type\":\"Polygon\",\"coordinates\":" + Square + "}", "name must be a string")]
    [InlineData("\"category\":\"x\"", "{\"type\":\"LineString\",\"coordinates\":[[1,2],[3,4]]}", "geometry type must be Polygon, MultiPolygon or Point, not \"LineString\"")]
    [InlineData("\"category\":\"x\"", "null", "needs a \"geometry\" object")]
    [InlineData("\"category\":\"x\"", "{\"type\":\"Polygon\"}", "the geometry needs a \"coordinates\" array")]
    [InlineData("\"category\":\"x\"", "{\"type\":\"Polygon\",\"coordinates\":[]}", "a polygon is a non-empty array of rings")]
    [InlineData("\"category\":\"x\"", "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[0,0]]]}", "ring 0 has 3 positions; a closed ring needs at least 4")]
    [InlineData("\"category\":\"x\"", "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}", "ring 0 is not closed")]
    [InlineData("\"category\":\"x\"", "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,\"1\"],[0,0]]]}", "a position's longitude and latitude must be numbers")]
    [InlineData("\"category\":\"x\"", "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0],[0,0]]]}", "a position is an array [longitude, latitude]")]
    [InlineData("\"category\":\"x\",\"radius_m\":5", "{\"type\":\"Point\",\"coordinates\":[52.5,130]}", "position [52.5, 130] is outside")]
    [InlineData("\"category\":\"x\"", "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}", "invalid polygon: Self-intersection at [0.5, 0.5]")]
    [InlineData("\"category\":\"x\"", "{\"type\":\"MultiPolygon\",\"coordinates\":[]}", "MultiPolygon has no polygons")]
    public void Parse_rejects_a_bad_feature_naming_file_and_feature_index(string properties, string geometry, string problem)
    {
        // The bad feature is the second one (index 1), after a good one.
        string json = Collection(Feature("\"category\":\"medical\"", "{\"type\":\"Polygon\",\"coordinates\":" + Square + "}"), Feature(properties, geometry));

        InputFormatException e = Assert.Throws<InputFormatException>(() => Parse(json));

        Assert.StartsWith("sites.geojson: feature 1", e.Message, StringComparison.Ordinal);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_accepts_an_empty_collection_and_a_byte_order_mark()
    {
        byte[] json = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Collection())];

        SiteCatalog catalog = SiteCatalog.Parse(json, "empty.geojson");
        SiteExposureResult result = SiteExposureAnalyzer.Compute(SiteExposureAnalyzerTests.Pings(), catalog, null, null, null,
            ct: TestContext.Current.CancellationToken);

        Assert.Equal(0, catalog.Count);
        Assert.Empty(result.Sites);
        Assert.Empty(result.Categories);
        Assert.Equal(10, result.PingsCounted);
        Assert.Equal(0, result.PingsAtAnySite);
    }

    [Fact]
    public void Parse_rejects_invalid_utf8_naming_the_file()
    {
        byte[] json = [.. Encoding.UTF8.GetBytes("{\"type\":\"FeatureCollection\",\"features\":[],\"x\":\""), 0xC3, 0x28, .. "\"}"u8.ToArray()];

        InputFormatException e = Assert.Throws<InputFormatException>(() => SiteCatalog.Parse(json, "bad.geojson"));

        Assert.Equal("bad.geojson: not valid UTF-8 text", e.Message);
    }

    [Fact]
    public void Parse_rejects_duplicate_site_ids()
    {
        string feature = Feature("\"site_id\":\"a\",\"category\":\"medical\"", "{\"type\":\"Polygon\",\"coordinates\":" + Square + "}");

        InputFormatException e = Assert.Throws<InputFormatException>(() => Parse(Collection(feature, feature)));

        Assert.Equal("sites.geojson: feature 1: site_id a is used by an earlier feature", e.Message);
    }

    [Fact]
    public void Parse_rejects_nesting_deeper_than_the_limit()
    {
        string deep = new string('[', 100) + new string(']', 100);
        string json = Collection(Feature("\"category\":\"x\",\"extra\":" + deep, "{\"type\":\"Polygon\",\"coordinates\":" + Square + "}"));

        InputFormatException e = Assert.Throws<InputFormatException>(() => Parse(json));

        Assert.StartsWith("sites.geojson: not valid JSON", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_of_a_missing_file_names_the_file()
    {
        string path = Path.Combine(Path.GetTempPath(), "adint-no-such-dir", "sites.geojson");

        InputFormatException e = Assert.Throws<InputFormatException>(() => SiteCatalog.Load(path));

        Assert.StartsWith(path + ": cannot be read", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_reads_the_committed_sample_from_a_path_and_from_a_stream()
    {
        string path = Path.Combine(SharedData.RepoRoot, "data-synthetic", "sample", "sites.geojson");

        SiteCatalog fromPath = SiteCatalog.Load(path);
        using FileStream stream = File.OpenRead(path);
        SiteCatalog fromStream = SiteCatalog.Load(stream, "sample");

        Assert.Equal(277, fromPath.Count);
        Assert.Equal(277, fromStream.Count);
        Assert.All(fromPath.Sites, s => Assert.Equal(SiteShape.Polygon, s.Shape));
        Assert.Equal("850", fromPath.Sites[0].SiteId);
        Assert.Equal("education_childcare", fromPath.Sites[0].Category);
        Assert.Equal(98, fromPath.Sites.Count(s => s.Category == "medical"));
    }
}
