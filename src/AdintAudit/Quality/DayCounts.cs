using System.Runtime.InteropServices;
using AdintAudit.Data;

namespace AdintAudit.Quality;

/// <summary>
/// Pings per UTC day, accumulated over any number of chunks or partitions and merged exactly; derives the dataset window
/// (the quality screen's default) from rank percentiles of all timestamps.
/// </summary>
/// <remarks>
/// Days from 1900-01-01 to 2199-12-31 are counted one by one (880 KB); earlier or later timestamps are counted in one
/// bucket each, represented by their earliest (before) or latest (after) day, so hostile timestamps cannot grow memory.
/// Counting is order-independent and merging is addition, so the window is the same whether the pings are screened in
/// one table or in device partitions.
/// </remarks>
public sealed class DayCounts
{
    private const long DayMs = 86_400_000L;

    /// <summary>First day counted individually: 1900-01-01 as days since the epoch.</summary>
    private const long FirstDay = -25_567;

    /// <summary>Days counted individually (to 2199-12-31).</summary>
    private const int Days = 109_573;

    private readonly long[] _counts = new long[Days];
    private long _before;
    private long _beforeDay = long.MaxValue;
    private long _after;
    private long _afterDay = long.MinValue;

    /// <summary>Timestamps counted.</summary>
    public long Total { get; private set; }

    /// <summary>Counts <paramref name="utcMs"/>.</summary>
    /// <param name="utcMs">UTC epoch milliseconds.</param>
    public void Add(ReadOnlySpan<long> utcMs)
    {
        long[] counts = _counts;
        foreach (long t in utcMs)
        {
            long index = TimestampUnits.FloorDivide(t, DayMs) - FirstDay;
            if ((ulong)index < Days)
            {
                counts[index]++;
            }
            else if (index < 0)
            {
                _before++;
                _beforeDay = Math.Min(_beforeDay, index + FirstDay);
            }
            else
            {
                _after++;
                _afterDay = Math.Max(_afterDay, index + FirstDay);
            }
        }

        Total += utcMs.Length;
    }

    /// <summary>Adds the counts of <paramref name="other"/> to these.</summary>
    /// <param name="other">Counts of other pings.</param>
    public void Merge(DayCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (int d = 0; d < Days; d++)
        {
            _counts[d] += other._counts[d];
        }

        _before += other._before;
        _beforeDay = Math.Min(_beforeDay, other._beforeDay);
        _after += other._after;
        _afterDay = Math.Max(_afterDay, other._afterDay);
        Total += other.Total;
    }

    /// <summary>
    /// The window [day of the <paramref name="lowQuantile"/> timestamp, day after the <paramref name="highQuantile"/>
    /// timestamp) in UTC epoch milliseconds; the q-quantile is the timestamp of rank floor(q × n) in ascending order
    /// (0-based, the high one capped at n - 1). Null when nothing was counted.
    /// </summary>
    /// <param name="lowQuantile">For example 0.005.</param>
    /// <param name="highQuantile">For example 0.995.</param>
    public (long StartMs, long EndMs)? Window(double lowQuantile, double highQuantile)
    {
        if (Total == 0)
        {
            return null;
        }

        long low = DayOfRank((long)(Total * lowQuantile));
        long high = DayOfRank(Math.Min(Total - 1, (long)(Total * highQuantile)));
        return (low * DayMs, (high + 1) * DayMs);
    }

    /// <summary>The day (since the epoch) of the timestamp of 0-based rank <paramref name="rank"/>.</summary>
    private long DayOfRank(long rank)
    {
        if (rank < _before)
        {
            return _beforeDay;
        }

        long seen = _before;
        for (int d = 0; d < Days; d++)
        {
            seen += _counts[d];
            if (rank < seen)
            {
                return d + FirstDay;
            }
        }

        return _afterDay;
    }

    /// <summary>Writes the counts (little-endian), for a partitioned spill's statistics file.</summary>
    internal void WriteTo(BinaryWriter writer)
    {
        writer.Write(MemoryMarshal.AsBytes(_counts.AsSpan()));
        writer.Write(_before);
        writer.Write(_beforeDay);
        writer.Write(_after);
        writer.Write(_afterDay);
        writer.Write(Total);
    }

    /// <summary>Reads counts written by <see cref="WriteTo"/>.</summary>
    internal static DayCounts ReadFrom(BinaryReader reader)
    {
        var counts = new DayCounts();
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(counts._counts.AsSpan()));
        counts._before = reader.ReadInt64();
        counts._beforeDay = reader.ReadInt64();
        counts._after = reader.ReadInt64();
        counts._afterDay = reader.ReadInt64();
        counts.Total = reader.ReadInt64();
        return counts;
    }
}
