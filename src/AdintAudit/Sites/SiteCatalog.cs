using AdintAudit.Data;

namespace AdintAudit.Sites;

/// <summary>
/// A set of sensitive sites loaded from GeoJSON, with a spatial index for the point-at-site test.
/// </summary>
/// <remarks>
/// <para>
/// The file is a FeatureCollection of Polygon, MultiPolygon or Point features. Properties: <c>category</c> (required
/// string; the FTC list is medical, reproductive_health, mental_health, religious, military, government, shelter,
/// union, lgbtq, correctional, education_childcare, protest, and other values are kept as they are), <c>name</c>
/// (optional string), <c>site_id</c> (optional string or number, unique; the feature index when absent) and
/// <c>radius_m</c> (meters, required for points, &gt; 0 and ≤ 50 km; rejected on polygons, which are used as drawn).
/// Coordinates are GeoJSON (longitude, latitude) order; an altitude is ignored.
/// </para>
/// <para>
/// The input is treated as hostile: at most 256 MiB, nesting depth 64, one million features, one million positions per
/// feature and 20 million in all. Rings must be closed with at least 4 positions, and polygons must be valid (OGC rules,
/// checked by NetTopologySuite): an invalid polygon is rejected with the validator's reason rather than repaired, since a
/// repair such as <c>Buffer(0)</c> can silently drop part of a self-intersecting footprint. Every problem throws
/// <see cref="InputFormatException"/> naming the file, the feature index and what is wrong.
/// </para>
/// <para>Thread-safe after loading.</para>
/// </remarks>
public sealed class SiteCatalog
{
    private SiteCatalog(List<SensitiveSite> sites)
    {
        SiteArray = [.. sites];
        Locator = new SiteLocator(SiteArray);
    }

    /// <summary>The sites, in file order (<see cref="SensitiveSite.Index"/> is the position).</summary>
    public IReadOnlyList<SensitiveSite> Sites => SiteArray;

    /// <summary>Number of sites.</summary>
    public int Count => SiteArray.Length;

    internal SensitiveSite[] SiteArray { get; }

    internal SiteLocator Locator { get; }

    /// <summary>Loads a GeoJSON site file.</summary>
    /// <param name="path">Path of the file.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="InputFormatException">The file cannot be read, is too large, or is not a valid site collection.</exception>
    public static SiteCatalog Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > GeoJsonSiteReader.MaxBytes)
            {
                throw new InputFormatException($"{path}: {info.Length} bytes is more than the {GeoJsonSiteReader.MaxBytes} a site file may have");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputFormatException($"{path}: cannot be read: {e.Message}", e);
        }

        return new SiteCatalog(GeoJsonSiteReader.Read(bytes, path));
    }

    /// <summary>Loads GeoJSON sites from a stream (read to its end, not closed).</summary>
    /// <param name="input">The UTF-8 GeoJSON text.</param>
    /// <param name="sourceName">Name used in error messages, such as the file name.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="InputFormatException">The text is too large or not a valid site collection.</exception>
    public static SiteCatalog Load(Stream input, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(sourceName);
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[81_920];
        int read;
        while ((read = input.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > GeoJsonSiteReader.MaxBytes)
            {
                throw new InputFormatException($"{sourceName}: more than the {GeoJsonSiteReader.MaxBytes} bytes a site file may have");
            }

            buffer.Write(chunk, 0, read);
        }

        return new SiteCatalog(GeoJsonSiteReader.Read(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), sourceName));
    }

    /// <summary>Loads GeoJSON sites from UTF-8 bytes.</summary>
    /// <param name="utf8">The UTF-8 GeoJSON text.</param>
    /// <param name="sourceName">Name used in error messages, such as the file name.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="InputFormatException">The text is too large or not a valid site collection.</exception>
    public static SiteCatalog Parse(ReadOnlyMemory<byte> utf8, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(sourceName);
        return new SiteCatalog(GeoJsonSiteReader.Read(utf8, sourceName));
    }
}
