using System.Globalization;

namespace AdintAudit.Plotting;

/// <summary>
/// One chart axis: its ticks and the mapping from data values to pixels, linear or base-10 logarithmic.
/// The axis spans its first tick to its last tick.
/// </summary>
internal sealed class AxisScale
{
    private readonly double _low;
    private readonly double _high;
    private readonly double _pixelStart;
    private readonly double _pixelEnd;

    private AxisScale(AxisScaleKind kind, double[] ticks, double pixelStart, double pixelEnd)
    {
        Kind = kind;
        Ticks = ticks;
        _low = Transform(kind, ticks[0]);
        _high = Transform(kind, ticks[^1]);
        _pixelStart = pixelStart;
        _pixelEnd = pixelEnd;
    }

    public AxisScaleKind Kind { get; }

    public IReadOnlyList<double> Ticks { get; }

    /// <summary>Builds an axis covering the finite (and, on a log axis, positive) values in [min, max].</summary>
    /// <param name="kind">Linear or log.</param>
    /// <param name="min">Smallest value to show; ignored (with <paramref name="max"/>) when not usable.</param>
    /// <param name="max">Largest value to show.</param>
    /// <param name="maxTicks">Upper limit on linear ticks.</param>
    /// <param name="pixelStart">Pixel of the first tick (left, or bottom for a y axis).</param>
    /// <param name="pixelEnd">Pixel of the last tick.</param>
    public static AxisScale Create(AxisScaleKind kind, double min, double max, int maxTicks, double pixelStart, double pixelEnd)
    {
        if (kind == AxisScaleKind.Log10)
        {
            bool usable = double.IsFinite(min) && double.IsFinite(max) && min > 0 && max > 0;
            return new AxisScale(kind, usable ? NiceScale.DecadeTicks(min, max) : [1, 10], pixelStart, pixelEnd);
        }

        bool finite = double.IsFinite(min) && double.IsFinite(max);
        return new AxisScale(kind, finite ? NiceScale.Ticks(min, max, maxTicks) : [0, 1], pixelStart, pixelEnd);
    }

    /// <summary>Builds a linear axis with the given ticks (for example 0 to 1 in steps of 0.2).</summary>
    public static AxisScale Fixed(double[] ticks, double pixelStart, double pixelEnd) => new(AxisScaleKind.Linear, ticks, pixelStart, pixelEnd);

    /// <summary>True when <paramref name="value"/> can be placed on this axis (finite, and positive on a log axis).</summary>
    public bool CanShow(double value) => double.IsFinite(value) && (Kind == AxisScaleKind.Linear || value > 0);

    /// <summary>Maps a value to a pixel; call only with values that <see cref="CanShow"/> accepts.</summary>
    public double ToPixel(double value) =>
        _pixelStart + ((Transform(Kind, value) - _low) / (_high - _low) * (_pixelEnd - _pixelStart));

    /// <summary>Formats a tick: <paramref name="format"/> on a linear axis, plain decimals with thousands separators on a log axis.</summary>
    public string FormatTick(double tick, string format) => Kind == AxisScaleKind.Log10
        ? tick.ToString("#,0.########", CultureInfo.InvariantCulture)
        : ChartFrame.FormatTick(tick, format);

    private static double Transform(AxisScaleKind kind, double value) => kind == AxisScaleKind.Log10 ? Math.Log10(value) : value;
}
