using System.Runtime.InteropServices;
using System.Globalization;

namespace AdintAudit.Mobility;

/// <summary>
/// Longitudes in 0.001° bins, accumulated over chunks or partitions and merged exactly, for the default local clock:
/// whole hours nearest to the median longitude / 15° (<see cref="LocalTime.FromMedianLongitude(Data.PingTable)"/>).
/// </summary>
/// <remarks>Values outside [-180, 180] (and NaN) are not counted. 2.9 MB per histogram.</remarks>
public sealed class LongitudeHistogram
{
    private const int Bins = 360_001;
    private readonly long[] _bins = new long[Bins];

    /// <summary>Longitudes counted.</summary>
    public long Count { get; private set; }

    /// <summary>Counts the valid values of <paramref name="longitudes"/>.</summary>
    /// <param name="longitudes">Degrees east.</param>
    public void Add(ReadOnlySpan<double> longitudes)
    {
        long[] bins = _bins;
        long counted = 0;
        foreach (double value in longitudes)
        {
            if (value is >= -180 and <= 180)
            {
                bins[(int)Math.Round((value + 180) * 1000)]++;
                counted++;
            }
        }

        Count += counted;
    }

    /// <summary>Adds the counts of <paramref name="other"/> to these.</summary>
    /// <param name="other">Longitudes of other pings.</param>
    public void Merge(LongitudeHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (int b = 0; b < Bins; b++)
        {
            _bins[b] += other._bins[b];
        }

        Count += other.Count;
    }

    /// <summary>The lower median to 0.001° (the first bin where half the values are reached); null when empty.</summary>
    public double? MedianDegrees()
    {
        if (Count == 0)
        {
            return null;
        }

        long seen = 0;
        for (int b = 0; b < Bins; b++)
        {
            seen += _bins[b];
            if (seen * 2 >= Count)
            {
                return (b / 1000.0) - 180;
            }
        }

        return 180;
    }

    /// <summary>
    /// A fixed offset of round(median / 15°) hours, clamped to [-12, +14] (a median of 0° when nothing was counted).
    /// </summary>
    public LocalTime ToLocalTime()
    {
        double median = MedianDegrees() ?? 0;
        int hours = Math.Clamp((int)Math.Round(median / 15.0, MidpointRounding.AwayFromZero), -12, 14);
        return LocalTime.Fixed(TimeSpan.FromHours(hours), string.Create(CultureInfo.InvariantCulture, $"from median longitude {median:0.###}°"));
    }

    /// <summary>Writes the counts (little-endian), for a partitioned spill's statistics file.</summary>
    internal void WriteTo(BinaryWriter writer)
    {
        writer.Write(MemoryMarshal.AsBytes(_bins.AsSpan()));
        writer.Write(Count);
    }

    /// <summary>Reads counts written by <see cref="WriteTo"/>.</summary>
    internal static LongitudeHistogram ReadFrom(BinaryReader reader)
    {
        var histogram = new LongitudeHistogram();
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(histogram._bins.AsSpan()));
        histogram.Count = reader.ReadInt64();
        return histogram;
    }
}
