namespace AdintAudit.Reporting;

/// <summary>A paragraph of plain text; line breaks are kept as spaces and every character is escaped.</summary>
/// <param name="Text">The text.</param>
public sealed record Paragraph(string Text) : ReportBlock;
