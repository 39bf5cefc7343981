namespace AdintAudit.Data;

/// <summary>
/// Accumulates pings in columns, interning device ids, and sorts them into a <see cref="PingTable"/>.
/// </summary>
/// <remarks>
/// Interning looks ids up by their characters (an alternate lookup over <see cref="ReadOnlySpan{T}"/>), so repeated ids
/// cost no allocation. <see cref="Build"/> numbers devices in ordinal id order, groups rows by device with a counting sort
/// and sorts each device's rows by time, stably (ties keep their input order); already sorted input costs one pass.
/// </remarks>
internal sealed class PingTableBuilder
{
    /// <summary>Tables of at least this many rows are sorted and gathered on several threads.</summary>
    private const int ParallelRows = 1 << 16;

    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<string> _names = [];
    private int[] _device;
    private long[] _time;
    private double[] _lat;
    private double[] _lon;
    private float[] _acc;

    public PingTableBuilder(int capacity = 1024)
    {
        capacity = Math.Max(capacity, 16);
        _device = new int[capacity];
        _time = new long[capacity];
        _lat = new double[capacity];
        _lon = new double[capacity];
        _acc = new float[capacity];
        _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count { get; private set; }

    public int Intern(ReadOnlySpan<char> id)
    {
        if (_lookup.TryGetValue(id, out int number))
        {
            return number;
        }

        string name = id.ToString();
        number = _names.Count;
        _names.Add(name);
        _ids.Add(name, number);
        return number;
    }

    public int Intern(string id) => Intern(id.AsSpan());

    public void EnsureCapacity(int additional)
    {
        long needed = (long)Count + additional;
        if (needed <= _time.Length)
        {
            return;
        }

        int size = (int)Math.Min(Array.MaxLength, Math.Max(needed, (long)_time.Length * 2));
        Array.Resize(ref _device, size);
        Array.Resize(ref _time, size);
        Array.Resize(ref _lat, size);
        Array.Resize(ref _lon, size);
        Array.Resize(ref _acc, size);
    }

    public void Add(int device, long timeMs, double lat, double lon, float accuracyM)
    {
        if (Count == _time.Length)
        {
            EnsureCapacity(1);
        }

        int i = Count++;
        _device[i] = device;
        _time[i] = timeMs;
        _lat[i] = lat;
        _lon[i] = lon;
        _acc[i] = accuracyM;
    }

    public long TimeAt(int row) => _time[row];

    /// <summary>Converts the raw epoch values of <paramref name="rows"/> from <paramref name="unit"/> to milliseconds.</summary>
    public void ScaleTimes(List<int> rows, TimestampUnit unit)
    {
        foreach (int row in rows)
        {
            _time[row] = TimestampUnits.ToMilliseconds(_time[row], unit);
        }
    }

    public PingTable Build()
    {
        int n = Count;
        int devices = _names.Count;

        // Device numbers in ordinal id order.
        string[] sortedIds = [.. _names];
        int[] rankOfLocal = new int[devices];
        int[] localOrder = new int[devices];
        for (int d = 0; d < devices; d++)
        {
            localOrder[d] = d;
        }

        Array.Sort(sortedIds, localOrder, StringComparer.Ordinal);
        for (int r = 0; r < devices; r++)
        {
            rankOfLocal[localOrder[r]] = r;
        }

        // Counting sort by device (stable).
        int[] start = new int[devices + 1];
        for (int i = 0; i < n; i++)
        {
            start[rankOfLocal[_device[i]] + 1]++;
        }

        for (int d = 0; d < devices; d++)
        {
            start[d + 1] += start[d];
        }

        int[] next = start[..devices];
        int[] order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[next[rankOfLocal[_device[i]]]++] = i;
        }

        // Stable sort of each device's rows by time, then gather the columns: devices in ranges of about equal rows,
        // on several threads (each output row is written by exactly one range, so the result does not depend on them).
        var device = new int[n];
        var time = new long[n];
        var lat = new double[n];
        var lon = new double[n];
        var acc = new float[n];
        int ranges = n < ParallelRows ? 1 : Math.Min(devices, Environment.ProcessorCount * 4);
        int[] rangeStart = new int[ranges + 1];
        for (int r = 1, d = 0; r < ranges; r++)
        {
            long target = (long)n * r / ranges;
            while (d < devices && start[d] < target)
            {
                d++;
            }

            rangeStart[r] = d;
        }

        rangeStart[ranges] = devices;
        Parallel.For(0, ranges, r =>
        {
            (long Time, int Row)[]? scratch = null;
            for (int d = rangeStart[r]; d < rangeStart[r + 1]; d++)
            {
                SortByTime(order.AsSpan(start[d], start[d + 1] - start[d]), ref scratch);
                for (int i = start[d]; i < start[d + 1]; i++)
                {
                    int row = order[i];
                    device[i] = d;
                    time[i] = _time[row];
                    lat[i] = _lat[row];
                    lon[i] = _lon[row];
                    acc[i] = _acc[row];
                }
            }
        });

        return new PingTable(sortedIds, start, device, time, lat, lon, acc);
    }

    /// <summary>Sorts one device's row numbers by time, stably (skipped when already sorted).</summary>
    private void SortByTime(Span<int> rows, ref (long Time, int Row)[]? scratch)
    {
        bool sorted = true;
        for (int i = 1; i < rows.Length; i++)
        {
            if (_time[rows[i]] < _time[rows[i - 1]])
            {
                sorted = false;
                break;
            }
        }

        if (sorted)
        {
            return;
        }

        if (scratch is null || scratch.Length < rows.Length)
        {
            scratch = new (long, int)[Math.Max(rows.Length, 64)];
        }

        Span<(long Time, int Row)> keys = scratch.AsSpan(0, rows.Length);
        for (int i = 0; i < rows.Length; i++)
        {
            keys[i] = (_time[rows[i]], rows[i]);
        }

        keys.Sort();
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i] = keys[i].Row;
        }
    }
}
