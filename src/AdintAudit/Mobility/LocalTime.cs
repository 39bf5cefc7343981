using AdintAudit.Data;

namespace AdintAudit.Mobility;

/// <summary>
/// Converts UTC epoch milliseconds to local wall-clock milliseconds: through an IANA time zone, or a fixed offset
/// (by default the whole hours nearest to the data's median longitude / 15°).
/// </summary>
/// <remarks>
/// For a time zone, offsets are cached per UTC day over a prepared range; days with a transition, and instants outside
/// the range, are converted exactly by <see cref="TimeZoneInfo"/>. Thread-safe after construction.
/// </remarks>
public sealed class LocalTime
{
    private const long DayMs = 86_400_000L;
    private const long Exact = long.MinValue;
    private readonly TimeZoneInfo? _zone;
    private readonly long _fixedOffsetMs;
    private readonly long _firstDay;
    private readonly long[] _dayOffsets = [];

    private LocalTime(TimeZoneInfo? zone, long fixedOffsetMs, string description, long minUtcMs, long maxUtcMs)
    {
        _zone = zone;
        _fixedOffsetMs = fixedOffsetMs;
        Description = description;
        if (zone is not null && maxUtcMs >= minUtcMs)
        {
            _firstDay = Math.DivRem(minUtcMs, DayMs, out long r) - (r < 0 ? 1 : 0);
            long lastDay = Math.DivRem(maxUtcMs, DayMs, out r) - (r < 0 ? 1 : 0);
            long days = lastDay - _firstDay + 1;
            if (days is > 0 and <= 200_000)
            {
                _dayOffsets = new long[days];
                for (long d = 0; d < days; d++)
                {
                    long start = (_firstDay + d) * DayMs;
                    long a = OffsetExact(start);
                    long b = OffsetExact(start + DayMs - 1);
                    _dayOffsets[d] = a == b ? a : Exact;
                }
            }
        }
    }

    /// <summary>What the conversion is, for the report (for example <c>UTC+01:00 (fixed, from median longitude 13.40°)</c>).</summary>
    public string Description { get; }

    /// <summary>Returns UTC (offset 0).</summary>
    public static LocalTime Utc { get; } = new(null, 0, "UTC", 0, -1);

