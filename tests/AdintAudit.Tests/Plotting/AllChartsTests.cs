using System.Xml.Linq;

namespace AdintAudit.Tests.Plotting;

public sealed class AllChartsTests
{
    public static TheoryData<string> AllSvgs()
    {
        var data = new TheoryData<string>();
        foreach ((_, string svg) in SampleCharts.Typical())
        {
            data.Add(svg);
        }

        foreach (string svg in SampleCharts.Empty().Concat(SampleCharts.SinglePoint()))
        {
            data.Add(svg);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllSvgs))]
    public void Every_chart_is_well_formed_standalone_svg_without_non_finite_numbers(string svg)
    {
        XDocument document = XDocument.Parse(svg);

        XElement root = document.Root!;
        Assert.Equal(XName.Get("svg", "http://www.w3.org/2000/svg"), root.Name);
        Assert.NotNull(root.Attribute("viewBox"));
        Assert.Equal("system-ui, sans-serif", root.Attribute("font-family")?.Value);
        Assert.Equal("title", root.Elements().First().Name.LocalName);
        Assert.DoesNotContain("NaN", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("∞", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("href", svg, StringComparison.Ordinal);
        Assert.Equal(1, CountOccurrences(svg, "http"));
    }

    [Fact]
    public void Empty_inputs_draw_a_no_data_note()
    {
        foreach (string svg in SampleCharts.Empty())
        {
            Assert.Contains(">no data</text>", svg, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Single_points_draw_a_chart_not_a_no_data_note()
    {
        foreach (string svg in SampleCharts.SinglePoint())
        {
            Assert.DoesNotContain(">no data</text>", svg, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Typical_charts_are_deterministic()
    {
        Assert.Equal(SampleCharts.Typical(), SampleCharts.Typical());
    }

    private static int CountOccurrences(string text, string value)
    {
        int count = 0;
        for (int i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
