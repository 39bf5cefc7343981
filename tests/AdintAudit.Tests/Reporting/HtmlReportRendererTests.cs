using System.Text.RegularExpressions;
using AdintAudit.Reporting;

namespace AdintAudit.Tests.Reporting;

public sealed class HtmlReportRendererTests
{
    private static string Render(ReportDocument document)
    {
        using var writer = new StringWriter();
        HtmlReportRenderer.Render(document, writer);
        return writer.ToString();
    }

    [Fact]
    public void Render_writes_a_self_contained_html5_page()
    {
        string html = Render(SampleReport.Build());

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta charset=\"utf-8\">", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" src=", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Render_has_no_external_url_except_the_svg_namespace()
    {
        string html = Render(SampleReport.Build());

        string[] urls = [.. Regex.Matches(html, @"https?://[^\s""'<>)]*").Select(m => m.Value).Distinct()];
        Assert.Equal(["http://www.w3.org/2000/svg"], urls);
    }

    [Fact]
    public void Render_escapes_every_text()
    {
        ReportDocument document = new()
        {
            Title = "<script>alert(1)</script>",
            Subtitle = "a & b",
            KeyFigures = [new KeyFigure("<i>k</i>", "\"1\"", "x > y")],
            Sections =
            [
                new ReportSection("s1", "<h1>s</h1>",
                [
                    new Paragraph("<img src=x onerror=alert(1)>"),
                    new Table(["<th>"], [["<td>&amp;"]]) { Caption = "<caption>" },
                    new Callout(CalloutLevel.Info, "<b>"),
                    new DefinitionList([new Definition("<dt>", "<dd>")]),
                ]),
            ],
        };

        string html = Render(document);

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;td&gt;&amp;amp;", html, StringComparison.Ordinal);
        Assert.Contains("&quot;1&quot;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_links_the_table_of_contents_to_each_section_and_inlines_figures()
    {
        ReportDocument document = SampleReport.Build();

        string html = Render(document);

        foreach (ReportSection section in document.Sections)
        {
            Assert.Contains($"<a href=\"#{section.Id}\">", html, StringComparison.Ordinal);
            Assert.Contains($"<section id=\"{section.Id}\">", html, StringComparison.Ordinal);
        }

        int figures = document.Sections.SelectMany(s => s.Blocks).OfType<Figure>().Count();
        Assert.Equal(figures, Regex.Count(html, "<figure>\n<svg "));
        Assert.Contains("<td class=\"num\">61 %</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>250 m, 1 h</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_is_deterministic()
    {
        Assert.Equal(Render(SampleReport.Build()), Render(SampleReport.Build()));
    }

    [Theory]
    [InlineData("1st")]
    [InlineData("has space")]
    [InlineData("")]
    [InlineData("quote\"")]
    public void Render_rejects_a_section_id_that_is_not_an_anchor(string id)
    {
        var document = new ReportDocument { Title = "t", Sections = [new ReportSection(id, "s", [])] };

        Assert.Throws<ArgumentException>(() => Render(document));
    }

    [Fact]
    public void Render_rejects_repeated_ids_ragged_rows_and_unsafe_figures()
    {
        static ReportDocument With(params ReportBlock[] blocks) => new() { Title = "t", Sections = [new ReportSection("a", "a", blocks)] };
        string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>";

        Assert.Throws<ArgumentException>(() => Render(new ReportDocument { Title = "t", Sections = [new ReportSection("a", "a", []), new ReportSection("a", "b", [])] }));
        Assert.Throws<ArgumentException>(() => Render(With(new Table(["a", "b"], [["1"]]))));
        Assert.Throws<ArgumentException>(() => Render(With(new Figure("<svg><script>alert(1)</script></svg>", "c", "a.svg"))));
        Assert.Throws<ArgumentException>(() => Render(With(new Figure("<div></div>", "c", "a.svg"))));
        Assert.Throws<ArgumentException>(() => Render(With(new Figure(svg, "c", "../a.svg"))));
        Assert.Throws<ArgumentException>(() => Render(With(new Figure(svg, "c", "a.png"))));
        Assert.Throws<ArgumentException>(() => Render(With(new Figure(svg, "c", "a.svg"), new Figure(svg, "d", "a.svg"))));
    }
}
