namespace AdintAudit.Plotting;

/// <summary>
/// One step line of a <see cref="StepCdfChart"/>, given as a frequency table: <c>Counts[i]</c> devices have the value
/// <c>Values[i]</c> (for example an anonymity-set size). Values need not be sorted or distinct.
/// </summary>
/// <param name="Name">Legend text (for example the resolution).</param>
/// <param name="Values">The observed values in data units; non-finite values are ignored.</param>
/// <param name="Counts">How many items have each value; same count as <paramref name="Values"/>; non-positive counts are ignored.</param>
public sealed record CdfSeries(string Name, IReadOnlyList<double> Values, IReadOnlyList<double> Counts)
{
    /// <summary>Creates a series from one value per item (for example each device's anonymity-set size); each counts once.</summary>
    /// <param name="name">Legend text.</param>
    /// <param name="values">One value per item; the list is kept, not copied.</param>
    public static CdfSeries FromSamples(string name, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        double[] ones = new double[values.Count];
        Array.Fill(ones, 1.0);
        return new CdfSeries(name, values, ones);
    }
}
