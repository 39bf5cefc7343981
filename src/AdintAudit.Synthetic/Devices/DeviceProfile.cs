namespace AdintAudit.Synthetic.Devices;

/// <summary>
/// One generation unit: a persistent device (with its successor IDs after resets and its IDFV) or an ephemeral
/// bidstream ID. <see cref="Ids"/> lists every identifier the unit emits under; rows refer to them by slot.
/// </summary>
internal sealed class DeviceProfile
{
    public int Unit { get; init; }

    public int Person { get; init; }

    public bool IsEphemeral { get; init; }

    public DeviceOs Os { get; init; }

    /// <summary>Latent engagement z ~ N(0, 1) (spec §1.2).</summary>
    public double Engagement { get; init; }

    /// <summary>Probability of being active on a day, sigmoid(c0 + c1·z).</summary>
    public double ActiveProbability { get; init; }

    /// <summary>Mean pings per active day, exp(m0 + m1·z + σ·ε).</summary>
    public double DailyRate { get; init; }

    public CollectionMode Mode { get; init; }

    /// <summary>Installed location-emitting apps (catalog indices); the first hosts the background SDK.</summary>
    public int[] Apps { get; init; } = [];

    /// <summary>The vendor whose apps report an IDFV instead of the IDFA, or -1.</summary>
    public int IdfvVendor { get; init; } = -1;

    /// <summary>The day of the teleport artefact, or -1.</summary>
    public int TeleportDay { get; init; } = -1;

    /// <summary>Local day range the unit is live on (ephemeral IDs: 1–3 days; persistent: the window).</summary>
    public int FirstDay { get; init; }

    /// <summary>Last live local day, inclusive.</summary>
    public int LastDay { get; init; }

    /// <summary>UTC instants (ms) of ID resets, ascending; ID slot k is valid from reset k-1 to reset k.</summary>
    public long[] ResetTimesMs { get; init; } = [];

    /// <summary>Identifiers: slots 0..resets are the advertising IDs in time order; the IDFV, if any, is last.</summary>
    public string[] Ids { get; init; } = [];

    /// <summary>Slot of the IDFV in <see cref="Ids"/>, or -1.</summary>
    public int IdfvSlot { get; init; } = -1;

    /// <summary>Mobile carrier index (selects the CGNAT pool of away-from-home IP addresses).</summary>
    public int Carrier { get; init; }

    public IdType AdvertisingIdType => Os == DeviceOs.Ios ? IdType.Idfa : IdType.Aaid;
}
