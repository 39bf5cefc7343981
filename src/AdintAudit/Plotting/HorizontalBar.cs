namespace AdintAudit.Plotting;

/// <summary>One bar of a <see cref="HorizontalBarChart"/>.</summary>
/// <param name="Label">Category label left of the bar (for example a site name); long labels are shortened with an ellipsis.</param>
/// <param name="Value">Bar length in data units; a non-finite value draws no bar.</param>
public sealed record HorizontalBar(string Label, double Value);
