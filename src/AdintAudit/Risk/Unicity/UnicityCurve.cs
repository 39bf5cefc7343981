namespace AdintAudit.Risk.Unicity;

/// <summary>Unicity against the number of known points at one resolution.</summary>
public sealed class UnicityCurve
{
    internal UnicityCurve(UnicityResolution resolution, UnicityPoint[] points)
    {
        Resolution = resolution;
        Points = points;
    }

    /// <summary>The resolution the traces were coarsened to.</summary>
    public UnicityResolution Resolution { get; }

    /// <summary>One entry per requested p, in the order of <see cref="UnicityOptions.Points"/> (ascending).</summary>
    public IReadOnlyList<UnicityPoint> Points { get; }
}
