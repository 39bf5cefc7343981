namespace AdintAudit.Plotting;

/// <summary>
/// A vertical bar chart, rendered as self-contained SVG: one series gives plain bars (pings per hour of day), two or more
/// give grouped bars with a legend (before/after a what-if). No groups draws a "no data" note.
/// </summary>
public sealed class BarChart
{
    /// <summary>Chart title.</summary>
    public required string Title { get; init; }

    /// <summary>X axis label.</summary>
    public string XLabel { get; init; } = string.Empty;

    /// <summary>Y axis label, with its unit.</summary>
    public string YLabel { get; init; } = string.Empty;

    /// <summary>Legend names of the series; one value per series in every group.</summary>
    public IReadOnlyList<string> SeriesNames { get; init; } = [];

    /// <summary>The categories, left to right.</summary>
    public IReadOnlyList<BarGroup> Groups { get; init; } = [];

    /// <summary>Numeric format of y tick labels, or <c>%</c> for shares.</summary>
    public string YTickFormat { get; init; } = "G4";

    /// <summary>Width in pixels.</summary>
    public int WidthPixels { get; init; } = 640;

    /// <summary>Height in pixels.</summary>
    public int HeightPixels { get; init; } = 400;

    /// <summary>Renders the chart as a standalone SVG document.</summary>
    /// <exception cref="ArgumentException">A group has a different number of values than there are series.</exception>
    public string ToSvg()
    {
        foreach (BarGroup group in Groups)
        {
            if (group.Values.Count != SeriesNames.Count)
            {
                throw new ArgumentException($"group '{group.Label}' has {group.Values.Count} values for {SeriesNames.Count} series");
            }
        }

        var frame = new ChartFrame(WidthPixels, HeightPixels);
        var svg = new SvgWriter(WidthPixels, HeightPixels, Title);
        frame.DrawTitleAndLegend(svg, Title, SeriesNames.Count > 1 ? SeriesNames : []);
        if (Groups.Count == 0 || SeriesNames.Count == 0)
        {
            frame.DrawNoData(svg);
            return svg.Finish();
        }

        (double min, double max) = ChartFrame.Range(Groups.SelectMany(g => g.Values).Append(0));
        AxisScale y = AxisScale.Create(AxisScaleKind.Linear, min, max, 6, frame.Bottom, frame.Top);
        frame.DrawYAxis(svg, y, YLabel, YTickFormat);

        double slot = (frame.Right - frame.Left) / Math.Max(1, Groups.Count);
        double barWidth = slot * 0.8 / Math.Max(1, SeriesNames.Count);
        for (int g = 0; g < Groups.Count; g++)
        {
            double start = frame.Left + (g * slot) + (slot * 0.1);
            for (int s = 0; s < SeriesNames.Count; s++)
            {
                double value = Groups[g].Values[s];
                if (!double.IsFinite(value))
                {
                    continue;
                }

                double top = y.ToPixel(Math.Max(0, value));
                double bottom = y.ToPixel(Math.Min(0, value));
                string tip = $"{Groups[g].Label}, {SeriesNames[s]}: {ChartFrame.FormatTick(value, YTickFormat)}";
                svg.Rect(start + (s * barWidth), top, barWidth * 0.92, Math.Max(0.5, bottom - top), ChartPalette.Color(s), tip);
            }

            svg.Text(frame.Left + (g * slot) + (slot / 2), frame.Bottom + 18, Groups[g].Label, 11, "middle", "#444444");
        }

        frame.DrawXAxisLine(svg);
        frame.DrawXLabel(svg, XLabel);
        return svg.Finish();
    }
}
