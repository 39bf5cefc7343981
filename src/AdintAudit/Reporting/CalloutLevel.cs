namespace AdintAudit.Reporting;

/// <summary>How serious a <see cref="Callout"/> is.</summary>
public enum CalloutLevel
{
    /// <summary>Context or a note (blue).</summary>
    Info,

    /// <summary>Something the reader should act on or keep in mind (orange).</summary>
    Warning,

    /// <summary>A serious risk (red).</summary>
    Danger,
}
