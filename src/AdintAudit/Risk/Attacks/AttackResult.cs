namespace AdintAudit.Risk.Attacks;

/// <summary>Per-device re-identification risk under one attack.</summary>
public sealed class AttackResult
{
    internal AttackResult(double[] risk, bool[] truncated, long instancesSearched)
    {
        Risk = risk;
        Truncated = truncated;
        InstancesSearched = instancesSearched;
        foreach (bool flag in truncated)
        {
            TruncatedCount += flag ? 1 : 0;
        }
    }

    /// <summary>Risk per device index in [0, 1]: 1 / the number of devices matching the target's most revealing knowledge.</summary>
    public IReadOnlyList<double> Risk { get; }

    /// <summary>Devices whose search hit <see cref="AttackOptions.MaxInstancesPerDevice"/>: their risk is a lower bound.</summary>
    public IReadOnlyList<bool> Truncated { get; }

    /// <summary>Number of devices whose risk is a lower bound.</summary>
    public int TruncatedCount { get; }

    /// <summary>Background-knowledge instances evaluated over all targets.</summary>
    public long InstancesSearched { get; }
}