    /// <summary>Returns a fixed offset.</summary>
    /// <param name="offset">Offset from UTC; within ±18 h.</param>
    /// <param name="reason">Why this offset, appended to the description; may be null.</param>
    public static LocalTime Fixed(TimeSpan offset, string? reason = null)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Math.Abs(offset.TotalHours), 18, nameof(offset));
        string text = $"UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset.Duration():hh\\:mm}";
        return new LocalTime(null, (long)offset.TotalMilliseconds, reason is null ? $"{text} (fixed)" : $"{text} (fixed, {reason})", 0, -1);
    }

    /// <summary>Returns the conversion of an IANA time zone, with offsets cached over [<paramref name="minUtcMs"/>, <paramref name="maxUtcMs"/>].</summary>
    /// <param name="ianaName">For example <c>Europe/Berlin</c>.</param>
    /// <param name="minUtcMs">Earliest instant expected (UTC epoch ms).</param>
    /// <param name="maxUtcMs">Latest instant expected (UTC epoch ms).</param>
    /// <exception cref="TimeZoneNotFoundException">The zone is unknown.</exception>
    public static LocalTime FromTimeZone(string ianaName, long minUtcMs = 0, long maxUtcMs = -1)
    {
        ArgumentNullException.ThrowIfNull(ianaName);
        TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(ianaName);
        return new LocalTime(zone, 0, $"{ianaName} (IANA time zone)", minUtcMs, maxUtcMs);
    }

    /// <summary>
    /// Returns a fixed offset of round(median longitude / 15°) hours, clamped to [-12, +14], from the pings of
    /// <paramref name="table"/> (UTC when the table is empty).
    /// </summary>
    /// <param name="table">The pings.</param>
    /// <remarks>The median is taken over a <see cref="LongitudeHistogram"/> of 0.001° bins (one pass, no sort): exact to 0.001°.</remarks>
    public static LocalTime FromMedianLongitude(PingTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.Count == 0)
        {
            return Utc;
        }

        var histogram = new LongitudeHistogram();
        histogram.Add(table.Lon);
        return histogram.ToLocalTime();
    }

    /// <summary>Returns the local wall-clock time of a UTC instant, as milliseconds since 1970-01-01 local.</summary>
    /// <param name="utcMs">UTC epoch milliseconds.</param>
    public long ToLocalMs(long utcMs)
    {
        if (_zone is null)
        {
            return utcMs + _fixedOffsetMs;
        }

        long day = Math.DivRem(utcMs, DayMs, out long r) - (r < 0 ? 1 : 0);
        long index = day - _firstDay;
        if ((ulong)index < (ulong)_dayOffsets.Length && _dayOffsets[index] != Exact)
        {
            return utcMs + _dayOffsets[index];
        }

        return utcMs + OffsetExact(utcMs);
    }

    /// <summary>
    /// Returns the offset <see cref="ToLocalMs"/> adds at <paramref name="utcMs"/>, and the UTC range
    /// [<paramref name="validFromMs"/>, <paramref name="validToMs"/>) over which it adds the same offset.
    /// </summary>
    internal long OffsetAt(long utcMs, out long validFromMs, out long validToMs)
    {
        if (_zone is null)
        {
            validFromMs = long.MinValue;
            validToMs = long.MaxValue;
            return _fixedOffsetMs;
        }

        long day = Math.DivRem(utcMs, DayMs, out long r) - (r < 0 ? 1 : 0);
        long index = day - _firstDay;
        if ((ulong)index < (ulong)_dayOffsets.Length && _dayOffsets[index] != Exact)
        {
            validFromMs = day * DayMs;
            validToMs = validFromMs + DayMs;
            return _dayOffsets[index];
        }

        validFromMs = utcMs;
        validToMs = utcMs + 1;
        return OffsetExact(utcMs);
    }

    private long OffsetExact(long utcMs)
    {
        if (utcMs < -62_135_596_800_000L || utcMs > 253_402_300_799_000L)
        {
            return 0;
        }

        return (long)_zone!.GetUtcOffset(DateTimeOffset.FromUnixTimeMilliseconds(utcMs)).TotalMilliseconds;
    }
}

/// <summary>
/// Converts UTC instants that mostly come in time order to local time and local day, recomputing only when an instant
/// leaves the UTC range over which the offset and the local day stay the same; gives exactly what
/// <see cref="LocalTime.ToLocalMs"/> and <see cref="NightClock.DayOf"/> give, for instants in any order.
/// </summary>
internal struct LocalDayCursor
{
    private readonly LocalTime _local;
    private long _fromMs;
    private long _toMs;
    private long _offsetMs;
    private long _day;
    private int _dayOfWeek;

    public LocalDayCursor(LocalTime local)
    {
        _local = local;
        _fromMs = 0;
        _toMs = 0;
    }

    /// <summary>Whether this cursor converts through <paramref name="local"/>.</summary>
    public readonly bool Converts(LocalTime local) => ReferenceEquals(_local, local);

    /// <summary>The ISO day of week (Monday = 0) of the local day of the last instant converted.</summary>
    public readonly int DayOfWeek => _dayOfWeek;

    /// <summary>Returns the local time of <paramref name="utcMs"/>, as <see cref="LocalTime.ToLocalMs"/>, and its local day.</summary>
    public long ToLocalMs(long utcMs, out long day)
    {
        if (utcMs < _fromMs || utcMs >= _toMs)
        {
            Refill(utcMs);
        }

        day = _day;
        return utcMs + _offsetMs;
    }

    private void Refill(long utcMs)
    {
        long offset = _local.OffsetAt(utcMs, out long from, out long to);
        long localMs = utcMs + offset;
        long day = NightClock.DayOf(localMs);
        long dayStart = day * NightClock.DayMs;
        _offsetMs = offset;
        _day = day;
        _dayOfWeek = (int)(((day % 7) + 7 + 3) % 7); // NightClock.DayOfWeek(localMs), from the day already computed
        _fromMs = Math.Max(from, dayStart - offset);
        _toMs = Math.Min(to, dayStart + NightClock.DayMs - offset);
        System.Diagnostics.Debug.Assert(utcMs >= _fromMs && utcMs < _toMs, "the instant lies in its own range");
    }
}
