using AdintAudit.Data;

namespace AdintAudit.Sites;

/// <summary>
/// The pings at sites of one partition of a dataset split by device (<see cref="SiteHits.CollectPartial"/>), with the
/// partition's count of counted pings. Opaque: merge the partials of all partitions with <see cref="SiteHits.Merge"/>.
/// </summary>
public sealed class SiteHitsPartial
{
    internal SiteHitsPartial(PingTable hits, int[] globalDevice, long pingsCounted)
    {
        Hits = hits;
        GlobalDevice = globalDevice;
        PingsCounted = pingsCounted;
    }

    /// <summary>Pings of the partition that passed the accuracy filter.</summary>
    public long PingsCounted { get; }

    /// <summary>Pings of the partition at one site or more.</summary>
    public int PingsAtAnySite => Hits.Count;

    /// <summary>The partition's hit pings, every local device kept (most with no row).</summary>
    internal PingTable Hits { get; }

    /// <summary>Global index of each local device.</summary>
    internal int[] GlobalDevice { get; }
}
