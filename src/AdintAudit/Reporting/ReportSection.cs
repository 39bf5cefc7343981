namespace AdintAudit.Reporting;

/// <summary>A section of a report: a heading, an anchor for the table of contents, and its blocks in order.</summary>
/// <param name="Id">Anchor: a letter, then letters, digits, '-' or '_'; unique within the document.</param>
/// <param name="Title">Heading text.</param>
/// <param name="Blocks">Content, in reading order.</param>
public sealed record ReportSection(string Id, string Title, IReadOnlyList<ReportBlock> Blocks);
