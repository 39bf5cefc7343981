namespace AdintAudit.Synthetic;

/// <summary>Shares of the location sources of a ping (GENERATOR-SPEC.md §2 "Source mix"); they must sum to 1.</summary>
/// <param name="Gps">Share of GPS fixes (accuracy about 3–50 m).</param>
/// <param name="Wifi">Share of Wi-Fi fixes (about 15–150 m).</param>
/// <param name="Coarse">Share of cell or coarse fixes (500–3,000 m reported, about 2 km true error).</param>
/// <param name="IosReduced">Share of iOS reduced-accuracy fixes (1–20 km, snapped to a nearby POI); drawn only on iOS devices, so
/// their iOS share is this value divided by the iOS share of devices.</param>
/// <param name="Ip">Share of IP-derived town or country centroids.</param>
public sealed record SourceMix(double Gps, double Wifi, double Coarse, double IosReduced, double Ip)
{
    /// <summary>Checks that every share is in [0, 1] and that they sum to 1 (±1e-6).</summary>
    /// <exception cref="ArgumentException">A share is out of range or the sum is not 1.</exception>
    public void Validate()
    {
        double sum = 0;
        foreach (double share in (ReadOnlySpan<double>)[Gps, Wifi, Coarse, IosReduced, Ip])
        {
            if (!(share >= 0 && share <= 1))
            {
                throw new ArgumentException($"source mix shares must be in [0, 1]: {this}");
            }

            sum += share;
        }

        if (Math.Abs(sum - 1) > 1e-6)
        {
            throw new ArgumentException($"source mix shares must sum to 1: {this}");
        }
    }
}
