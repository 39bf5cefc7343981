namespace AdintAudit.Synthetic;

/// <summary>The calibrated parameter sets of GENERATOR-SPEC.md §2 and §4.</summary>
public enum GeneratorPreset
{
    /// <summary>The default: a broker export mixing SDK and bidstream supply (spec §4 row <c>mixed</c>).</summary>
    Mixed,

    /// <summary>Real-time-bidding supply: sparse, many one-day IDs, 40 % IP-derived points (spec §4 row <c>bidstream</c>).</summary>
    Bidstream,

    /// <summary>An SDK location panel: denser, no ephemeral IDs, mostly GPS (spec §4 row <c>sdk_panel</c>).</summary>
    SdkPanel,
}
