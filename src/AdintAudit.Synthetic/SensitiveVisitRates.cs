namespace AdintAudit.Synthetic;

/// <summary>
/// Probabilities that a person visits a sensitive place of each kind in 30 days (GENERATOR-SPEC.md §2 "Other sensitive
/// visits"; FTC categories [S], rates are assumptions [A] planted so that detection recall can be measured).
/// </summary>
/// <param name="ReproductiveHealth">Reproductive-health clinic (default 0.3 %).</param>
/// <param name="MentalHealth">Mental-health or addiction service (default 0.8 %).</param>
/// <param name="Shelter">Shelter (default 0.1 %).</param>
/// <param name="Union">Labour-union office (default 0.3 %).</param>
/// <param name="Protest">Protest, on the window's event days only (default 0.5 %).</param>
/// <param name="Lgbtq">LGBTQ+ venue (default 1 %).</param>
/// <param name="Correctional">Correctional facility, staff and visitors (default 0.2 %).</param>
public sealed record SensitiveVisitRates(
    double ReproductiveHealth,
    double MentalHealth,
    double Shelter,
    double Union,
    double Protest,
    double Lgbtq,
    double Correctional)
{
    /// <summary>The spec's defaults.</summary>
    public static SensitiveVisitRates Default { get; } = new(0.003, 0.008, 0.001, 0.003, 0.005, 0.01, 0.002);
}
