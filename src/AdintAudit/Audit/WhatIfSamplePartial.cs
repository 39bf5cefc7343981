using AdintAudit.Data;

namespace AdintAudit.Audit;

/// <summary>
/// The sampled devices' cleaned pings of one partition of a dataset split by device
/// (<see cref="WhatIfSample.CollectPartial"/>). Opaque: merge the partials of all partitions with <see cref="WhatIfSample.Merge"/>.
/// </summary>
public sealed class WhatIfSamplePartial
{
    internal WhatIfSamplePartial(PingTable pings, bool[] ipLike, int[] globalDevice, int partitionDevices, long partitionPings)
    {
        Pings = pings;
        IpLike = ipLike;
        GlobalDevice = globalDevice;
        PartitionDevices = partitionDevices;
        PartitionPings = partitionPings;
    }

    /// <summary>Devices of the partition, sampled or not.</summary>
    public int PartitionDevices { get; }

    /// <summary>Cleaned pings of the partition, sampled or not.</summary>
    public long PartitionPings { get; }

    /// <summary>Sampled devices of the partition.</summary>
    public int SampledDevices => Pings.DeviceCount;

    /// <summary>The sampled devices' cleaned pings (devices renumbered 0, 1, … in their order).</summary>
    internal PingTable Pings { get; }

    /// <summary>One flag per row of <see cref="Pings"/>: IP-like, no stay or home evidence.</summary>
    internal bool[] IpLike { get; }

    /// <summary>Global index of each device of <see cref="Pings"/>.</summary>
    internal int[] GlobalDevice { get; }
}
