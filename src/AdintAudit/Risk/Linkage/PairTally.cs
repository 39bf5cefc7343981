using System.Runtime.InteropServices;
using AdintAudit.Geo;

namespace AdintAudit.Risk.Linkage;

/// <summary>
/// Running totals per device pair during the co-location sweep. Overlaps must arrive in non-decreasing order of their
/// day (the sweep visits stays by start time), so distinct days are counted by comparing with the pair's last day.
/// </summary>
internal sealed class PairTally
{
    private readonly Dictionary<long, int> _indexOfPair = new(PackedKeyComparer.Instance);
    private readonly List<Totals> _totals = [];

    /// <summary>Pairs seen.</summary>
    public int Count => _totals.Count;

    /// <summary>Counts one overlap of two different devices.</summary>
    /// <param name="device1">One device.</param>
    /// <param name="device2">The other device (≠ <paramref name="device1"/>).</param>
    /// <param name="overlapMs">The overlap's duration.</param>
    /// <param name="day">The overlap's day (never lower than this pair's earlier days).</param>
    /// <param name="strict">Whether the stays are also within the strict distance.</param>
    public void Add(int device1, int device2, long overlapMs, long day, bool strict)
    {
        int a = Math.Min(device1, device2);
        int b = Math.Max(device1, device2);
        ref int index = ref CollectionsMarshal.GetValueRefOrAddDefault(_indexOfPair, PairKey(a, b), out bool exists);
        if (!exists)
        {
            index = _totals.Count;
            _totals.Add(new Totals { A = a, B = b, LastDay = long.MinValue, StrictLastDay = long.MinValue });
        }

        ref Totals t = ref CollectionsMarshal.AsSpan(_totals)[index];
        t.Overlaps++;
        t.OverlapMs += overlapMs;
        t.Days += t.LastDay == day ? 0 : 1;
        t.LastDay = day;
        if (strict)
        {
            t.StrictOverlaps++;
            t.StrictOverlapMs += overlapMs;
            t.StrictDays += t.StrictLastDay == day ? 0 : 1;
            t.StrictLastDay = day;
        }
    }

    /// <summary>The totals of pair <paramref name="index"/> (in order of first sight).</summary>
    public LinkedPair this[int index]
    {
        get
        {
            Totals t = _totals[index];
            return new LinkedPair(t.A, t.B, t.Overlaps, t.OverlapMs, t.Days, t.StrictOverlaps, t.StrictOverlapMs, t.StrictDays);
        }
    }

    /// <summary>Every pair, sorted by (DeviceA, DeviceB).</summary>
    public LinkedPair[] ToSortedArray()
    {
        var keys = new long[Count];
        var pairs = new LinkedPair[Count];
        for (int i = 0; i < Count; i++)
        {
            pairs[i] = this[i];
            keys[i] = PairKey(pairs[i].DeviceA, pairs[i].DeviceB);
        }

        Array.Sort(keys, pairs);
        return pairs;
    }

    private static long PairKey(int a, int b) => ((long)a << 32) | (uint)b;

    private struct Totals
    {
        public int A;
        public int B;
        public int Overlaps;
        public long OverlapMs;
        public int Days;
        public long LastDay;
        public int StrictOverlaps;
        public long StrictOverlapMs;
        public int StrictDays;
        public long StrictLastDay;
    }
}
