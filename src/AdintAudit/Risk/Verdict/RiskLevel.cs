namespace AdintAudit.Risk.Verdict;

/// <summary>How exposed the people in a dataset are under one criterion; ordered, so the highest can be taken.</summary>
public enum RiskLevel
{
    /// <summary>No figure for the criterion was computed.</summary>
    NotAssessed,

    /// <summary>Every figure is below its Medium threshold.</summary>
    Low,

    /// <summary>The highest figure is at or above its Medium threshold but below its High threshold.</summary>
    Medium,

    /// <summary>At least one figure is at or above its High threshold.</summary>
    High,
}
