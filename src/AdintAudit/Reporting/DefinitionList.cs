namespace AdintAudit.Reporting;

/// <summary>Terms with plain-language explanations (what each metric means).</summary>
/// <param name="Items">The entries, in order.</param>
public sealed record DefinitionList(IReadOnlyList<Definition> Items) : ReportBlock;
