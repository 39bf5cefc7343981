namespace AdintAudit.Synthetic.Geography;

/// <summary>The FTC sensitive-location categories a POI can carry (spec §1.1; DESIGN.md "Sensitive sites").</summary>
internal enum SensitiveCategory : byte
{
    None,
    Medical,
    ReproductiveHealth,
    MentalHealth,
    Religious,
    Shelter,
    Union,
    Lgbtq,
    Correctional,
    Protest,
    Military,
    Government,
    EducationChildcare,
}

/// <summary>Names of <see cref="SensitiveCategory"/> values as written to files.</summary>
internal static class SensitiveCategoryNames
{
    public static string? Of(SensitiveCategory category) => category switch
    {
        SensitiveCategory.None => null,
        SensitiveCategory.Medical => "medical",
        SensitiveCategory.ReproductiveHealth => "reproductive_health",
        SensitiveCategory.MentalHealth => "mental_health",
        SensitiveCategory.Religious => "religious",
        SensitiveCategory.Shelter => "shelter",
        SensitiveCategory.Union => "union",
        SensitiveCategory.Lgbtq => "lgbtq",
        SensitiveCategory.Correctional => "correctional",
        SensitiveCategory.Protest => "protest",
        SensitiveCategory.Military => "military",
        SensitiveCategory.Government => "government",
        _ => "education_childcare",
    };
}
