using System.Globalization;
using System.Text.Json;
using AdintAudit.Geo;
using AdintAudit.Mobility;

namespace AdintAudit.Audit;

/// <summary>One published cell of the inferred-home map.</summary>
/// <param name="South">Southern edge in degrees.</param>
/// <param name="West">Western edge in degrees.</param>
/// <param name="North">Northern edge in degrees.</param>
/// <param name="East">Eastern edge in degrees.</param>
/// <param name="Devices">Devices whose inferred home lies in the cell (at least the grid's minimum).</param>
public sealed record HomeCell(double South, double West, double North, double East, int Devices);

/// <summary>
/// Inferred homes aggregated into grid cells, keeping only cells with at least k devices, so the map and its GeoJSON
/// never show where a single person lives (DESIGN.md, "Outputs and their own privacy").
/// </summary>
/// <param name="CellMeters">Cell edge in meters.</param>
/// <param name="MinDevicesPerCell">k: cells with fewer devices are suppressed.</param>
/// <param name="Cells">Published cells, ordered by cell key.</param>
/// <param name="DevicesWithHome">Devices with an inferred home.</param>
/// <param name="SuppressedDevices">Devices whose cell held fewer than k devices (not shown).</param>
public sealed record HomeDensityGrid(double CellMeters, int MinDevicesPerCell, IReadOnlyList<HomeCell> Cells, int DevicesWithHome, int SuppressedDevices)
{
    /// <summary>
    /// Cell sizes tried by <see cref="ComputeAdaptive"/>, smallest first: 500 m to 20 km. A sparse sample needs coarse
    /// cells before any cell reaches k devices; a national dataset is readable at 500 m.
    /// </summary>
    public static IReadOnlyList<double> CellLadderMeters { get; } = [500, 1_000, 2_000, 5_000, 10_000, 20_000];

    /// <summary>
    /// Returns the grid at the smallest cell size of <see cref="CellLadderMeters"/> that publishes at least
    /// <paramref name="minPublishedShare"/> of the homes (cells of k or more devices), or at the largest size.
    /// </summary>
    /// <param name="homes">Inferred homes.</param>
    /// <param name="minDevicesPerCell">k.</param>
    /// <param name="minPublishedShare">Share of homes the map should show (default 0.5).</param>
    public static HomeDensityGrid ComputeAdaptive(HomeWorkTable homes, int minDevicesPerCell, double minPublishedShare = 0.5)
    {
        HomeDensityGrid grid = Compute(homes, CellLadderMeters[0], minDevicesPerCell);
        for (int i = 1; i < CellLadderMeters.Count && grid.DevicesWithHome > 0
            && grid.DevicesWithHome - grid.SuppressedDevices < minPublishedShare * grid.DevicesWithHome; i++)
        {
            grid = Compute(homes, CellLadderMeters[i], minDevicesPerCell);
        }

        return grid;
    }

    /// <summary>Aggregates the inferred homes.</summary>
    /// <param name="homes">Inferred homes.</param>
    /// <param name="cellMeters">Cell edge in meters.</param>
    /// <param name="minDevicesPerCell">k (at least 1).</param>
    public static HomeDensityGrid Compute(HomeWorkTable homes, double cellMeters, int minDevicesPerCell)
    {
        ArgumentNullException.ThrowIfNull(homes);
        ArgumentOutOfRangeException.ThrowIfLessThan(minDevicesPerCell, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cellMeters);
        var counts = new Dictionary<long, int>(PackedKeyComparer.Instance);
        int withHome = 0;
        for (int d = 0; d < homes.Count; d++)
        {
            double lat = homes.HomeLat[d];
            double lon = homes.HomeLon[d];
            if (double.IsNaN(lat) || double.IsNaN(lon))
            {
                continue;
            }

            withHome++;
            long key = GridCell.Key(lat, lon, cellMeters);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        long[] keys = [.. counts.Keys];
        Array.Sort(keys);
        var cells = new List<HomeCell>();
        int suppressed = 0;
        foreach (long key in keys)
        {
            int n = counts[key];
            if (n < minDevicesPerCell)
            {
                suppressed += n;
                continue;
            }

            (double south, double west, double north, double east) = GridCell.Bounds(key, cellMeters);
            cells.Add(new HomeCell(south, west, north, east, n));
        }

        return new HomeDensityGrid(cellMeters, minDevicesPerCell, cells, withHome, suppressed);
    }

    /// <summary>Writes the cells as a GeoJSON FeatureCollection of rectangles with a <c>devices</c> property.</summary>
    /// <param name="output">Destination.</param>
    public void WriteGeoJson(Stream output)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartObject("properties");
        json.WriteNumber("cell_meters", CellMeters);
        json.WriteNumber("min_devices_per_cell", MinDevicesPerCell);
        json.WriteNumber("devices_with_home", DevicesWithHome);
        json.WriteNumber("suppressed_devices", SuppressedDevices);
        json.WriteEndObject();
        json.WriteStartArray("features");
        foreach (HomeCell cell in Cells)
        {
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteStartObject("properties");
            json.WriteNumber("devices", cell.Devices);
            json.WriteEndObject();
            json.WriteStartObject("geometry");
            json.WriteString("type", "Polygon");
            json.WriteStartArray("coordinates");
            json.WriteStartArray();
            foreach ((double lon, double lat) in new[] { (cell.West, cell.South), (cell.East, cell.South), (cell.East, cell.North), (cell.West, cell.North), (cell.West, cell.South) })
            {
                json.WriteStartArray();
                json.WriteRawValue(Coordinate(lon));
                json.WriteRawValue(Coordinate(lat));
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

    private static string Coordinate(double value) => Math.Round(value, 7).ToString("0.#######", CultureInfo.InvariantCulture);
}
