namespace AdintAudit.Synthetic;

/// <summary>A whole synthetic dataset in memory: the pings and every truth table. Meant for small sizes (tests, notebooks).</summary>
public sealed class SyntheticDataset
{
    internal SyntheticDataset(GeneratorOptions options, SyntheticPings pings, IReadOnlyList<TruthDevice> devices, IReadOnlyList<TruthVisit> visits, IReadOnlyList<SyntheticPoi> pois)
    {
        Options = options;
        Pings = pings;
        Devices = devices;
        Visits = visits;
        Pois = pois;
    }

    /// <summary>The options the dataset was generated with.</summary>
    public GeneratorOptions Options { get; }

    /// <summary>The ping table with its per-row truth.</summary>
    public SyntheticPings Pings { get; }

    /// <summary>One row per identifier (truth_devices).</summary>
    public IReadOnlyList<TruthDevice> Devices { get; }

    /// <summary>The planted POI visits on days with data (truth_visits).</summary>
    public IReadOnlyList<TruthVisit> Visits { get; }

    /// <summary>The POI layer (pois; the sensitive ones are the sites).</summary>
    public IReadOnlyList<SyntheticPoi> Pois { get; }
}
