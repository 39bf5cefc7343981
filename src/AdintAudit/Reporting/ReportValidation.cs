namespace AdintAudit.Reporting;

/// <summary>Checks a <see cref="ReportDocument"/> once before rendering, so neither renderer emits a broken file.</summary>
internal static class ReportValidation
{
    /// <exception cref="ArgumentException">An anchor is malformed or repeated, a table row has the wrong number of cells,
    /// or a figure is not a script-free SVG document or has an unusable file name.</exception>
    public static void Validate(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var fileNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (ReportSection section in document.Sections)
        {
            if (!IsAnchor(section.Id) || !ids.Add(section.Id))
            {
                throw new ArgumentException($"section '{section.Title}': id '{section.Id}' must be a unique anchor (a letter, then letters, digits, '-' or '_')", nameof(document));
            }

            foreach (ReportBlock block in section.Blocks)
            {
                switch (block)
                {
                    case Table table:
                        for (int r = 0; r < table.Rows.Count; r++)
                        {
                            if (table.Rows[r].Count != table.Headers.Count)
                            {
                                throw new ArgumentException($"section '{section.Id}': table row {r} has {table.Rows[r].Count} cells for {table.Headers.Count} headers", nameof(document));
                            }
                        }

                        break;
                    case Figure figure:
                        if (!figure.Svg.AsSpan().TrimStart().StartsWith("<svg", StringComparison.Ordinal)
                            || figure.Svg.Contains("<script", StringComparison.OrdinalIgnoreCase))
                        {
                            throw new ArgumentException($"section '{section.Id}': figure '{figure.FileName}' is not a script-free SVG document", nameof(document));
                        }

                        if (!IsFileName(figure.FileName) || !fileNames.Add(figure.FileName))
                        {
                            throw new ArgumentException($"section '{section.Id}': figure file name '{figure.FileName}' must be unique, use only letters, digits, '.', '-', '_' and end in .svg", nameof(document));
                        }

                        break;
                    case null:
                        throw new ArgumentException($"section '{section.Id}' holds a null block", nameof(document));
                    default:
                        break;
                }
            }
        }
    }

    private static bool IsAnchor(string id)
    {
        if (id.Length == 0 || !char.IsAsciiLetter(id[0]))
        {
            return false;
        }

        foreach (char c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsFileName(string name)
    {
        if (!name.EndsWith(".svg", StringComparison.Ordinal) || name.Length <= 4 || name[0] == '.')
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '.' and not '-' and not '_')
            {
                return false;
            }
        }

        return true;
    }
}
