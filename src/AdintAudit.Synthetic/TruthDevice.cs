namespace AdintAudit.Synthetic;

/// <summary>One row of <c>truth_devices.parquet</c>: an identifier and the person, persona and places behind it.</summary>
/// <param name="DeviceId">The identifier as it appears in the ping table.</param>
/// <param name="IdType"><c>aaid</c>, <c>idfa</c> or <c>idfv</c>.</param>
/// <param name="PersonId">The person who carries the device.</param>
/// <param name="Persona">The person's persona: <c>worker_9to5</c>, <c>shift_worker</c>, <c>student</c>, <c>home_based</c>, <c>retiree</c>.</param>
/// <param name="Os"><c>android</c> or <c>ios</c>.</param>
/// <param name="CollectionMode">The device's collection: <c>sdk_background</c>, <c>sdk_foreground</c> or <c>bidstream</c>.</param>
/// <param name="ValidFromMs">UTC epoch milliseconds from which the identifier is in use.</param>
/// <param name="ValidToMs">UTC epoch milliseconds at which the identifier stops (a reset or the end of the window).</param>
/// <param name="SuccessorDeviceId">The identifier that replaced this one after a reset, or null.</param>
/// <param name="HomeLatitude">True home latitude, degrees.</param>
/// <param name="HomeLongitude">True home longitude, degrees.</param>
/// <param name="WorkLatitude">True workplace latitude, degrees; null without a workplace.</param>
/// <param name="WorkLongitude">True workplace longitude, degrees; null without a workplace.</param>
/// <param name="HomeGeohash7">Geohash (7 characters) of the home.</param>
/// <param name="WorkGeohash7">Geohash (7 characters) of the workplace, or null.</param>
/// <param name="IsEphemeral">Whether the identifier is a short-lived bidstream ID.</param>
/// <param name="PhysicalDevice">Index of the physical device (or ephemeral ID) behind the identifier; links resets and IDFVs.</param>
/// <param name="Pings">Rows carrying the identifier (duplicates included).</param>
public readonly record struct TruthDevice(
    string DeviceId,
    string IdType,
    int PersonId,
    string Persona,
    string Os,
    string CollectionMode,
    long ValidFromMs,
    long ValidToMs,
    string? SuccessorDeviceId,
    double HomeLatitude,
    double HomeLongitude,
    double? WorkLatitude,
    double? WorkLongitude,
    string HomeGeohash7,
    string? WorkGeohash7,
    bool IsEphemeral,
    int PhysicalDevice,
    long Pings);
