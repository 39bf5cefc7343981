using System.Text.Json;

namespace AdintAudit.Synthetic.Output;

/// <summary>Writes <c>sites.geojson</c>: the sensitive POIs as a FeatureCollection of Polygons with <c>site_id</c>, <c>name</c>, <c>category</c>, <c>is_critical_site</c>.</summary>
internal static class SitesGeoJson
{
    public static void Write(string path, IReadOnlyList<SyntheticPoi> pois)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
        foreach (SyntheticPoi poi in pois)
        {
            if (poi.SensitiveCategory is null)
            {
                continue;
            }

            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteStartObject("properties");
            json.WriteNumber("site_id", poi.PoiId);
            json.WriteString("name", poi.Name);
            json.WriteString("category", poi.SensitiveCategory);
            json.WriteString("poi_category", poi.Category);
            json.WriteBoolean("is_critical_site", poi.IsCriticalSite);
            json.WriteEndObject();
            json.WriteStartObject("geometry");
            json.WriteString("type", "Polygon");
            json.WriteStartArray("coordinates");
            json.WriteStartArray();
            for (int i = 0; i <= poi.Polygon.Count; i++)
            {
                var (lat, lon) = poi.Polygon[i % poi.Polygon.Count];
                json.WriteStartArray();
                json.WriteNumberValue(lon);
                json.WriteNumberValue(lat);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
