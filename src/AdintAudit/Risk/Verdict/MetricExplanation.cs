namespace AdintAudit.Risk.Verdict;

/// <summary>A plain-language explanation of one metric the report shows, written for a journalist or a DPO.</summary>
/// <param name="Id">Stable id the report renderer and report.json use, for example <c>unicity.expected</c>.</param>
/// <param name="Name">Short display name.</param>
/// <param name="Meaning">What the number says about the people in the data.</param>
/// <param name="Computation">How it was computed, in a few concrete words.</param>
/// <param name="Parameters">The settings that change it, with their defaults.</param>
/// <param name="Source">Where the method comes from (paper, tool or regulator).</param>
public sealed record MetricExplanation(string Id, string Name, string Meaning, string Computation, string Parameters, string Source);
