namespace AdintAudit.Risk.Mitigation;

/// <summary>The kinds of what-if mitigation the audit can apply to a <see cref="Data.PingTable"/>.</summary>
public enum MitigationKind
{
    /// <summary>Round latitude and longitude to a number of decimals (the parameter).</summary>
    RoundCoordinates,

    /// <summary>Move every ping to the centre of its <see cref="Geo.GridCell"/> of a size in meters (the parameter).</summary>
    SnapToGrid,

    /// <summary>Floor timestamps to a bin of minutes (the parameter); pings of a device that become identical collapse to one.</summary>
    CoarsenTime,

    /// <summary>Drop the pings within a radius in meters (the parameter) of the device's inferred home.</summary>
    DropNearHome,

    /// <summary>Keep each ping with a probability (the parameter), decided by a seeded hash.</summary>
    Subsample,

    /// <summary>Remove the pings the sensitive-site stage flagged as at a site.</summary>
    RemoveSitePings,
}
