using System.Globalization;

namespace AdintAudit.Plotting;

/// <summary>
/// A histogram of raw values with equal-width bins on a linear scale (GPS accuracy in meters) or on a log scale
/// (pings per device, which spans decades), rendered as self-contained SVG. No usable value draws a "no data" note.
/// </summary>
public sealed class Histogram
{
    /// <summary>Chart title.</summary>
    public required string Title { get; init; }

    /// <summary>X axis label, with its unit.</summary>
    public string XLabel { get; init; } = string.Empty;

    /// <summary>Y axis label; default "count".</summary>
    public string YLabel { get; init; } = "count";

    /// <summary>The values to bin, one per item (device or ping); non-finite values are skipped. The chart does not copy them.</summary>
    public ReadOnlyMemory<double> Values { get; init; }

    /// <summary>Number of bins, at least 1; default 20.</summary>
    public int BinCount { get; init; } = 20;

    /// <summary>
    /// When true, bins are equal in log10(value) and the x axis is logarithmic with decade ticks; values ≤ 0 are then
    /// skipped and their number is noted under the chart. Default false.
    /// </summary>
    public bool LogBins { get; init; }

    /// <summary>Numeric format of x tick labels on a linear axis.</summary>
    public string XTickFormat { get; init; } = "G4";

    /// <summary>Width in pixels.</summary>
    public int WidthPixels { get; init; } = 640;

    /// <summary>Height in pixels.</summary>
    public int HeightPixels { get; init; } = 400;

    /// <summary>Renders the chart as a standalone SVG document.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="BinCount"/> is below 1.</exception>
    public string ToSvg()
    {
        (double[] edges, long[] counts, long skipped) = HistogramBins.Compute(Values.Span, BinCount, LogBins);
        var frame = new ChartFrame(WidthPixels, HeightPixels);
        var svg = new SvgWriter(WidthPixels, HeightPixels, Title);
        frame.DrawTitleAndLegend(svg, Title, []);
        if (skipped > 0)
        {
            string why = LogBins ? "zero, negative or missing" : "missing";
            svg.Text(frame.Right, 46, string.Create(CultureInfo.InvariantCulture, $"{skipped:N0} {why} values not shown"), 11, "end", "#666666");
        }

        if (counts.Length == 0)
        {
            frame.DrawNoData(svg);
            return svg.Finish();
        }

        long maxCount = 0;
        foreach (long count in counts)
        {
            maxCount = Math.Max(maxCount, count);
        }

        AxisScaleKind kind = LogBins ? AxisScaleKind.Log10 : AxisScaleKind.Linear;
        AxisScale x = AxisScale.Create(kind, edges[0], edges[^1], 8, frame.Left, frame.Right);
        AxisScale y = AxisScale.Create(AxisScaleKind.Linear, 0, maxCount, 6, frame.Bottom, frame.Top);
        frame.DrawYAxis(svg, y, YLabel, "#,0.##");
        for (int i = 0; i < counts.Length; i++)
        {
            if (counts[i] == 0)
            {
                continue;
            }

            double left = x.ToPixel(edges[i]);
            double right = x.ToPixel(edges[i + 1]);
            double top = y.ToPixel(counts[i]);
            string tip = string.Create(CultureInfo.InvariantCulture, $"{x.FormatTick(edges[i], "G4")} to {x.FormatTick(edges[i + 1], "G4")}: {counts[i]:N0}");
            svg.Rect(left + 0.5, top, Math.Max(0.5, right - left - 1), Math.Max(0.5, frame.Bottom - top), ChartPalette.Color(0), tip);
        }

        frame.DrawXAxis(svg, x, XLabel, XTickFormat);
        return svg.Finish();
    }
}
