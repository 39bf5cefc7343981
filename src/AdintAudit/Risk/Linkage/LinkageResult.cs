namespace AdintAudit.Risk.Linkage;

/// <summary>Result of <see cref="CoLocationLinkage.Find"/>: the summary, and the linked pairs for per-device output.</summary>
public sealed class LinkageResult
{
    private readonly int[] _sharedHomeGroupSize;

    internal LinkageResult(LinkageSummary summary, LinkedPair[] pairs, int[] sharedHomeGroupSize)
    {
        Summary = summary;
        Pairs = pairs;
        _sharedHomeGroupSize = sharedHomeGroupSize;
    }

    /// <summary>The aggregate figures; computed without the pair list.</summary>
    public LinkageSummary Summary { get; }

    /// <summary>Every linked device pair, by (DeviceA, DeviceB).</summary>
    public IReadOnlyList<LinkedPair> Pairs { get; }

    /// <summary>
    /// Per device, the number of devices in its shared-home group (itself included): 0 without an inferred home, 1 when
    /// no other home is near. Empty when no home/work table was given.
    /// </summary>
    public ReadOnlySpan<int> SharedHomeGroupSize => _sharedHomeGroupSize;
}
