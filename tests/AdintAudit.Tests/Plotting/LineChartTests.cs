using System.Xml.Linq;
using AdintAudit.Plotting;

namespace AdintAudit.Tests.Plotting;

public sealed class LineChartTests
{
    [Fact]
    public void Log_axes_put_decade_ticks_and_skip_non_positive_points()
    {
        var chart = new LineChart
        {
            Title = "log",
            XAxisScale = AxisScaleKind.Log10,
            YAxisScale = AxisScaleKind.Log10,
            Series = [new LineSeries("s", [0, 3, 30, 300], [5, 1, 10, 2_000])],
        };

        string svg = chart.ToSvg();

        XDocument document = XDocument.Parse(svg);
        // x 3..300 -> decades 1..1000; y 1..2000 -> decades 1..10000; the point at x = 0 is left out.
        foreach (string tick in (string[])[">1</text>", ">10</text>", ">100</text>", ">1,000</text>", ">10,000</text>"])
        {
            Assert.Contains(tick, svg, StringComparison.Ordinal);
        }

        Assert.Equal(3, document.Descendants().Count(e => e.Name.LocalName == "circle"));
    }

    [Fact]
    public void Log_axis_spaces_decades_evenly()
    {
        var chart = new LineChart { Title = "log", XAxisScale = AxisScaleKind.Log10, ShowMarkers = false, Series = [new LineSeries("s", [1, 10, 100], [0, 1, 2])] };

        string svg = chart.ToSvg();

        // Plot from x = 68 to 620 over two decades: 1 -> 68, 10 -> 344, 100 -> 620.
        Assert.Contains("points=\"68,", svg, StringComparison.Ordinal);
        Assert.Contains(" 344,", svg, StringComparison.Ordinal);
        Assert.Contains(" 620,", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Confidence_band_is_a_polygon_of_the_upper_edge_then_the_lower_edge_back()
    {
        var chart = new LineChart
        {
            Title = "band",
            YUnitRange = true,
            Series = [new LineSeries("s", [0, 1, 2], [0.5, 0.5, 0.5]) { Lower = [0.4, 0.4, 0.4], Upper = [0.6, 0.6, 0.6] }],
        };

        string svg = chart.ToSvg();

        XElement band = XDocument.Parse(svg).Descendants().Single(e => e.Name.LocalName == "polygon");
        // y axis 0..1 maps 344 (400 - 56, bottom) to 58 (top), 286 px: 0.6 -> 344 - 171.6 = 172.4; 0.4 -> 344 - 114.4 = 229.6.
        // x 0..2 maps 68..620.
        Assert.Equal("68,172.4 344,172.4 620,172.4 620,229.6 344,229.6 68,229.6", band.Attribute("points")!.Value);
    }

    [Fact]
    public void Unit_range_fixes_the_y_axis_to_percent_ticks_whatever_the_data()
    {
        var chart = new LineChart { Title = "u", YUnitRange = true, Series = [new LineSeries("s", [1, 2], [0.1, 0.2])] };

        string svg = chart.ToSvg();

        foreach (string tick in (string[])[">0 %</text>", ">20 %</text>", ">40 %</text>", ">60 %</text>", ">80 %</text>", ">100 %</text>"])
        {
            Assert.Contains(tick, svg, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Band_edge_of_the_wrong_length_throws()
    {
        var chart = new LineChart { Title = "t", Series = [new LineSeries("s", [1, 2], [1, 2]) { Lower = [1], Upper = [1, 2] }] };

        Assert.Throws<ArgumentException>(() => chart.ToSvg());
    }
}
