namespace AdintAudit.Reporting;

/// <summary>
/// A report as data: title, headline figures and sections of blocks. The audit fills it; <see cref="HtmlReportRenderer"/>
/// and <see cref="MarkdownReportRenderer"/> turn it into files. All text is plain text: renderers escape it.
/// </summary>
public sealed record ReportDocument
{
    /// <summary>Document title (the page title and top heading).</summary>
    public required string Title { get; init; }

    /// <summary>One line under the title (for example the input file and the date of the audit); empty for none.</summary>
    public string Subtitle { get; init; } = string.Empty;

    /// <summary>Headline numbers shown before the sections; default none.</summary>
    public IReadOnlyList<KeyFigure> KeyFigures { get; init; } = [];

    /// <summary>The sections, in reading order; default none.</summary>
    public IReadOnlyList<ReportSection> Sections { get; init; } = [];
}
