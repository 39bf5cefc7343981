using AdintAudit.Plotting;

namespace AdintAudit.Reporting;

/// <summary>
/// Renders a <see cref="ReportDocument"/> as one self-contained HTML5 file: inline CSS (readable on screen, print-friendly),
/// a table of contents, figures inlined as SVG, no script and no external reference (no fonts, no CDN, no images by URL),
/// so it reads the same offline, in a mail attachment or on paper.
/// </summary>
public static class HtmlReportRenderer
{
    private const string Css = """
        :root { color-scheme: light; }
        body { font-family: system-ui, sans-serif; line-height: 1.5; color: #1a1a1a; background: #ffffff; max-width: 960px; margin: 0 auto; padding: 24px; }
        h1 { font-size: 1.8em; margin: 0 0 0.2em; }
        h2 { margin-top: 1.6em; border-bottom: 1px solid #dddddd; padding-bottom: 0.2em; }
        .subtitle { color: #555555; margin-top: 0; }
        nav.toc { border: 1px solid #dddddd; border-radius: 6px; padding: 8px 16px; margin: 16px 0; }
        nav.toc h2 { margin: 0.2em 0; border: none; font-size: 1.1em; }
        .key-figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(210px, 1fr)); gap: 12px; margin: 16px 0; }
        .key-figure { border: 1px solid #d0d0d0; border-radius: 6px; padding: 10px 12px; }
        .key-figure .label { font-size: 0.9em; color: #444444; }
        .key-figure .value { font-size: 1.6em; font-weight: 600; color: #0b4f8a; }
        .key-figure .explanation { font-size: 0.85em; color: #555555; margin: 0; }
        table { border-collapse: collapse; margin: 12px 0; }
        th, td { border: 1px solid #cccccc; padding: 4px 8px; text-align: left; vertical-align: top; }
        th { background: #f2f2f2; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        caption { caption-side: top; text-align: left; font-weight: 600; padding-bottom: 4px; }
        figure { margin: 16px 0; }
        figure svg { max-width: 100%; height: auto; display: block; }
        figcaption { color: #444444; font-size: 0.9em; }
        .callout { border-left: 5px solid; padding: 8px 12px; margin: 12px 0; border-radius: 3px; }
        .callout strong { margin-right: 0.4em; }
        .callout-info { border-color: #0072B2; background: #eef6fb; }
        .callout-warning { border-color: #E69F00; background: #fdf5e6; }
        .callout-danger { border-color: #D55E00; background: #fbeee8; }
        dt { font-weight: 600; }
        dd { margin: 0 0 8px 16px; }
        @media print {
          body { max-width: none; padding: 0; font-size: 11pt; background: #ffffff; color: #000000; }
          nav.toc { border: none; padding: 0; }
          section { break-before: page; page-break-before: always; }
          figure, table, .callout, .key-figure { break-inside: avoid; page-break-inside: avoid; }
          .callout, th { background: #ffffff !important; }
          a { color: inherit; text-decoration: none; }
        }
        """;

    /// <summary>Writes the document as HTML to <paramref name="writer"/>; the caller owns and disposes the writer.</summary>
    /// <param name="document">The report; validated first, so nothing is written when it is invalid.</param>
    /// <param name="writer">Destination (UTF-8 is expected: the file declares <c>meta charset="utf-8"</c>).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A section id is not a unique anchor, a table row has the wrong number of cells,
    /// or a figure is not a script-free SVG or has an unusable file name.</exception>
    public static void Render(ReportDocument document, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ReportValidation.Validate(document);

        writer.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        writer.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        writer.Write("<title>" + Escape(document.Title) + "</title>\n<style>\n" + Css + "\n</style>\n</head>\n<body>\n");
        writer.Write("<header>\n<h1>" + Escape(document.Title) + "</h1>\n");
        if (document.Subtitle.Length > 0)
        {
            writer.Write("<p class=\"subtitle\">" + Escape(document.Subtitle) + "</p>\n");
        }

        writer.Write("</header>\n");
        WriteKeyFigures(document.KeyFigures, writer);
        if (document.Sections.Count > 0)
        {
            writer.Write("<nav class=\"toc\" aria-label=\"Contents\">\n<h2>Contents</h2>\n<ol>\n");
            foreach (ReportSection section in document.Sections)
            {
                writer.Write("<li><a href=\"#" + section.Id + "\">" + Escape(section.Title) + "</a></li>\n");
            }

            writer.Write("</ol>\n</nav>\n");
        }

        writer.Write("<main>\n");
        foreach (ReportSection section in document.Sections)
        {
            writer.Write("<section id=\"" + section.Id + "\">\n<h2>" + Escape(section.Title) + "</h2>\n");
            foreach (ReportBlock block in section.Blocks)
            {
                WriteBlock(block, writer);
            }

            writer.Write("</section>\n");
        }

        writer.Write("</main>\n</body>\n</html>\n");
    }

