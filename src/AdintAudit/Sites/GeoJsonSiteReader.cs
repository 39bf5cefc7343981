using System.Globalization;
using System.Text.Json;
using AdintAudit.Data;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace AdintAudit.Sites;

/// <summary>
/// Reads a GeoJSON FeatureCollection of sensitive sites, treating the text as hostile: bounded size, depth and
/// coordinate counts, and every problem reported as an <see cref="InputFormatException"/> naming the source and the
/// feature index.
/// </summary>
internal static class GeoJsonSiteReader
{
    /// <summary>Largest accepted file: 256 MiB.</summary>
    public const long MaxBytes = 256L << 20;

    /// <summary>Deepest JSON nesting accepted (a MultiPolygon's coordinates are 4 arrays deep inside 4 objects/arrays).</summary>
    public const int MaxDepth = 64;

    /// <summary>Most features accepted.</summary>
    public const int MaxFeatures = 1_000_000;

    /// <summary>Most positions in one feature.</summary>
    public const int MaxPositionsPerFeature = 1_000_000;

    /// <summary>Most positions in the whole file.</summary>
    public const long MaxPositions = 20_000_000;

    /// <summary>Largest accepted <c>radius_m</c> of a point site: 50 km.</summary>
    public const double MaxRadiusMeters = 50_000;

    private static readonly GeometryFactory s_factory = new(new PrecisionModel(), 4326);

    public static List<SensitiveSite> Read(ReadOnlyMemory<byte> utf8, string source)
    {
        if (utf8.Length > MaxBytes)
        {
            throw new InputFormatException($"{source}: {utf8.Length} bytes is more than the {MaxBytes} a site file may have");
        }

        if (utf8.Span.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..]; // a UTF-8 byte order mark, as Windows tools write
        }

        if (!System.Text.Unicode.Utf8.IsValid(utf8.Span))
        {
            throw new InputFormatException($"{source}: not valid UTF-8 text");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException e)
        {
            throw new InputFormatException($"{source}: not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !IsString(root, "type", "FeatureCollection"))
            {
                throw new InputFormatException($"{source}: expected a GeoJSON object with \"type\": \"FeatureCollection\"");
            }

            if (!root.TryGetProperty("features", out JsonElement features) || features.ValueKind != JsonValueKind.Array)
            {
                throw new InputFormatException($"{source}: the FeatureCollection needs a \"features\" array");
            }

            int count = features.GetArrayLength();
            if (count > MaxFeatures)
            {
                throw new InputFormatException($"{source}: {count} features is more than the {MaxFeatures} accepted");
            }

            var sites = new List<SensitiveSite>(count);
            var ids = new HashSet<string>(StringComparer.Ordinal);
            long positions = 0;
            int index = 0;
            foreach (JsonElement feature in features.EnumerateArray())
            {
                SensitiveSite site;
                try
                {
                    site = ReadFeature(feature, index, $"{source}: feature {index}", ref positions);
                }
                catch (InvalidOperationException e)
                {
                    // JsonElement.GetString throws this for text it cannot transcode, such as an escaped lone surrogate.
                    throw new InputFormatException($"{source}: feature {index}: {e.Message}", e);
                }

                if (!ids.Add(site.SiteId))
                {
                    throw new InputFormatException($"{source}: feature {index}: site_id {site.SiteId} is used by an earlier feature");
                }

                sites.Add(site);
                index++;
            }

            return sites;
        }
    }

