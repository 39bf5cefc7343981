namespace AdintAudit.Plotting;

/// <summary>
/// Horizontal bars with category labels, top to bottom in the given order (per-site exposure), rendered as self-contained
/// SVG. Labels longer than <see cref="LabelMaxChars"/> are cut with an ellipsis and keep the full text as a hover
/// tooltip. The height grows with the number of bars. No bars draws a "no data" note.
/// </summary>
public sealed class HorizontalBarChart
{
    private const double RowPixels = 22;
    private const double CharPixels = 6.6; // average advance of an 11 px sans-serif character, with a little slack

    /// <summary>Chart title.</summary>
    public required string Title { get; init; }

    /// <summary>Value axis label, with its unit.</summary>
    public string XLabel { get; init; } = string.Empty;

    /// <summary>The bars, drawn top to bottom.</summary>
    public IReadOnlyList<HorizontalBar> Bars { get; init; } = [];

    /// <summary>Numeric format of value tick labels and tooltips, or <c>%</c> for shares.</summary>
    public string XTickFormat { get; init; } = "G4";

    /// <summary>Longest label shown in full, in characters (at least 4); default 28.</summary>
    public int LabelMaxChars { get; init; } = 28;

    /// <summary>Width in pixels.</summary>
    public int WidthPixels { get; init; } = 640;

    /// <summary>Renders the chart as a standalone SVG document.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="LabelMaxChars"/> is below 4.</exception>
    public string ToSvg()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(LabelMaxChars, 4);
        int height = (int)(58 + 56 + (Math.Max(3, Bars.Count) * RowPixels));
        int longest = 0;
        foreach (HorizontalBar bar in Bars)
        {
            longest = Math.Max(longest, Math.Min(bar.Label.Length, LabelMaxChars));
        }

        var frame = new ChartFrame(WidthPixels, height, leftMarginPixels: Math.Max(40, 14 + (longest * CharPixels)));
        var svg = new SvgWriter(WidthPixels, height, Title);
        frame.DrawTitleAndLegend(svg, Title, []);
        (double min, double max) = ChartFrame.Range(Bars.Select(b => b.Value).Append(0));
        if (Bars.Count == 0)
        {
            frame.DrawNoData(svg);
            return svg.Finish();
        }

        AxisScale x = AxisScale.Create(AxisScaleKind.Linear, min, max, 6, frame.Left, frame.Right);
        foreach (double tick in x.Ticks)
        {
            svg.Line(x.ToPixel(tick), frame.Top, x.ToPixel(tick), frame.Bottom, "#e4e4e4");
        }

        double row = (frame.Bottom - frame.Top) / Bars.Count;
        for (int i = 0; i < Bars.Count; i++)
        {
            HorizontalBar bar = Bars[i];
            double top = frame.Top + (i * row);
            string label = Truncate(bar.Label, LabelMaxChars);
            svg.Text(frame.Left - 6, top + (row / 2) + 4, label, 11, "end", "#222222", tooltip: label == bar.Label ? null : bar.Label);
            if (double.IsFinite(bar.Value))
            {
                double start = x.ToPixel(Math.Min(0, bar.Value));
                double end = x.ToPixel(Math.Max(0, bar.Value));
                string tip = bar.Label + ": " + ChartFrame.FormatTick(bar.Value, XTickFormat);
                svg.Rect(start, top + (row * 0.15), Math.Max(0.5, end - start), row * 0.7, ChartPalette.Color(0), tip);
            }
        }

        svg.Line(frame.Left, frame.Top, frame.Left, frame.Bottom, "#444444");
        frame.DrawXAxis(svg, x, XLabel, XTickFormat);
        return svg.Finish();
    }

    /// <summary>Shortens <paramref name="label"/> to at most <paramref name="maxChars"/> characters, ending with "…", without splitting a surrogate pair.</summary>
    internal static string Truncate(string label, int maxChars)
    {
        if (label.Length <= maxChars)
        {
            return label;
        }

        int keep = maxChars - 1;
        if (char.IsHighSurrogate(label[keep - 1]))
        {
            keep--;
        }

        return string.Concat(label.AsSpan(0, keep).TrimEnd(), "…");
    }
}
