namespace AdintAudit.Risk.Unicity;

/// <summary>Unicity for one number of known points p at one resolution.</summary>
/// <param name="P">Number of points the adversary knows.</param>
/// <param name="EligibleDevices">Evaluated devices with at least <paramref name="P"/> distinct points; the shares are over these.</param>
/// <param name="Expected">
/// ε_p: mean over eligible devices of the share of random p-subsets of the device's own points that no other device
/// also holds, in [0, 1]; NaN when no device is eligible.
/// </param>
/// <param name="ConfidenceLow">Lower end of the interval around <paramref name="Expected"/> (normal approximation over devices); NaN below 2 eligible devices.</param>
/// <param name="ConfidenceHigh">Upper end of that interval, in [0, 1]; NaN below 2 eligible devices.</param>
/// <param name="WorstCase">
/// Share of eligible devices for which SOME p-subset of their points is unique (an adversary who knows the most
/// revealing points), in [0, 1]; a lower bound when <paramref name="WorstCaseLowerBoundDevices"/> is positive.
/// </param>
/// <param name="WorstCaseLowerBoundDevices">Eligible devices whose search hit <see cref="UnicityOptions.MaxInstancesPerDevice"/> undecided; they count as not unique.</param>
public readonly record struct UnicityPoint(
    int P,
    int EligibleDevices,
    double Expected,
    double ConfidenceLow,
    double ConfidenceHigh,
    double WorstCase,
    int WorstCaseLowerBoundDevices);
