using System.Globalization;

namespace AdintAudit.Plotting;

/// <summary>
/// A density map of aggregated grid cells, without tiles or any external request: each cell is a rectangle coloured on a
/// six-step viridis ramp (log-spaced classes, legend below the map), over a light latitude/longitude graticule with degree
/// labels, and sites on top as markers coloured by category (legend under the title).
/// </summary>
/// <remarks>
/// The projection is equirectangular with longitudes scaled by cos(mid-latitude), so shapes are true near the middle of
/// the map (a city or a region); the map keeps its aspect ratio inside the plot area. No cell and no site draws a
/// "no data" note. Cells and sites with non-finite coordinates are skipped.
/// </remarks>
public sealed class CellDensityMap
{
    private const double MinimumSpanDegrees = 0.01;
    private const int MaxLabelledSites = 12;

    /// <summary>Chart title.</summary>
    public required string Title { get; init; }

    /// <summary>The grid cells; only cells with a positive count are drawn.</summary>
    public IReadOnlyList<MapCell> Cells { get; init; } = [];

    /// <summary>Markers drawn on top of the cells; default none.</summary>
    public IReadOnlyList<MapSite> Sites { get; init; } = [];

    /// <summary>What a cell count is, shown before the colour legend; default "pings per cell".</summary>
    public string CountLabel { get; init; } = "pings per cell";

    /// <summary>Width in pixels.</summary>
    public int WidthPixels { get; init; } = 640;

    /// <summary>Height in pixels.</summary>
    public int HeightPixels { get; init; } = 520;

    /// <summary>Renders the map as a standalone SVG document.</summary>
    public string ToSvg()
    {
        var categories = new List<string>();
        foreach (MapSite site in Sites)
        {
            if (!categories.Contains(site.Category, StringComparer.Ordinal))
            {
                categories.Add(site.Category);
            }
        }

        var frame = new ChartFrame(WidthPixels, HeightPixels, leftMarginPixels: 64, legendRows: ChartFrame.LegendRows(categories, WidthPixels));
        var svg = new SvgWriter(WidthPixels, HeightPixels, Title);
        frame.DrawTitleAndLegend(svg, Title, categories);
        if (!TryBounds(out double south, out double west, out double north, out double east, out long maxCount))
        {
            frame.DrawNoData(svg);
            return svg.Finish();
        }

        double cosLat = Math.Cos((south + north) / 2 * Math.PI / 180);
        double scale = Math.Min((frame.Right - frame.Left) / ((east - west) * cosLat), (frame.Bottom - frame.Top) / (north - south));
        double originX = frame.Left + (((frame.Right - frame.Left) - ((east - west) * cosLat * scale)) / 2);
        double originY = frame.Top + (((frame.Bottom - frame.Top) - ((north - south) * scale)) / 2);
        double ToX(double lon) => originX + ((lon - west) * cosLat * scale);
        double ToY(double lat) => originY + ((north - lat) * scale);

        svg.Rect(ToX(west), ToY(north), ToX(east) - ToX(west), ToY(south) - ToY(north), "#f4f4f4");
        foreach (MapCell cell in Cells)
        {
            if (IsDrawable(cell))
            {
                int colorClass = DensityRamp.Class(cell.Count, maxCount);
                string tip = string.Create(CultureInfo.InvariantCulture, $"{cell.Count:N0} ({CountLabel})");
                svg.Rect(ToX(cell.WestDegrees), ToY(cell.NorthDegrees), Math.Max(0.5, ToX(cell.EastDegrees) - ToX(cell.WestDegrees)),
                    Math.Max(0.5, ToY(cell.SouthDegrees) - ToY(cell.NorthDegrees)), DensityRamp.Color(colorClass), tip);
            }
        }

        DrawGraticule(svg, south, west, north, east, ToX, ToY);
        DrawSites(svg, categories, ToX, ToY);
        DrawRampLegend(svg, frame, maxCount);
        return svg.Finish();
    }

    private static bool IsDrawable(MapCell cell) => cell.Count > 0 && double.IsFinite(cell.SouthDegrees) && double.IsFinite(cell.NorthDegrees)
        && double.IsFinite(cell.WestDegrees) && double.IsFinite(cell.EastDegrees);

    private static bool IsDrawable(MapSite site) => double.IsFinite(site.LatitudeDegrees) && double.IsFinite(site.LongitudeDegrees);

