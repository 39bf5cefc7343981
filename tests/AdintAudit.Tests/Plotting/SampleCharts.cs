using AdintAudit.Plotting;

namespace AdintAudit.Tests.Plotting;

/// <summary>One chart of every kind with realistic inputs, plus the same kinds with empty and single-point inputs.</summary>
internal static class SampleCharts
{
    /// <summary>Returns (file name, SVG) for every chart kind with typical data.</summary>
    public static IReadOnlyList<(string Name, string Svg)> Typical()
    {
        double[] points = [1, 2, 3, 4, 5, 6, 8];
        double[] hours = [.. Enumerable.Range(0, 24).Select(h => (double)h)];
        double[] pingsPerDevice = [.. Enumerable.Range(1, 400).Select(i => Math.Round(Math.Pow(10, (i % 37) / 9.0)))];
        double[] accuracy = [.. Enumerable.Range(0, 500).Select(i => 3 + ((i * 37) % 60) + ((i % 7) * 5.5))];
        return
        [
            ("unicity.svg", new LineChart
            {
                Title = "Unicity: devices singled out by p known points",
                XLabel = "points known (p)",
                YLabel = "devices singled out",
                YUnitRange = true,
                Series =
                [
                    new LineSeries("250 m, 1 h", points, [0.31, 0.72, 0.9, 0.95, 0.97, 0.98, 0.99])
                    {
                        Lower = [0.28, 0.69, 0.88, 0.93, 0.96, 0.97, 0.985], Upper = [0.34, 0.75, 0.92, 0.96, 0.98, 0.99, 0.995],
                    },
                    new LineSeries("1 km, 4 h", points, [0.08, 0.35, 0.61, 0.77, 0.85, 0.9, 0.94])
                    {
                        Lower = [0.06, 0.32, 0.58, 0.74, 0.83, 0.88, 0.92], Upper = [0.1, 0.38, 0.64, 0.8, 0.87, 0.92, 0.96],
                    },
                ],
            }.ToSvg()),
            ("loglog.svg", new LineChart
            {
                Title = "Log-log line",
                XLabel = "cell size (m)",
                YLabel = "median anonymity set",
                XAxisScale = AxisScaleKind.Log10,
                YAxisScale = AxisScaleKind.Log10,
                Series = [new LineSeries("median k", [100, 250, 1000, 5000], [1, 2, 14, 380])],
            }.ToSvg()),
            ("anonymity-cdf.svg", new StepCdfChart
            {
                Title = "Anonymity-set size per resolution",
                XLabel = "anonymity-set size (devices sharing the home/work pair)",
                Series =
                [
                    new CdfSeries("250 m", [1, 2, 3, 5, 12], [610, 120, 80, 110, 80]),
                    new CdfSeries("1 km", [1, 2, 4, 20, 150], [220, 180, 200, 200, 200]),
                ],
            }.ToSvg()),
            ("pings-per-device.svg", new Histogram
            {
                Title = "Pings per device",
                XLabel = "pings per device",
                YLabel = "devices",
                LogBins = true,
                Values = pingsPerDevice,
            }.ToSvg()),
            ("accuracy.svg", new Histogram { Title = "Horizontal accuracy", XLabel = "accuracy (m)", YLabel = "pings", Values = accuracy }.ToSvg()),
            ("hours.svg", new BarChart
            {
                Title = "Pings per hour of day (local time)",
                XLabel = "hour of day",
                YLabel = "pings",
                SeriesNames = ["pings"],
                Groups = [.. hours.Select(h => new BarGroup(h.ToString("0", System.Globalization.CultureInfo.InvariantCulture), [100 + (80 * Math.Sin(h / 24 * 2 * Math.PI))]))],
            }.ToSvg()),
            ("what-if.svg", new BarChart
            {
                Title = "What-if: coarsening to 1 km",
                YLabel = "share of devices",
                YTickFormat = "%",
                SeriesNames = ["before", "after"],
                Groups = [new BarGroup("unique", [0.61, 0.22]), new BarGroup("k < 5", [0.8, 0.41])],
            }.ToSvg()),
            ("site-exposure.svg", new HorizontalBarChart
            {
                Title = "Devices seen at sensitive sites",
                XLabel = "devices",
                Bars =
                [
                    new HorizontalBar("St. Mary's Hospital & Emergency Care Centre, East Wing", 412),
                    new HorizontalBar("Clinic <A>", 97),
                    new HorizontalBar("Place of worship", 55),
                ],
            }.ToSvg()),
            ("density-map.svg", new CellDensityMap
            {
                Title = "Ping density (1 km cells)",
                Cells = [.. Enumerable.Range(0, 64).Select(i => new MapCell(
                    52.40 + ((i / 8) * 0.01), 13.30 + ((i % 8) * 0.015), 52.41 + ((i / 8) * 0.01), 13.315 + ((i % 8) * 0.015), 1 + ((i * i * 13) % 900)))],
                Sites = [new MapSite(52.44, 13.35, "Clinic A", "health"), new MapSite(52.42, 13.38, "Mosque B", "religion")],
            }.ToSvg()),
        ];
    }

