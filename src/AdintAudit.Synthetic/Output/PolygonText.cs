using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace AdintAudit.Synthetic.Output;

/// <summary>Encodes a POI footprint (a closed ring of lat/lon corners) as OGC WKB and WKT, x = longitude, y = latitude.</summary>
internal static class PolygonText
{
    /// <summary>Little-endian WKB Polygon with one closed ring.</summary>
    public static byte[] Wkb(IReadOnlyList<(double Latitude, double Longitude)> corners)
    {
        int points = corners.Count + 1;
        var bytes = new byte[1 + 4 + 4 + 4 + (points * 16)];
        bytes[0] = 1;
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(1), 3);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(5), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(9), (uint)points);
        for (int i = 0; i < points; i++)
        {
            var (lat, lon) = corners[i % corners.Count];
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(13 + (i * 16)), lon);
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(21 + (i * 16)), lat);
        }

        return bytes;
    }

    public static string Wkt(IReadOnlyList<(double Latitude, double Longitude)> corners)
    {
        var text = new StringBuilder("POLYGON ((");
        for (int i = 0; i <= corners.Count; i++)
        {
            var (lat, lon) = corners[i % corners.Count];
            text.Append(CultureInfo.InvariantCulture, $"{(i > 0 ? ", " : "")}{lon:R} {lat:R}");
        }

        return text.Append("))").ToString();
    }
}
