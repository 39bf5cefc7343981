namespace AdintAudit.Plotting;

/// <summary>One aggregated grid cell of a <see cref="CellDensityMap"/>: its bounds in degrees and how many items it holds.</summary>
/// <param name="SouthDegrees">Southern edge latitude, degrees.</param>
/// <param name="WestDegrees">Western edge longitude, degrees.</param>
/// <param name="NorthDegrees">Northern edge latitude, degrees; above <paramref name="SouthDegrees"/>.</param>
/// <param name="EastDegrees">Eastern edge longitude, degrees; above <paramref name="WestDegrees"/> (cells across ±180° are not supported).</param>
/// <param name="Count">Items in the cell (pings or devices); cells with a count ≤ 0 are not drawn.</param>
public readonly record struct MapCell(double SouthDegrees, double WestDegrees, double NorthDegrees, double EastDegrees, long Count);
