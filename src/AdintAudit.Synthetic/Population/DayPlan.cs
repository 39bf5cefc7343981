namespace AdintAudit.Synthetic.Population;

/// <summary>A person's day: consecutive stays in local time, with travel in the gaps between them. Reused between days.</summary>
internal sealed class DayPlan
{
    private Stay[] _stays = new Stay[16];

    public int Count { get; private set; }

    public ReadOnlySpan<Stay> Stays => _stays.AsSpan(0, Count);

    public void Clear() => Count = 0;

    public void Add(in Stay stay)
    {
        if (Count == _stays.Length)
        {
            Array.Resize(ref _stays, _stays.Length * 2);
        }

        _stays[Count++] = stay;
    }

    /// <summary>Returns the true position at local time <paramref name="ms"/>, interpolating along travel between stays.</summary>
    /// <param name="ms">Local milliseconds since midnight.</param>
    /// <param name="cursor">Index of the stay to start from; advanced (times must be non-decreasing between calls).</param>
    /// <param name="stayIndex">The stay containing the time, or -1 when travelling.</param>
    public (double X, double Y) PositionAt(int ms, ref int cursor, out int stayIndex)
    {
        Stay[] stays = _stays;
        while (cursor < Count - 1 && ms >= stays[cursor + 1].StartMs)
        {
            cursor++;
        }

        Stay current = stays[cursor];
        if (ms < current.EndMs || cursor == Count - 1)
        {
            stayIndex = cursor;
            return (current.XMeters, current.YMeters);
        }

        Stay next = stays[cursor + 1];
        stayIndex = -1;
        double f = (ms - current.EndMs) / (double)Math.Max(1, next.StartMs - current.EndMs);
        return (current.XMeters + (f * (next.XMeters - current.XMeters)), current.YMeters + (f * (next.YMeters - current.YMeters)));
    }

    /// <summary>Appends every travel interval [end of stay i, start of stay i+1) to <paramref name="destination"/>.</summary>
    public int TravelIntervals(Span<(int Start, int End)> destination)
    {
        int n = 0;
        for (int i = 0; i + 1 < Count && n < destination.Length; i++)
        {
            if (_stays[i + 1].StartMs > _stays[i].EndMs)
            {
                destination[n++] = (_stays[i].EndMs, _stays[i + 1].StartMs);
            }
        }

        return n;
    }
}
