namespace AdintAudit.Reporting;

/// <summary>A highlighted box of plain text (a finding, a caveat).</summary>
/// <param name="Level">Seriousness, which sets the colour and the label.</param>
/// <param name="Text">The text.</param>
public sealed record Callout(CalloutLevel Level, string Text) : ReportBlock;
