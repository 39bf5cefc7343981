namespace AdintAudit.Reporting;

/// <summary>A headline number of a report, with a plain-language explanation.</summary>
/// <param name="Label">What is measured (for example "devices singled out by 4 points").</param>
/// <param name="Value">The value, already formatted (for example "93 %").</param>
/// <param name="Explanation">One sentence a non-specialist understands; empty for none.</param>
public sealed record KeyFigure(string Label, string Value, string Explanation);
