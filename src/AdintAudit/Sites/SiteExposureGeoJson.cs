using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;

namespace AdintAudit.Sites;

/// <summary>
/// Writes the report's <c>sites.geojson</c>: every site with its exposure as feature properties. Aggregates only: no
/// device id, no home location.
/// </summary>
public static class SiteExposureGeoJson
{
    /// <summary>
    /// Writes a GeoJSON FeatureCollection: one feature per site (its polygon, or its point with <c>radius_m</c>) with the
    /// properties <c>site_id</c>, <c>name</c>, <c>category</c>, <c>devices</c>, <c>pings</c>, <c>days</c>,
    /// <c>dwell_ms</c>, <c>followed_home</c>, <c>median_home_distance_m</c>, <c>homes_within_1km</c>,
    /// <c>homes_within_5km</c>, <c>unique_by_home_work</c> and <c>staff</c>.
    /// </summary>
    /// <param name="output">Receives UTF-8 JSON; not closed.</param>
    /// <param name="sites">The catalog the result was computed on.</param>
    /// <param name="result">The exposure.</param>
    /// <param name="minDevicesForHomeFigures">
    /// The home-distance figures of a site (median, within 1 km and 5 km) are written as null unless at least this many
    /// followed-home devices stand behind them; default 5, the report's k. A median over one device is that device's
    /// home distance.
    /// </param>
    /// <exception cref="ArgumentException">The result was not computed on <paramref name="sites"/>.</exception>
    public static void Write(Stream output, SiteCatalog sites, SiteExposureResult result, int minDevicesForHomeFigures = 5)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Sites.Count != sites.Count)
        {
            throw new ArgumentException("the result belongs to another site catalog", nameof(result));
        }

        using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
        for (int s = 0; s < sites.Count; s++)
        {
            SensitiveSite site = sites.SiteArray[s];
            SiteExposure e = result.Sites[s];
            if (!ReferenceEquals(e.Site, site))
            {
                throw new ArgumentException("the result belongs to another site catalog", nameof(result));
            }

            bool homeFigures = e.FollowedHome >= minDevicesForHomeFigures;
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteStartObject("properties");
            if (long.TryParse(site.SiteId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long numericId))
            {
                json.WriteNumber("site_id", numericId);
            }
            else
            {
                json.WriteString("site_id", site.SiteId);
            }

            json.WriteString("name", site.Name);
            json.WriteString("category", site.Category);
            json.WriteNumber("devices", e.Devices);
            json.WriteNumber("pings", e.Pings);
            json.WriteNumber("days", e.Days);
            NumberOrNull(json, "dwell_ms", e.DwellMs);
            json.WriteNumber("followed_home", e.FollowedHome);
            NumberOrNull(json, "median_home_distance_m", homeFigures ? Math.Round(e.MedianHomeDistanceMeters, 1) : null);
            NumberOrNull(json, "homes_within_1km", homeFigures ? e.HomesWithin1Km : null);
            NumberOrNull(json, "homes_within_5km", homeFigures ? e.HomesWithin5Km : null);
            NumberOrNull(json, "unique_by_home_work", e.UniqueByHomeWork);
            json.WriteNumber("staff", e.Staff);
            if (site.Shape == SiteShape.Point)
            {
                json.WriteNumber("radius_m", site.RadiusMeters);
            }

            json.WriteEndObject();
            WriteGeometry(json, site.Geometry);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void NumberOrNull(Utf8JsonWriter json, string name, double? value)
    {
        if (value is double v && double.IsFinite(v))
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteGeometry(Utf8JsonWriter json, Geometry geometry)
    {
        json.WriteStartObject("geometry");
        switch (geometry)
        {
            case Point point:
                json.WriteString("type", "Point");
                json.WriteStartArray("coordinates");
                json.WriteNumberValue(point.X);
                json.WriteNumberValue(point.Y);
                json.WriteEndArray();
                break;
            case Polygon polygon:
                json.WriteString("type", "Polygon");
                json.WritePropertyName("coordinates");
                WriteRings(json, polygon);
                break;
            default:
                json.WriteString("type", "MultiPolygon");
                json.WriteStartArray("coordinates");
                for (int g = 0; g < geometry.NumGeometries; g++)
                {
                    WriteRings(json, (Polygon)geometry.GetGeometryN(g));
                }

                json.WriteEndArray();
                break;
        }

        json.WriteEndObject();
    }

    private static void WriteRings(Utf8JsonWriter json, Polygon polygon)
    {
        json.WriteStartArray();
        WriteRing(json, polygon.ExteriorRing.CoordinateSequence);
        for (int h = 0; h < polygon.NumInteriorRings; h++)
        {
            WriteRing(json, polygon.GetInteriorRingN(h).CoordinateSequence);
        }

        json.WriteEndArray();
    }

    private static void WriteRing(Utf8JsonWriter json, CoordinateSequence ring)
    {
        json.WriteStartArray();
        for (int i = 0; i < ring.Count; i++)
        {
            json.WriteStartArray();
            json.WriteNumberValue(ring.GetX(i));
            json.WriteNumberValue(ring.GetY(i));
            json.WriteEndArray();
        }

        json.WriteEndArray();
    }
}
