using System.Text;

namespace AdintAudit.Reporting;

/// <summary>
/// Renders a <see cref="ReportDocument"/> as GitHub-flavoured Markdown: headings, a contents list, key figures and tables as
/// pipe tables, callouts as GitHub alerts, figures as image links into the plots folder. Text is escaped, so nothing
/// in it turns into markup.
/// </summary>
public static class MarkdownReportRenderer
{
    /// <summary>Writes the document as Markdown to <paramref name="writer"/>; the caller owns and disposes the writer.</summary>
    /// <param name="document">The report; validated first, so nothing is written when it is invalid.</param>
    /// <param name="writer">Destination.</param>
    /// <param name="plotsFolder">Folder of the figure files relative to the Markdown file, such as <c>plots</c>; empty for the same folder.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The document is invalid (see <see cref="HtmlReportRenderer.Render"/>), or
    /// <paramref name="plotsFolder"/> holds characters other than letters, digits, '.', '-', '_' and '/'.</exception>
    public static void Render(ReportDocument document, TextWriter writer, string plotsFolder)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(plotsFolder);
        foreach (char c in plotsFolder)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '.' and not '-' and not '_' and not '/')
            {
                throw new ArgumentException($"plots folder '{plotsFolder}' must be a relative path of letters, digits, '.', '-', '_' and '/'", nameof(plotsFolder));
            }
        }

        ReportValidation.Validate(document);
        string prefix = plotsFolder.Trim('/').Length == 0 ? string.Empty : plotsFolder.Trim('/') + "/";
        writer.Write("# " + Escape(document.Title) + "\n\n");
        if (document.Subtitle.Length > 0)
        {
            writer.Write("_" + Escape(document.Subtitle) + "_\n\n");
        }

        if (document.KeyFigures.Count > 0)
        {
            WriteTable(writer, ["Key figure", "Value", "What it means"], [false, true, false],
                document.KeyFigures.Select(f => (IReadOnlyList<string>)[f.Label, f.Value, f.Explanation]));
            writer.Write('\n');
        }

        if (document.Sections.Count > 0)
        {
            writer.Write("## Contents\n\n");
            foreach (ReportSection section in document.Sections)
            {
                writer.Write("- [" + Escape(section.Title) + "](#" + section.Id + ")\n");
            }

            writer.Write('\n');
        }

        foreach (ReportSection section in document.Sections)
        {
            writer.Write("<a id=\"" + section.Id + "\"></a>\n\n## " + Escape(section.Title) + "\n\n");
            foreach (ReportBlock block in section.Blocks)
            {
                WriteBlock(block, writer, prefix);
                writer.Write('\n');
            }
        }
    }

    private static void WriteBlock(ReportBlock block, TextWriter writer, string prefix)
    {
        switch (block)
        {
            case Paragraph paragraph:
                writer.Write(Escape(paragraph.Text) + "\n");
                break;
            case Table table:
                if (table.Caption.Length > 0)
                {
                    writer.Write("**" + Escape(table.Caption) + "**\n\n");
                }

                WriteTable(writer, table.Headers, table.NumericColumns, table.Rows);
                break;
            case Figure figure:
                writer.Write("![" + Escape(figure.Caption) + "](" + prefix + figure.FileName + ")\n\n*" + Escape(figure.Caption) + "*\n");
                break;
            case Callout callout:
                string alert = callout.Level switch
                {
                    CalloutLevel.Danger => "CAUTION",
                    CalloutLevel.Warning => "WARNING",
                    _ => "NOTE",
                };
                writer.Write("> [!" + alert + "]\n> " + Escape(callout.Text) + "\n");
                break;
            case DefinitionList list:
                foreach (Definition item in list.Items)
                {
                    writer.Write("- **" + Escape(item.Term) + "**: " + Escape(item.Explanation) + "\n");
                }

                break;
            default:
                throw new ArgumentException($"unknown report block {block.GetType().Name}", nameof(block));
        }
    }

    private static void WriteTable(TextWriter writer, IReadOnlyList<string> headers, IReadOnlyList<bool> numeric, IEnumerable<IReadOnlyList<string>> rows)
    {
        writer.Write("|");
        foreach (string header in headers)
        {
            writer.Write(" " + Escape(header) + " |");
        }

        writer.Write("\n|");
        for (int c = 0; c < headers.Count; c++)
        {
            writer.Write(c < numeric.Count && numeric[c] ? " ---: |" : " --- |");
        }

        writer.Write('\n');
        foreach (IReadOnlyList<string> row in rows)
        {
            writer.Write("|");
            foreach (string cell in row)
            {
                writer.Write(" " + Escape(cell) + " |");
            }

            writer.Write('\n');
        }
    }

    /// <summary>
    /// Makes plain text inert in GitHub Markdown: line breaks become spaces, markup characters (including the table pipe) get
    /// a backslash, '&amp;' becomes an entity, and a leading list or heading marker is escaped.
    /// </summary>
    internal static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            switch (c)
            {
                case '\r':
                    break;
                case '\n':
                case '\t':
                    builder.Append(' ');
                    break;
                case '&':
                    builder.Append("&amp;");
                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '~' or '#' or '!':
                    builder.Append('\\').Append(c);
                    break;
                default:
                    if (c >= 0x20)
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        // "- x", "+ x", "= x" and "1. x" at the start of a line would become a list or an underline.
        if (builder.Length > 0 && builder[0] is '-' or '+' or '=')
        {
            builder.Insert(0, '\\');
        }
        else
        {
            int digits = 0;
            while (digits < builder.Length && char.IsAsciiDigit(builder[digits]))
            {
                digits++;
            }

            if (digits > 0 && digits < builder.Length && builder[digits] is '.' or ')')
            {
                builder.Insert(digits, '\\');
            }
        }

        return builder.ToString();
    }
}
