namespace AdintAudit.Plotting;

/// <summary>One category of a <see cref="BarChart"/>: a label and one value per series.</summary>
/// <param name="Label">Category label under the bars.</param>
/// <param name="Values">One value per series, in series order.</param>
public sealed record BarGroup(string Label, IReadOnlyList<double> Values);
