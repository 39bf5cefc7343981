namespace AdintAudit.Risk.Linkage;

/// <summary>Two devices with co-located stays (<see cref="CoLocationLinkage.Find"/>).</summary>
/// <param name="DeviceA">The lower device number.</param>
/// <param name="DeviceB">The higher device number.</param>
/// <param name="Overlaps">Pairs of stays (one of each device) that overlap closer than <see cref="LinkageOptions.DistanceMeters"/>.</param>
/// <param name="OverlapMs">Total time of those overlaps in milliseconds.</param>
/// <param name="Days">Distinct UTC days on which one of those overlaps starts.</param>
/// <param name="StrictOverlaps">As <paramref name="Overlaps"/> at <see cref="LinkageOptions.StrictDistanceMeters"/> (0: not linked strictly).</param>
/// <param name="StrictOverlapMs">As <paramref name="OverlapMs"/> at the strict distance.</param>
/// <param name="StrictDays">As <paramref name="Days"/> at the strict distance.</param>
public readonly record struct LinkedPair(int DeviceA, int DeviceB, int Overlaps, long OverlapMs, int Days, int StrictOverlaps, long StrictOverlapMs,
    int StrictDays);