    private static void WriteKeyFigures(IReadOnlyList<KeyFigure> figures, TextWriter writer)
    {
        if (figures.Count == 0)
        {
            return;
        }

        writer.Write("<div class=\"key-figures\">\n");
        foreach (KeyFigure figure in figures)
        {
            writer.Write("<div class=\"key-figure\"><div class=\"label\">" + Escape(figure.Label) + "</div><div class=\"value\">"
                + Escape(figure.Value) + "</div>");
            if (figure.Explanation.Length > 0)
            {
                writer.Write("<p class=\"explanation\">" + Escape(figure.Explanation) + "</p>");
            }

            writer.Write("</div>\n");
        }

        writer.Write("</div>\n");
    }

    private static void WriteBlock(ReportBlock block, TextWriter writer)
    {
        switch (block)
        {
            case Paragraph paragraph:
                writer.Write("<p>" + Escape(paragraph.Text) + "</p>\n");
                break;
            case Table table:
                WriteTable(table, writer);
                break;
            case Figure figure:
                writer.Write("<figure>\n" + figure.Svg.Trim() + "\n<figcaption>" + Escape(figure.Caption) + "</figcaption>\n</figure>\n");
                break;
            case Callout callout:
                (string css, string label) = callout.Level switch
                {
                    CalloutLevel.Danger => ("callout-danger", "Danger:"),
                    CalloutLevel.Warning => ("callout-warning", "Warning:"),
                    _ => ("callout-info", "Note:"),
                };
                writer.Write("<div class=\"callout " + css + "\" role=\"note\"><strong>" + label + "</strong>" + Escape(callout.Text) + "</div>\n");
                break;
            case DefinitionList list:
                writer.Write("<dl>\n");
                foreach (Definition item in list.Items)
                {
                    writer.Write("<dt>" + Escape(item.Term) + "</dt><dd>" + Escape(item.Explanation) + "</dd>\n");
                }

                writer.Write("</dl>\n");
                break;
            default:
                throw new ArgumentException($"unknown report block {block.GetType().Name}", nameof(block));
        }
    }

    private static void WriteTable(Table table, TextWriter writer)
    {
        writer.Write("<table>\n");
        if (table.Caption.Length > 0)
        {
            writer.Write("<caption>" + Escape(table.Caption) + "</caption>\n");
        }

        writer.Write("<thead><tr>");
        for (int c = 0; c < table.Headers.Count; c++)
        {
            writer.Write(Cell("th", table, c, table.Headers[c]));
        }

        writer.Write("</tr></thead>\n<tbody>\n");
        foreach (IReadOnlyList<string> row in table.Rows)
        {
            writer.Write("<tr>");
            for (int c = 0; c < row.Count; c++)
            {
                writer.Write(Cell("td", table, c, row[c]));
            }

            writer.Write("</tr>\n");
        }

        writer.Write("</tbody>\n</table>\n");
    }

    private static string Cell(string tag, Table table, int column, string text)
    {
        bool numeric = column < table.NumericColumns.Count && table.NumericColumns[column];
        return "<" + tag + (numeric ? " class=\"num\">" : ">") + Escape(text) + "</" + tag + ">";
    }

    private static string Escape(string text) => SvgWriter.Escape(text);
}
