namespace AdintAudit.Plotting;

/// <summary>
/// An empirical cumulative distribution drawn as steps: x is a value (by default on a log axis, for anonymity-set sizes),
/// y is the share of items whose value is at most x, fixed to 0 % – 100 %. One step line per series, with a legend.
/// No usable value draws a "no data" note.
/// </summary>
public sealed class StepCdfChart
{
    /// <summary>Above this many distinct values the steps get no hover markers (they would crowd and bloat the file).</summary>
    private const int MaxMarkedSteps = 60;

    private static readonly double[] s_unitTicks = [0, 0.2, 0.4, 0.6, 0.8, 1];

    /// <summary>Chart title.</summary>
    public required string Title { get; init; }

    /// <summary>X axis label, with its unit.</summary>
    public string XLabel { get; init; } = string.Empty;

    /// <summary>Y axis label; default "share of devices ≤ x".</summary>
    public string YLabel { get; init; } = "share of devices ≤ x";

    /// <summary>The distributions, drawn in palette order.</summary>
    public IReadOnlyList<CdfSeries> Series { get; init; } = [];

    /// <summary>X axis scale; default <see cref="AxisScaleKind.Log10"/> (values ≤ 0 are then left out of the drawing but still counted).</summary>
    public AxisScaleKind XAxisScale { get; init; } = AxisScaleKind.Log10;

    /// <summary>Numeric format of x tick labels on a linear axis.</summary>
    public string XTickFormat { get; init; } = "G4";

    /// <summary>Width in pixels.</summary>
    public int WidthPixels { get; init; } = 640;

    /// <summary>Height in pixels.</summary>
    public int HeightPixels { get; init; } = 400;

    /// <summary>Renders the chart as a standalone SVG document.</summary>
    /// <exception cref="ArgumentException">A series has different value and count lengths.</exception>
    public string ToSvg()
    {
        var steps = new List<(double[] Values, double[] Shares)>(Series.Count);
        foreach (CdfSeries series in Series)
        {
            if (series.Values.Count != series.Counts.Count)
            {
                throw new ArgumentException($"series '{series.Name}' has {series.Values.Count} values and {series.Counts.Count} counts");
            }

            steps.Add(CumulativeShares(series.Values, series.Counts));
        }

        var frame = new ChartFrame(WidthPixels, HeightPixels);
        var svg = new SvgWriter(WidthPixels, HeightPixels, Title);
        frame.DrawTitleAndLegend(svg, Title, [.. Series.Select(s => s.Name)]);
        (double min, double max) = ChartFrame.Range(steps.SelectMany(s => s.Values), XAxisScale);
        AxisScale x = AxisScale.Create(XAxisScale, min, max, 8, frame.Left, frame.Right);
        AxisScale y = AxisScale.Fixed(s_unitTicks, frame.Bottom, frame.Top);
        if (!steps.Any(s => s.Values.Any(x.CanShow)))
        {
            frame.DrawNoData(svg);
            return svg.Finish();
        }

        frame.DrawYAxis(svg, y, YLabel, "%");
        frame.DrawXAxis(svg, x, XLabel, XTickFormat);
        for (int s = 0; s < steps.Count; s++)
        {
            DrawSteps(svg, Series[s].Name, steps[s].Values, steps[s].Shares, ChartPalette.Color(s), x, y, frame.Right);
        }

        return svg.Finish();
    }

    /// <summary>
    /// Merges equal values and accumulates: returns the distinct finite values in ascending order and, for each, the
    /// share of the total count at or below it (the last share is 1).
    /// </summary>
    internal static (double[] Values, double[] Shares) CumulativeShares(IReadOnlyList<double> values, IReadOnlyList<double> counts)
    {
        var pairs = new List<(double Value, double Count)>(values.Count);
        double total = 0;
        for (int i = 0; i < values.Count; i++)
        {
            if (double.IsFinite(values[i]) && double.IsFinite(counts[i]) && counts[i] > 0)
            {
                pairs.Add((values[i], counts[i]));
                total += counts[i];
            }
        }

        pairs.Sort((a, b) => a.Value.CompareTo(b.Value));
        var distinct = new List<double>();
        var shares = new List<double>();
        double running = 0;
        for (int i = 0; i < pairs.Count; i++)
        {
            running += pairs[i].Count;
            if (i + 1 < pairs.Count && pairs[i + 1].Value == pairs[i].Value)
            {
                continue;
            }

            distinct.Add(pairs[i].Value);
            shares.Add(i == pairs.Count - 1 ? 1 : running / total);
        }

        return ([.. distinct], [.. shares]);
    }

    /// <summary>Draws 0 up to the first value, then a riser at each value and a tread to the next, out to the right edge.</summary>
    private static void DrawSteps(
        SvgWriter svg, string name, double[] values, double[] shares, string color, AxisScale x, AxisScale y, double rightEdge)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        double level = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (!x.CanShow(values[i]))
            {
                level = shares[i]; // values left of a log axis (≤ 0) still lift the curve
                continue;
            }

            double px = x.ToPixel(values[i]);
            xs.Add(px);
            ys.Add(y.ToPixel(level));
            xs.Add(px);
            ys.Add(y.ToPixel(shares[i]));
            level = shares[i];
            if (values.Length <= MaxMarkedSteps)
            {
                svg.Circle(px, y.ToPixel(level), 2, color, $"{name}: ≤ {x.FormatTick(values[i], "G6")}: {ChartFrame.FormatTick(level, "%")}");
            }
        }

        if (xs.Count == 0)
        {
            return;
        }

        xs.Add(rightEdge);
        ys.Add(y.ToPixel(level));
        svg.Polyline(xs.ToArray(), ys.ToArray(), color, 2);
    }
}
