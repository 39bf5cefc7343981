namespace AdintAudit.Reporting;

/// <summary>One entry of a <see cref="DefinitionList"/>.</summary>
/// <param name="Term">The term (for example "unicity").</param>
/// <param name="Explanation">Its meaning in plain language.</param>
public sealed record Definition(string Term, string Explanation);
