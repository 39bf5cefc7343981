using AdintAudit.Reporting;
using FsCheck;
using FsCheck.Fluent;

namespace AdintAudit.Tests.Reporting;

public sealed class MarkdownReportRendererTests
{
    private static string Render(ReportDocument document, string plotsFolder = "plots")
    {
        using var writer = new StringWriter();
        MarkdownReportRenderer.Render(document, writer, plotsFolder);
        return writer.ToString();
    }

    [Fact]
    public void Render_links_figures_into_the_plots_folder()
    {
        string markdown = Render(SampleReport.Build());

        Assert.Contains("![Chart unicity.svg](plots/unicity.svg)", markdown, StringComparison.Ordinal);
        Assert.Contains("![Chart density-map.svg](plots/density-map.svg)", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_writes_headings_contents_tables_alerts_and_definitions()
    {
        string markdown = Render(SampleReport.Build());

        Assert.StartsWith("# Re-identification audit \\<sample\\> &amp; test\n\n_pings.parquet \\| 2,000 devices \\| 14 days_\n", markdown, StringComparison.Ordinal);
        Assert.Contains("- [Summary](#summary)\n", markdown, StringComparison.Ordinal);
        Assert.Contains("<a id=\"summary\"></a>\n\n## Summary\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| Resolution | Unique | k \\< 5 |\n| --- | ---: | ---: |\n| 250 m, 1 h | 61 % | 80 % |\n| 1 km \\| 4 h | 22 % | 41 % |\n", markdown, StringComparison.Ordinal);
        Assert.Contains("> [!CAUTION]\n> 95 % of devices", markdown, StringComparison.Ordinal);
        Assert.Contains("> [!WARNING]\n", markdown, StringComparison.Ordinal);
        Assert.Contains("> [!NOTE]\n", markdown, StringComparison.Ordinal);
        Assert.Contains("- **Unicity**: The share of devices", markdown, StringComparison.Ordinal);
        Assert.Contains("| Key figure | Value | What it means |\n| --- | ---: | --- |\n", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a|b", "a\\|b")]
    [InlineData("*bold* _it_ `code`", "\\*bold\\* \\_it\\_ \\`code\\`")]
    [InlineData("line\nbreak\r\n", "line break ")]
    [InlineData("- not a list", "\\- not a list")]
    [InlineData("12. not a list", "12\\. not a list")]
    [InlineData("[link](x)", "\\[link\\](x)")]
    [InlineData("<b> & c", "\\<b\\> &amp; c")]
    [InlineData("# not a heading", "\\# not a heading")]
    [InlineData("95 %", "95 %")]
    public void Escape_makes_markup_inert(string text, string expected)
    {
        Assert.Equal(expected, MarkdownReportRenderer.Escape(text));
    }

    [Fact]
    public void Escape_never_leaves_a_bare_pipe_or_a_line_break() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
        {
            string escaped = MarkdownReportRenderer.Escape(text ?? string.Empty);
            for (int i = 0; i < escaped.Length; i++)
            {
                if (escaped[i] is '\n' or '\r')
                {
                    return false;
                }

                // A pipe must follow an odd run of backslashes (the escape), not an escaped backslash.
                if (escaped[i] == '|')
                {
                    int slashes = 0;
                    while (i - slashes - 1 >= 0 && escaped[i - slashes - 1] == '\\')
                    {
                        slashes++;
                    }

                    if (slashes % 2 == 0)
                    {
                        return false;
                    }
                }
            }

            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));

    [Fact]
    public void Render_rejects_a_plots_folder_with_unsafe_characters()
    {
        Assert.Throws<ArgumentException>(() => Render(SampleReport.Build(), "my plots"));
        Assert.Contains("](unicity.svg)", Render(SampleReport.Build(), string.Empty), StringComparison.Ordinal);
    }
}
