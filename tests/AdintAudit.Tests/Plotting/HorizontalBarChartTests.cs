using System.Xml.Linq;
using AdintAudit.Plotting;

namespace AdintAudit.Tests.Plotting;

public sealed class HorizontalBarChartTests
{
    [Theory]
    [InlineData("short", 10, "short")]
    [InlineData("exactly10!", 10, "exactly10!")]
    [InlineData("St. Mary's Hospital", 10, "St. Mary'…")]
    [InlineData("Hospital Wing", 10, "Hospital…")]
    [InlineData("ab😀cdefghij", 4, "ab…")]
    public void Truncate_cuts_with_an_ellipsis_within_the_limit(string label, int maxChars, string expected)
    {
        string truncated = HorizontalBarChart.Truncate(label, maxChars);

        Assert.Equal(expected, truncated);
        Assert.True(truncated.Length <= maxChars);
    }

    [Fact]
    public void Long_labels_are_truncated_and_keep_the_full_text_as_a_tooltip()
    {
        string longLabel = "St. Mary's Hospital & Emergency Care Centre, East Wing";
        var chart = new HorizontalBarChart { Title = "sites", LabelMaxChars = 20, Bars = [new HorizontalBar(longLabel, 412), new HorizontalBar("Clinic", 97)] };

        string svg = chart.ToSvg();

        XDocument document = XDocument.Parse(svg);
        XElement label = document.Descendants().Single(e => e.Name.LocalName == "text" && e.Value.EndsWith('…'));
        Assert.Equal(longLabel, label.Elements().Single(e => e.Name.LocalName == "title").Value);
        Assert.Equal("St. Mary's Hospital…", label.Nodes().OfType<XText>().Single().Value);
        XElement clinic = document.Descendants().Single(e => e.Name.LocalName == "text" && e.Value == "Clinic");
        Assert.Empty(clinic.Elements());
    }

    [Fact]
    public void Height_grows_with_the_number_of_bars_and_labels_stay_inside_the_image()
    {
        HorizontalBar[] bars = [.. Enumerable.Range(0, 30).Select(i => new HorizontalBar(new string('W', 60), i))];

        string svg = new HorizontalBarChart { Title = "many", Bars = bars }.ToSvg();

        XElement root = XDocument.Parse(svg).Root!;
        // 58 px title + 56 px axis + 30 rows of 22 px = 774 px.
        Assert.Equal("774", root.Attribute("height")!.Value);
        // Labels are right-aligned at the plot's left edge, which is 14 + 28 characters × 6.6 px = 198.8 px from the left.
        Assert.Contains("<text x=\"192.8\"", svg, StringComparison.Ordinal);
    }
}
