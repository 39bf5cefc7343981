namespace AdintAudit.Risk.Anonymity;

/// <summary>Anonymity sets of the devices' N most visited places at one cell size, as an ordered tuple or as a set.</summary>
public sealed record TopPlacesSummary
{
    /// <summary>N: how many of each device's most visited places form the key (1 ..).</summary>
    public required int PlaceCount { get; init; }

    /// <summary>
    /// True: the key is the tuple (most visited, second, …); false: the same cells sorted, so two devices with the same
    /// places in a different order of visits share a key. For N = 1 both give the same sets.
    /// </summary>
    public required bool Ordered { get; init; }

    /// <summary>Devices left out because they have fewer than N places (devices without any place included).</summary>
    public required int DevicesWithFewerPlaces { get; init; }

    /// <summary>The anonymity sets of the devices with at least N places.</summary>
    public required AnonymitySummary Sets { get; init; }
}
