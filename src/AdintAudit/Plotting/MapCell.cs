using AdintAudit.Geo;

namespace AdintAudit.Plotting;

/// <summary>One aggregated grid cell of a <see cref="CellDensityMap"/>: its bounds in degrees and how many items it holds.</summary>
/// <param name="SouthDegrees">Southern edge latitude, degrees.</param>
/// <param name="WestDegrees">Western edge longitude, degrees.</param>
/// <param name="NorthDegrees">Northern edge latitude, degrees; above <paramref name="SouthDegrees"/>.</param>
/// <param name="EastDegrees">Eastern edge longitude, degrees; above <paramref name="WestDegrees"/> (cells across ±180° are not supported).</param>
/// <param name="Count">Items in the cell (pings or devices); cells with a count ≤ 0 are not drawn.</param>
public readonly record struct MapCell(double SouthDegrees, double WestDegrees, double NorthDegrees, double EastDegrees, long Count)
{
    /// <summary>Creates the map cell of a <see cref="GridCell"/> key, with its bounds from <see cref="GridCell.Bounds"/>.</summary>
    /// <param name="key">A key from <see cref="GridCell.Key"/>.</param>
    /// <param name="cellMeters">The cell size in meters the key was made with.</param>
    /// <param name="count">Items in the cell.</param>
    public static MapCell FromGridCell(long key, double cellMeters, long count)
    {
        (double south, double west, double north, double east) = GridCell.Bounds(key, cellMeters);
        return new MapCell(south, west, north, east, count);
    }
}