    /// <summary>Returns every chart kind drawn from no data at all.</summary>
    public static IReadOnlyList<string> Empty() =>
    [
        new LineChart { Title = "empty line" }.ToSvg(),
        new LineChart { Title = "empty log", XAxisScale = AxisScaleKind.Log10, YAxisScale = AxisScaleKind.Log10, Series = [new LineSeries("s", [0, -1], [0, 5])] }.ToSvg(),
        new StepCdfChart { Title = "empty cdf" }.ToSvg(),
        new StepCdfChart { Title = "cdf of zero counts", Series = [new CdfSeries("s", [1, 2], [0, 0])] }.ToSvg(),
        new Histogram { Title = "empty histogram" }.ToSvg(),
        new Histogram { Title = "nan histogram", Values = new[] { double.NaN, double.PositiveInfinity } }.ToSvg(),
        new BarChart { Title = "empty bars" }.ToSvg(),
        new HorizontalBarChart { Title = "empty horizontal bars" }.ToSvg(),
        new CellDensityMap { Title = "empty map" }.ToSvg(),
        new CellDensityMap { Title = "zero-count map", Cells = [new MapCell(1, 2, 3, 4, 0)] }.ToSvg(),
    ];

    /// <summary>Returns every chart kind drawn from one point, one value or one cell.</summary>
    public static IReadOnlyList<string> SinglePoint() =>
    [
        new LineChart { Title = "one point", Series = [new LineSeries("s", [3], [0.5])] }.ToSvg(),
        new LineChart { Title = "one log point", XAxisScale = AxisScaleKind.Log10, YAxisScale = AxisScaleKind.Log10, Series = [new LineSeries("s", [100], [100])] }.ToSvg(),
        new StepCdfChart { Title = "one value", Series = [new CdfSeries("s", [7], [10])] }.ToSvg(),
        new Histogram { Title = "one value", Values = new[] { 42.0 } }.ToSvg(),
        new Histogram { Title = "one log value", LogBins = true, Values = new[] { 42.0, 42.0 } }.ToSvg(),
        new BarChart { Title = "one bar", SeriesNames = ["s"], Groups = [new BarGroup("a", [0])] }.ToSvg(),
        new HorizontalBarChart { Title = "one bar", Bars = [new HorizontalBar("a", 0)] }.ToSvg(),
        new CellDensityMap { Title = "one cell", Cells = [new MapCell(52.5, 13.4, 52.5, 13.4, 1)] }.ToSvg(),
        new CellDensityMap { Title = "one site", Sites = [new MapSite(0, 0, "equator", "x")] }.ToSvg(),
    ];
}
