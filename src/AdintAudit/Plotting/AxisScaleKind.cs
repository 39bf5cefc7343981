namespace AdintAudit.Plotting;

/// <summary>How data values map to positions along a chart axis.</summary>
public enum AxisScaleKind
{
    /// <summary>Equal distances for equal differences; ticks at nice steps (1, 2 or 5 times a power of ten).</summary>
    Linear,

    /// <summary>Equal distances for equal ratios; ticks at decades (1, 10, 100 ...). Values at or below zero are not drawn.</summary>
    Log10,
}