    private static SensitiveSite ReadFeature(JsonElement feature, int index, string where, ref long positions)
    {
        if (feature.ValueKind != JsonValueKind.Object || !IsString(feature, "type", "Feature"))
        {
            throw new InputFormatException($"{where}: expected an object with \"type\": \"Feature\"");
        }

        if (!feature.TryGetProperty("properties", out JsonElement properties) || properties.ValueKind != JsonValueKind.Object)
        {
            throw new InputFormatException($"{where}: needs a \"properties\" object with at least \"category\"");
        }

        string siteId = index.ToString(CultureInfo.InvariantCulture);
        if (properties.TryGetProperty("site_id", out JsonElement id))
        {
            siteId = id.ValueKind switch
            {
                JsonValueKind.String => id.GetString()!, // a String element always has a value
                JsonValueKind.Number => id.GetRawText(),
                _ => throw new InputFormatException($"{where}: site_id must be a string or a number"),
            };
        }

        string category = properties.TryGetProperty("category", out JsonElement c) && c.ValueKind == JsonValueKind.String
            ? c.GetString()!.Trim() // a String element always has a value
            : throw new InputFormatException($"{where}: needs a string \"category\" property");
        if (category.Length == 0)
        {
            throw new InputFormatException($"{where}: category is empty");
        }

        string name = $"site {siteId}";
        if (properties.TryGetProperty("name", out JsonElement n) && n.ValueKind != JsonValueKind.Null)
        {
            name = n.ValueKind == JsonValueKind.String ? n.GetString()! : throw new InputFormatException($"{where}: name must be a string");
        }

        double radius = double.NaN;
        if (properties.TryGetProperty("radius_m", out JsonElement r) && r.ValueKind != JsonValueKind.Null)
        {
            if (r.ValueKind != JsonValueKind.Number || !r.TryGetDouble(out radius) || !(radius > 0) || radius > MaxRadiusMeters)
            {
                throw new InputFormatException($"{where}: radius_m must be a number > 0 and <= {MaxRadiusMeters} (meters)");
            }
        }

        if (!feature.TryGetProperty("geometry", out JsonElement geometry) || geometry.ValueKind != JsonValueKind.Object)
        {
            throw new InputFormatException($"{where}: needs a \"geometry\" object");
        }

        if (!geometry.TryGetProperty("coordinates", out JsonElement coordinates) || coordinates.ValueKind != JsonValueKind.Array)
        {
            throw new InputFormatException($"{where}: the geometry needs a \"coordinates\" array");
        }

        string type = geometry.TryGetProperty("type", out JsonElement t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
        int featurePositions = 0;
        switch (type)
        {
            case "Point":
                if (double.IsNaN(radius))
                {
                    throw new InputFormatException($"{where}: Point needs a numeric radius_m > 0");
                }

                Coordinate at = ReadPosition(coordinates, where);
                positions++;
                return new SensitiveSite(index, siteId, name, category, SiteShape.Point, s_factory.CreatePoint(at), radius);
            case "Polygon":
                {
                    RejectRadius(radius, where);
                    Polygon polygon = ReadPolygon(coordinates, where, ref featurePositions);
                    positions += featurePositions;
                    CheckTotal(positions, where);
                    return new SensitiveSite(index, siteId, name, category, SiteShape.Polygon, Validated(polygon, where), double.NaN);
                }

            case "MultiPolygon":
                {
                    RejectRadius(radius, where);
                    int parts = coordinates.GetArrayLength();
                    if (parts == 0)
                    {
                        throw new InputFormatException($"{where}: MultiPolygon has no polygons");
                    }

                    var polygons = new Polygon[parts];
                    int p = 0;
                    foreach (JsonElement part in coordinates.EnumerateArray())
                    {
                        polygons[p++] = ReadPolygon(part, $"{where}: polygon {p}", ref featurePositions);
                    }

                    positions += featurePositions;
                    CheckTotal(positions, where);
                    MultiPolygon multi = s_factory.CreateMultiPolygon(polygons);
                    return new SensitiveSite(index, siteId, name, category, SiteShape.MultiPolygon, Validated(multi, where), double.NaN);
                }

            default:
                throw new InputFormatException($"{where}: geometry type must be Polygon, MultiPolygon or Point, not \"{Clip(type)}\"");
        }
    }

    private static void RejectRadius(double radius, string where)
    {
        if (!double.IsNaN(radius))
        {
            throw new InputFormatException($"{where}: radius_m is only for Point sites (polygons are used as drawn, without a buffer)");
        }
    }

    private static void CheckTotal(long positions, string where)
    {
        if (positions > MaxPositions)
        {
            throw new InputFormatException($"{where}: the file has more than {MaxPositions} positions");
        }
    }

    private static Polygon ReadPolygon(JsonElement rings, string where, ref int featurePositions)
    {
        if (rings.ValueKind != JsonValueKind.Array || rings.GetArrayLength() == 0)
        {
            throw new InputFormatException($"{where}: a polygon is a non-empty array of rings");
        }

        var linear = new LinearRing[rings.GetArrayLength()];
        int k = 0;
        foreach (JsonElement ring in rings.EnumerateArray())
        {
            if (ring.ValueKind != JsonValueKind.Array)
            {
                throw new InputFormatException($"{where}: ring {k} is not an array of positions");
            }

            int length = ring.GetArrayLength();
            if (length < 4)
            {
                throw new InputFormatException($"{where}: ring {k} has {length} positions; a closed ring needs at least 4");
            }

            featurePositions += length;
            if (featurePositions > MaxPositionsPerFeature)
            {
                throw new InputFormatException($"{where}: more than {MaxPositionsPerFeature} positions in one feature");
            }

            var points = new Coordinate[length];
            int i = 0;
            foreach (JsonElement position in ring.EnumerateArray())
            {
                points[i++] = ReadPosition(position, where);
            }

            if (!points[0].Equals2D(points[^1]))
            {
                throw new InputFormatException($"{where}: ring {k} is not closed (its first and last positions differ)");
            }

            linear[k++] = s_factory.CreateLinearRing(points);
        }

        return s_factory.CreatePolygon(linear[0], linear[1..]);
    }

    private static Coordinate ReadPosition(JsonElement position, string where)
    {
        if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() is < 2 or > 3)
        {
            throw new InputFormatException($"{where}: a position is an array [longitude, latitude] (optionally with an altitude)");
        }

        JsonElement x = position[0];
        JsonElement y = position[1];
        if (x.ValueKind != JsonValueKind.Number || y.ValueKind != JsonValueKind.Number
            || !x.TryGetDouble(out double lon) || !y.TryGetDouble(out double lat))
        {
            throw new InputFormatException($"{where}: a position's longitude and latitude must be numbers");
        }

        if (lon is < -180 or > 180 || lat is < -90 or > 90)
        {
            throw new InputFormatException(string.Create(CultureInfo.InvariantCulture,
                $"{where}: position [{lon}, {lat}] is outside longitude [-180, 180], latitude [-90, 90] (GeoJSON order is longitude, latitude)"));
        }

        return new Coordinate(lon, lat);
    }

    private static Geometry Validated(Geometry geometry, string where)
    {
        var check = new IsValidOp(geometry);
        if (!check.IsValid)
        {
            TopologyValidationError error = check.ValidationError;
            Coordinate? at = error.Coordinate;
            string place = at is null ? "" : string.Create(CultureInfo.InvariantCulture, $" at [{at.X}, {at.Y}]");
            throw new InputFormatException($"{where}: invalid polygon: {error.Message}{place}");
        }

        return geometry;
    }

    private static bool IsString(JsonElement element, string property, string value) =>
        element.TryGetProperty(property, out JsonElement e) && e.ValueKind == JsonValueKind.String && e.ValueEquals(value);

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
