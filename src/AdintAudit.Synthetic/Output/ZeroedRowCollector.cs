using AdintAudit.Synthetic.Devices;
using AdintAudit.Synthetic.Emission;

namespace AdintAudit.Synthetic.Output;

/// <summary>
/// Collects the zeroed-IDFA rows of every chunk and releases them, sorted by time, after the last device: the
/// zeroed IDFA is one pseudo-device at the end of the file, as a broker's export sorted by (device_id, timestamp)
/// would show it.
/// </summary>
internal sealed class ZeroedRowCollector
{
    private readonly PingBuffer _rows = new(1024);

    public int Count => _rows.Count;

    public void Add(PingBuffer zeroed) => _rows.CopyRange(zeroed, 0, zeroed.Count, 0);

    /// <summary>Returns the collected rows ordered by (timestamp, arrival), with every ID slot set to <paramref name="slot"/>.</summary>
    public PingBuffer Sorted(int slot)
    {
        int n = _rows.Count;
        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        long[] times = _rows.TimestampMs;
        Array.Sort(order, (a, b) => times[a] != times[b] ? times[a].CompareTo(times[b]) : a.CompareTo(b));
        var sorted = new PingBuffer(n);
        foreach (int i in order)
        {
            sorted.CopyRow(_rows, i, 0);
            sorted.IdSlot[sorted.Count - 1] = slot;
        }

        return sorted;
    }

    public static string ZeroedId => DeviceIdentity.ZeroedIdfa;
}
