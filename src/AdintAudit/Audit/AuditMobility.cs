using AdintAudit.Mobility;
using AdintAudit.Quality;

namespace AdintAudit.Audit;

/// <summary>
/// What the audit keeps of the mobility stages: stays, places and home/work of every device, and how many cleaned pings
/// each device kept. The pings themselves are not kept, so that a partitioned audit never holds all of them at once.
/// </summary>
/// <param name="Stays">Stays of every device (device numbers as in <paramref name="DeviceIds"/>).</param>
/// <param name="Places">Places of every device.</param>
/// <param name="Homes">Home and work of every device.</param>
/// <param name="Quality">The quality screen's report.</param>
/// <param name="LocalTime">The local clock of the stages.</param>
/// <param name="DeviceIds">Every device id, in ordinal order (the device numbers of every per-device table).</param>
/// <param name="KeptPings">Cleaned pings of each device, in device order.</param>
public sealed record AuditMobility(
    StayTable Stays,
    PlaceTable Places,
    HomeWorkTable Homes,
    QualityReport Quality,
    LocalTime LocalTime,
    IReadOnlyList<string> DeviceIds,
    IReadOnlyList<int> KeptPings)
{
    /// <summary>Cleaned pings in total.</summary>
    public long KeptPingsTotal { get; } = Sum(KeptPings);

    private static long Sum(IReadOnlyList<int> values)
    {
        long total = 0;
        foreach (int v in values)
        {
            total += v;
        }

        return total;
    }
}
