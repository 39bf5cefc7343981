namespace AdintAudit.Risk.Attacks;

/// <summary>Temporal precision of the location-time attack's knowledge.</summary>
public enum TimePrecision
{
    /// <summary>Calendar year.</summary>
    Year,

    /// <summary>Calendar month.</summary>
    Month,

    /// <summary>Calendar day.</summary>
    Day,

    /// <summary>Hour of the day.</summary>
    Hour,

    /// <summary>Minute.</summary>
    Minute,

    /// <summary>Second.</summary>
    Second,
}
