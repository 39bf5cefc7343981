namespace AdintAudit.Quality;

/// <summary>Settings of <see cref="QualityScreen"/>, with their defaults.</summary>
public sealed record QualityOptions
{
    /// <summary>Speed between consecutive pings above which a ping is a teleport, in km/h (default 500).</summary>
    public double TeleportSpeedKmh { get; init; } = 500;

    /// <summary>Coordinates with at most this many decimals (both lat and lon) are counted as coarse (default 3).</summary>
    public int CoarseMaxDecimals { get; init; } = 3;

    /// <summary>Coordinates with at most this many decimals look IP-derived and are excluded from stays (default 2).</summary>
    public int IpLikeMaxDecimals { get; init; } = 2;

    /// <summary>A coordinate seen on at least this many devices is a shared "default" coordinate (default 10).</summary>
    public int SharedCoordinateMinDevices { get; init; } = 10;

    /// <summary>Pings with a worse accuracy are counted (and ignored by stays), in meters (default 500).</summary>
    public double MaxAccuracyMeters { get; init; } = 500;

    /// <summary>Start of the dataset window (UTC epoch ms, inclusive); null to derive it from the data (see <see cref="QualityScreen.Window"/>).</summary>
    public long? WindowStartMs { get; init; }

    /// <summary>End of the dataset window (UTC epoch ms, exclusive); null to derive it from the data.</summary>
    public long? WindowEndMs { get; init; }

    /// <summary>Examples kept per check (default 5).</summary>
    public int ExamplesPerCheck { get; init; } = 5;
}
