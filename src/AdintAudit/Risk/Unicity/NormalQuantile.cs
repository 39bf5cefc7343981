namespace AdintAudit.Risk.Unicity;

/// <summary>The standard normal quantile function (inverse CDF).</summary>
internal static class NormalQuantile
{
    private static readonly double[] s_a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
    private static readonly double[] s_b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
    private static readonly double[] s_c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
    private static readonly double[] s_d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];

    /// <summary>Returns z with P(Z &lt;= z) = <paramref name="probability"/>, for a probability in (0, 1).</summary>
    /// <remarks>Acklam's rational approximation; relative error below 1.15e-9 over the whole range.</remarks>
    public static double Of(double probability)
    {
        const double Low = 0.02425;
        if (probability < Low)
        {
            double q = Math.Sqrt(-2 * Math.Log(probability));
            return Tail(q);
        }

        if (probability > 1 - Low)
        {
            double q = Math.Sqrt(-2 * Math.Log(1 - probability));
            return -Tail(q);
        }

        double x = probability - 0.5;
        double r = x * x;
        return Horner(s_a, r) * x / ((Horner(s_b, r) * r) + 1);
    }

    private static double Tail(double q) => Horner(s_c, q) / ((Horner(s_d, q) * q) + 1);

    /// <summary>Evaluates c[0]·x^(n−1) + … + c[n−1].</summary>
    private static double Horner(double[] coefficients, double x)
    {
        double value = 0;
        foreach (double c in coefficients)
        {
            value = (value * x) + c;
        }

        return value;
    }
}
