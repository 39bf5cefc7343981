namespace AdintAudit.Synthetic.Geography;

/// <summary>The kinds of place in the POI layer; <see cref="PoiKinds"/> gives each its count, size and category.</summary>
internal enum PoiKind : byte
{
    Supermarket,
    Restaurant,
    Retail,
    Cafe,
    Gym,
    Park,
    School,
    MedicalOffice,
    Hospital,
    ReproductiveClinic,
    MentalHealthService,
    PlaceOfWorship,
    Shelter,
    UnionOffice,
    LgbtqVenue,
    CorrectionalFacility,
    ProtestSquare,
    MilitaryBase,
    GovernmentCompound,
}

/// <summary>How a kind of POI is placed.</summary>
internal enum PoiPlacement : byte
{
    /// <summary>Where people live (population density).</summary>
    Population,

    /// <summary>In the core city (squares, the government compound).</summary>
    Core,

    /// <summary>At the edge of the metro area (military base, prison).</summary>
    Periphery,
}

/// <summary>Static facts about each <see cref="PoiKind"/>: the layer's composition [A].</summary>
internal static class PoiKinds
{
    public static readonly int Count = Enum.GetValues<PoiKind>().Length;

    public static (string Category, string Title, SensitiveCategory Sensitive, bool Critical, int Count, double HalfSizeMin, double HalfSizeMax, PoiPlacement Placement) Info(PoiKind kind) => kind switch
    {
        PoiKind.Supermarket => ("supermarket", "Market", SensitiveCategory.None, false, 120, 30, 60, PoiPlacement.Population),
        PoiKind.Restaurant => ("restaurant", "Kitchen", SensitiveCategory.None, false, 260, 12, 25, PoiPlacement.Population),
        PoiKind.Retail => ("retail", "Store", SensitiveCategory.None, false, 220, 15, 40, PoiPlacement.Population),
        PoiKind.Cafe => ("cafe", "Cafe", SensitiveCategory.None, false, 140, 10, 20, PoiPlacement.Population),
        PoiKind.Gym => ("gym", "Fitness", SensitiveCategory.None, false, 60, 20, 40, PoiPlacement.Population),
        PoiKind.Park => ("park", "Park", SensitiveCategory.None, false, 50, 100, 300, PoiPlacement.Population),
        PoiKind.School => ("school", "School", SensitiveCategory.EducationChildcare, false, 70, 40, 90, PoiPlacement.Population),
        PoiKind.MedicalOffice => ("medical_office", "Medical Practice", SensitiveCategory.Medical, false, 90, 12, 25, PoiPlacement.Population),
        PoiKind.Hospital => ("hospital", "Hospital", SensitiveCategory.Medical, false, 8, 100, 200, PoiPlacement.Population),
        PoiKind.ReproductiveClinic => ("reproductive_health_clinic", "Women's Health Clinic", SensitiveCategory.ReproductiveHealth, false, 6, 12, 25, PoiPlacement.Population),
        PoiKind.MentalHealthService => ("mental_health_service", "Counselling and Recovery Centre", SensitiveCategory.MentalHealth, false, 14, 12, 25, PoiPlacement.Population),
        PoiKind.PlaceOfWorship => ("place_of_worship", "Congregation", SensitiveCategory.Religious, false, 60, 20, 45, PoiPlacement.Population),
        PoiKind.Shelter => ("shelter", "Shelter", SensitiveCategory.Shelter, false, 6, 15, 30, PoiPlacement.Population),
        PoiKind.UnionOffice => ("union_office", "Workers' Union Hall", SensitiveCategory.Union, false, 6, 12, 25, PoiPlacement.Core),
        PoiKind.LgbtqVenue => ("lgbtq_venue", "Pride Centre", SensitiveCategory.Lgbtq, false, 10, 12, 25, PoiPlacement.Core),
        PoiKind.CorrectionalFacility => ("correctional_facility", "Correctional Facility", SensitiveCategory.Correctional, false, 2, 150, 250, PoiPlacement.Periphery),
        PoiKind.ProtestSquare => ("public_square", "Square", SensitiveCategory.Protest, false, 3, 60, 100, PoiPlacement.Core),
        PoiKind.MilitaryBase => ("military_base", "Barracks", SensitiveCategory.Military, true, 1, 600, 900, PoiPlacement.Periphery),
        PoiKind.GovernmentCompound => ("government_compound", "Federal Government Quarter", SensitiveCategory.Government, true, 1, 150, 250, PoiPlacement.Core),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
