namespace AdintAudit.Risk.Linkage;

/// <summary>Devices whose inferred homes lie together (groups joined transitively at <see cref="LinkageOptions.SharedHomeMeters"/>).</summary>
/// <param name="DistanceMeters">Homes at most this far apart are joined, in meters.</param>
/// <param name="DevicesWithHome">Devices with an inferred home.</param>
/// <param name="Groups">Groups of at least two devices.</param>
/// <param name="DevicesInGroups">Devices in those groups.</param>
/// <param name="LargestGroup">Devices in the largest group (0 when there is none).</param>
/// <param name="ShareInGroups"><paramref name="DevicesInGroups"/> / <paramref name="DevicesWithHome"/>, in [0, 1].</param>
public readonly record struct SharedHomeSummary(double DistanceMeters, int DevicesWithHome, int Groups, int DevicesInGroups, int LargestGroup,
    double ShareInGroups);