    /// <summary>Bounds of all drawable cells and sites, widened to at least <see cref="MinimumSpanDegrees"/> and padded by 3 %.</summary>
    private bool TryBounds(out double south, out double west, out double north, out double east, out long maxCount)
    {
        double s = double.PositiveInfinity, w = double.PositiveInfinity, n = double.NegativeInfinity, e = double.NegativeInfinity;
        void Include(double south, double west, double north, double east)
        {
            s = Math.Min(s, south);
            w = Math.Min(w, west);
            n = Math.Max(n, north);
            e = Math.Max(e, east);
        }

        maxCount = 0;
        foreach (MapCell cell in Cells)
        {
            if (IsDrawable(cell))
            {
                Include(cell.SouthDegrees, cell.WestDegrees, cell.NorthDegrees, cell.EastDegrees);
                maxCount = Math.Max(maxCount, cell.Count);
            }
        }

        foreach (MapSite site in Sites)
        {
            if (IsDrawable(site))
            {
                Include(site.LatitudeDegrees, site.LongitudeDegrees, site.LatitudeDegrees, site.LongitudeDegrees);
            }
        }

        (south, west, north, east) = (s, w, n, e);
        if (!double.IsFinite(south))
        {
            return false;
        }

        (south, north) = Widen(south, north);
        (west, east) = Widen(west, east);
        north = Math.Min(north, 89.9);
        south = Math.Max(south, -89.9);
        return true;
    }

    private static (double Low, double High) Widen(double low, double high)
    {
        double span = Math.Max(high - low, MinimumSpanDegrees);
        double middle = (low + high) / 2;
        double half = span * 1.06 / 2;
        return (middle - half, middle + half);
    }

    private static void DrawGraticule(
        SvgWriter svg, double south, double west, double north, double east, Func<double, double> toX, Func<double, double> toY)
    {
        double latStep = NiceScale.Step((north - south) / 4);
        for (double lat = Math.Ceiling(south / latStep) * latStep; lat <= north; lat += latStep)
        {
            svg.Line(toX(west), toY(lat), toX(east), toY(lat), "#9a9a9a", 0.5, "3 3");
            svg.Text(toX(west) - 4, toY(lat) + 4, Degrees(lat, latStep, 'N', 'S'), 10, "end", "#555555");
        }

        double lonStep = NiceScale.Step((east - west) / 4);
        for (double lon = Math.Ceiling(west / lonStep) * lonStep; lon <= east; lon += lonStep)
        {
            svg.Line(toX(lon), toY(north), toX(lon), toY(south), "#9a9a9a", 0.5, "3 3");
            svg.Text(toX(lon), toY(south) + 14, Degrees(lon, lonStep, 'E', 'W'), 10, "middle", "#555555");
        }
    }

    /// <summary>Formats a graticule value such as 52.5°N with as many decimals as the step needs.</summary>
    internal static string Degrees(double value, double step, char positive, char negative)
    {
        int decimals = Math.Clamp(-(int)Math.Floor(Math.Log10(step) + 1e-9), 0, 6);
        double rounded = Math.Round(value, decimals);
        string number = Math.Abs(rounded).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return rounded == 0 ? number + "°" : number + "°" + (rounded > 0 ? positive : negative);
    }

    private void DrawSites(SvgWriter svg, List<string> categories, Func<double, double> toX, Func<double, double> toY)
    {
        bool labelled = Sites.Count <= MaxLabelledSites;
        foreach (MapSite site in Sites)
        {
            if (!IsDrawable(site))
            {
                continue;
            }

            double x = toX(site.LongitudeDegrees);
            double y = toY(site.LatitudeDegrees);
            string color = ChartPalette.Color(categories.IndexOf(site.Category));
            svg.Circle(x, y, 5, color, site.Label + " (" + site.Category + ")", "#ffffff");
            if (labelled)
            {
                svg.Text(x + 7, y + 4, HorizontalBarChart.Truncate(site.Label, 24), 10, "start", "#111111", tooltip: site.Label);
            }
        }
    }

    private void DrawRampLegend(SvgWriter svg, ChartFrame frame, long maxCount)
    {
        double y = frame.Bottom + 24;
        svg.Text(frame.Left, y + 10, CountLabel, 11, "start", "#333333");
        double x = frame.Left + 10 + (CountLabel.Length * 6.2);
        int classes = maxCount <= 1 ? 1 : DensityRamp.ClassCount;
        for (int k = 0; k < classes; k++)
        {
            long low = DensityRamp.LowerBound(k, maxCount);
            string label = string.Create(CultureInfo.InvariantCulture, $"≥ {low:N0}");
            svg.Rect(x, y, 44, 12, DensityRamp.Color(k), label);
            svg.Text(x, y + 26, label, 10, "start", "#444444");
            x += 48;
        }
    }
}
