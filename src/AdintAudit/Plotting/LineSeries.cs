namespace AdintAudit.Plotting;

/// <summary>One line of a <see cref="LineChart"/>: points (X[i], Y[i]); a NaN breaks the line.</summary>
/// <param name="Name">Legend text.</param>
/// <param name="X">X values in data units.</param>
/// <param name="Y">Y values in data units; same count as <paramref name="X"/>.</param>
public sealed record LineSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y)
{
    /// <summary>Lower edge of a shaded confidence band, one value per point, or null for no band (the default).</summary>
    /// <remarks>The band is drawn only when <see cref="Upper"/> is also set; a NaN in either edge breaks the band.</remarks>
    public IReadOnlyList<double>? Lower { get; init; }

    /// <summary>Upper edge of a shaded confidence band, one value per point, or null for no band (the default).</summary>
    public IReadOnlyList<double>? Upper { get; init; }
}
