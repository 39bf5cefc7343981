using System.Text;
using System.Text.Unicode;

namespace AdintAudit.Data;

/// <summary>
/// One decoded block of input rows (a Parquet row group or a run of CSV lines) in columns, with the device ids of the
/// block as a small table of distinct UTF-8 values: the shared output of the input decoders, consumed by
/// <see cref="PingTableLoader"/> (which interns the ids) and by the partitioned spill (which hashes them).
/// </summary>
/// <remarks>
/// Ids are stored as valid UTF-8: bytes that are not valid UTF-8 are replaced as <see cref="Encoding.UTF8"/> decodes
/// them (U+FFFD), so an id is the same whether it is interned from characters or written back as bytes. Buffers grow
/// and are reused from block to block.
/// </remarks>
internal sealed class PingChunk
{
    private int[] _idOfRow = [];
    private long[] _timeMs = [];
    private double[] _lat = [];
    private double[] _lon = [];
    private float[] _accuracyM = [];
    private bool[] _ok = [];
    private byte[] _idBytes = new byte[1 << 12];
    private int[] _idOffsets = new int[1 << 8];
    private char[] _chars = new char[256];

    /// <summary>Rows in the block (kept and dropped).</summary>
    public int Rows { get; private set; }

    /// <summary>Distinct ids in the id table.</summary>
    public int IdCount { get; private set; }

    /// <summary>Index into the id table of each row's device id; -1 when null.</summary>
    public Span<int> IdOfRow => _idOfRow.AsSpan(0, Rows);

    /// <summary>UTC epoch milliseconds of each row (raw CSV integers until their unit is known).</summary>
    public Span<long> TimeMs => _timeMs.AsSpan(0, Rows);

    /// <summary>Latitude of each row in degrees.</summary>
    public Span<double> Lat => _lat.AsSpan(0, Rows);

    /// <summary>Longitude of each row in degrees.</summary>
    public Span<double> Lon => _lon.AsSpan(0, Rows);

    /// <summary>Accuracy of each row in meters; NaN when unknown.</summary>
    public Span<float> AccuracyM => _accuracyM.AsSpan(0, Rows);

    /// <summary>Whether each row has every required value (false rows are dropped and counted).</summary>
    public Span<bool> Ok => _ok.AsSpan(0, Rows);

    /// <summary>Hands every kept row, in order, to <paramref name="sink"/>.</summary>
    /// <returns>The number of kept rows.</returns>
    public int ForEachKept<TSink>(ref TSink sink)
        where TSink : struct, IPingRowSink
    {
        ReadOnlySpan<int> ids = IdOfRow;
        ReadOnlySpan<long> times = TimeMs;
        ReadOnlySpan<double> lats = Lat;
        ReadOnlySpan<double> lons = Lon;
        ReadOnlySpan<float> accs = AccuracyM;
        ReadOnlySpan<bool> ok = Ok;
        int kept = 0;
        for (int i = 0; i < ok.Length; i++)
        {
            if (ok[i])
            {
                sink.Row(ids[i], times[i], lats[i], lons[i], accs[i]);
                kept++;
            }
        }

        return kept;
    }

    /// <summary>Empties the block and sizes it for <paramref name="rows"/> rows, all marked usable.</summary>
    public void Reset(int rows)
    {
        if (_timeMs.Length < rows)
        {
            int size = Math.Max(rows, 16);
            _idOfRow = new int[size];
            _timeMs = new long[size];
            _lat = new double[size];
            _lon = new double[size];
            _accuracyM = new float[size];
            _ok = new bool[size];
        }

        Rows = rows;
        IdCount = 0;
        _ok.AsSpan(0, rows).Fill(true);
    }

    /// <summary>Shrinks the block to its first <paramref name="rows"/> rows (a CSV block that ended early).</summary>
    public void Truncate(int rows) => Rows = Math.Min(Rows, rows);

    /// <summary>The UTF-8 bytes of id <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> Id(int index) => _idBytes.AsSpan(_idOffsets[index], _idOffsets[index + 1] - _idOffsets[index]);

    /// <summary>Adds an id given as UTF-8 bytes (invalid sequences replaced) and returns its index in the table.</summary>
    public int AddId(ReadOnlySpan<byte> utf8)
    {
        if (Utf8.IsValid(utf8))
        {
            return Append(utf8);
        }

        int max = Encoding.UTF8.GetMaxCharCount(utf8.Length);
        if (max > _chars.Length)
        {
            _chars = new char[max];
        }

        int count = Encoding.UTF8.GetChars(utf8, _chars);
        return AddId(_chars.AsSpan(0, count));
    }

    /// <summary>Adds an id given as characters and returns its index in the table.</summary>
    public int AddId(ReadOnlySpan<char> id)
    {
        int start = _idOffsets[IdCount];
        EnsureIdCapacity(Encoding.UTF8.GetMaxByteCount(id.Length));
        int written = Encoding.UTF8.GetBytes(id, _idBytes.AsSpan(start));
        _idOffsets[++IdCount] = start + written;
        return IdCount - 1;
    }

    private int Append(ReadOnlySpan<byte> utf8)
    {
        int start = _idOffsets[IdCount];
        EnsureIdCapacity(utf8.Length);
        utf8.CopyTo(_idBytes.AsSpan(start));
        _idOffsets[++IdCount] = start + utf8.Length;
        return IdCount - 1;
    }

    private void EnsureIdCapacity(int bytes)
    {
        if (IdCount + 2 > _idOffsets.Length)
        {
            Array.Resize(ref _idOffsets, _idOffsets.Length * 2);
        }

        long needed = (long)_idOffsets[IdCount] + bytes;
        if (needed > _idBytes.Length)
        {
            Array.Resize(ref _idBytes, (int)Math.Min(Array.MaxLength, Math.Max(needed, (long)_idBytes.Length * 2)));
        }
    }
}
