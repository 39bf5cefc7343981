namespace AdintAudit.Plotting;

/// <summary>One line of a <see cref="LineChart"/>: points (X[i], Y[i]); a NaN breaks the line.</summary>
/// <param name="Name">Legend text.</param>
/// <param name="X">X values in data units.</param>
/// <param name="Y">Y values in data units; same count as <paramref name="X"/>.</param>
public sealed record LineSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y);
