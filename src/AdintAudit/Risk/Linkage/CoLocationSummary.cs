namespace AdintAudit.Risk.Linkage;

/// <summary>Co-location figures at one distance.</summary>
/// <param name="DistanceMeters">Stay centres closer than this count as co-located, in meters.</param>
/// <param name="LinkedPairs">Device pairs with at least one co-located overlap.</param>
/// <param name="LinkedDevices">Devices in at least one linked pair.</param>
/// <param name="ShareLinkedDevices"><paramref name="LinkedDevices"/> / devices with at least one stay, in [0, 1].</param>
/// <param name="RepeatedPairs">Linked pairs co-located on at least <see cref="LinkageOptions.RepeatedMinDays"/> distinct days.</param>
/// <param name="DevicesInRepeatedPairs">Devices in at least one repeated pair.</param>
public readonly record struct CoLocationSummary(double DistanceMeters, int LinkedPairs, int LinkedDevices, double ShareLinkedDevices, int RepeatedPairs,
    int DevicesInRepeatedPairs);
