namespace AdintAudit.Synthetic.Population;

/// <summary>A synthetic person: persona, home, workplace, habits. Derived from (seed, person index) alone.</summary>
internal sealed class Person
{
    public int Index { get; init; }

    public Persona Persona { get; init; }

    public double HomeX { get; init; }

    public double HomeY { get; init; }

    public bool HasWork { get; init; }

    public double WorkX { get; init; }

    public double WorkY { get; init; }

    /// <summary>The critical site the person works at, or -1.</summary>
    public int WorkPoi { get; init; } = -1;

    public ShiftKind Shift { get; init; }

    /// <summary>Work days as bits by <see cref="DayOfWeek"/> (bit 0 = Sunday).</summary>
    public int WorkDays { get; init; }

    /// <summary>Probability of a religious visit on <see cref="ReligiousDay"/>: 1 weekly, 0.75 almost weekly, 0.25 monthly, 0 never.</summary>
    public double ReligiousProbability { get; init; }

    public DayOfWeek ReligiousDay { get; init; }

    public int ReligiousHour { get; init; }

    public int ReligiousPoi { get; init; } = -1;

    /// <summary>Favourite POI per errand kind (index by <see cref="PersonaSchedule.ErrandKinds"/>).</summary>
    public int[] FavouritePois { get; init; } = [];

    /// <summary>Residential IPv4 address of the household, as an unsigned 32-bit number.</summary>
    public uint HomeIp { get; init; }
}
