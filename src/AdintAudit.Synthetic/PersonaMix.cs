namespace AdintAudit.Synthetic;

/// <summary>Shares of the personas among persons (GENERATOR-SPEC.md §2 "Personas"); they must sum to 1.</summary>
/// <param name="Worker9To5">Share of 9-to-5 office workers (Mon–Fri, 09:00–17:00 ± 45 min).</param>
/// <param name="ShiftWorker">Share of shift workers (early, late or night shifts, four days a week).</param>
/// <param name="Student">Share of students (weekday campus, evening outings).</param>
/// <param name="HomeBased">Share of home-based or work-from-home persons.</param>
/// <param name="Retiree">Share of retirees.</param>
public sealed record PersonaMix(double Worker9To5, double ShiftWorker, double Student, double HomeBased, double Retiree)
{
    /// <summary>Checks that every share is in [0, 1] and that they sum to 1 (±1e-6).</summary>
    /// <exception cref="ArgumentException">A share is out of range or the sum is not 1.</exception>
    public void Validate()
    {
        double sum = 0;
        foreach (double share in (ReadOnlySpan<double>)[Worker9To5, ShiftWorker, Student, HomeBased, Retiree])
        {
            if (!(share >= 0 && share <= 1))
            {
                throw new ArgumentException($"persona shares must be in [0, 1]: {this}");
            }

            sum += share;
        }

        if (Math.Abs(sum - 1) > 1e-6)
        {
            throw new ArgumentException($"persona shares must sum to 1: {this}");
        }
    }
}
