using System.Globalization;

namespace AdintAudit.Data;

/// <summary>
/// Decodes ping CSV text (header line first) into <see cref="PingChunk"/>s of at most <see cref="ChunkRows"/> rows: the
/// CSV half of the decoding shared by <see cref="PingTableLoader"/> and the partitioned spill.
/// </summary>
/// <remarks>
/// Integer timestamps take the given unit, or one detected by magnitude from the integer timestamps of the file's first
/// block that has any (sampled as for Parquet); decimals are seconds; other text is ISO-8601 (no offset = UTC).
/// Rows missing a device id, time, latitude or longitude (or with an unparsable latitude or longitude) are kept in the
/// block marked as dropped.
/// </remarks>
internal sealed class CsvPingReader
{
    /// <summary>Rows per block.</summary>
    internal const int ChunkRows = 1 << 16;

    private const NumberStyles Real = NumberStyles.Float;
    private readonly CsvReader _csv;
    private readonly PingLoadOptions _options;
    private readonly PingLoadState _state;
    private readonly string[] _names;
    private readonly int _deviceAt;
    private readonly int _timeAt;
    private readonly int _latAt;
    private readonly int _lonAt;
    private readonly int _accAt;
    private readonly List<int> _rawInteger = [];
    private TimestampUnit? _unit;
    private bool _sawIso;

    /// <summary>Reads the header line and resolves the columns.</summary>
    /// <exception cref="InputFormatException">The text is empty or lacks a required column.</exception>
    public CsvPingReader(TextReader text, PingLoadOptions options, PingLoadState state)
    {
        _csv = new CsvReader(text);
        _options = options;
        _state = state;
        if (!_csv.Read())
        {
            throw new CsvFormatException(1, "the file is empty (a header line is needed)");
        }

        _names = new string[_csv.FieldCount];
        for (int c = 0; c < _names.Length; c++)
        {
            _names[c] = _csv.GetString(c) ?? string.Empty;
        }

        int[] map = options.Mapping.Resolve(_names);
        state.Columns ??= [.. Enum.GetValues<PingField>().Where(f => map[(int)f] >= 0).Select(f => $"{f}={_names[map[(int)f]]}")];
        _deviceAt = map[(int)PingField.DeviceId];
        _timeAt = map[(int)PingField.Timestamp];
        _latAt = map[(int)PingField.Latitude];
        _lonAt = map[(int)PingField.Longitude];
        _accAt = map[(int)PingField.Accuracy];
    }

    /// <summary>Decodes the next block of rows into <paramref name="chunk"/>.</summary>
    /// <returns>False when the text is exhausted (the chunk is then empty).</returns>
    /// <exception cref="CsvFormatException">A line is malformed; the message names it.</exception>
    public bool Read(PingChunk chunk)
    {
        chunk.Reset(ChunkRows);
        Span<int> ids = chunk.IdOfRow;
        Span<long> times = chunk.TimeMs;
        Span<double> lats = chunk.Lat;
        Span<double> lons = chunk.Lon;
        Span<float> accs = chunk.AccuracyM;
        Span<bool> ok = chunk.Ok;
        CultureInfo invariant = CultureInfo.InvariantCulture;
        _rawInteger.Clear();
        int rows = 0;
        while (rows < ChunkRows && _csv.Read())
        {
            int r = rows++;
            if (_csv.FieldCount != _names.Length)
            {
                throw new CsvFormatException(_csv.RecordLine, $"{_csv.FieldCount} fields, but the header has {_names.Length}");
            }

            if (_csv.IsNull(_deviceAt) || _csv.IsNull(_timeAt)
                || !double.TryParse(_csv[_latAt], Real, invariant, out double lat) || !double.TryParse(_csv[_lonAt], Real, invariant, out double lon)
                || double.IsNaN(lat) || double.IsNaN(lon))
            {
                ids[r] = -1;
                ok[r] = false;
                continue;
            }

            ReadOnlySpan<char> timeText = _csv[_timeAt].Trim();
            if (long.TryParse(timeText, NumberStyles.AllowLeadingSign, invariant, out long raw))
            {
                times[r] = raw;
                _rawInteger.Add(r);
            }
            else if (double.TryParse(timeText, Real, invariant, out double seconds) && double.IsFinite(seconds))
            {
                times[r] = (long)Math.Floor(seconds * 1000);
            }
            else if (TimestampUnits.TryParseIso(timeText, out long ms))
            {
                times[r] = ms;
                if (!_sawIso)
                {
                    _sawIso = true;
                    _state.NoteUnit("ISO-8601 text", "no offset = UTC");
                }
            }
            else
            {
                string shown = timeText.Length > 40 ? string.Concat(timeText[..40], "…") : timeText.ToString();
                throw new CsvFormatException(_csv.RecordLine, $"column '{_names[_timeAt]}': \"{shown}\" is neither an epoch number nor an ISO-8601 timestamp");
            }

            float acc = float.NaN;
            if (_accAt >= 0 && !_csv.IsNull(_accAt) && float.TryParse(_csv[_accAt], Real, invariant, out float parsed))
            {
                acc = parsed;
            }

            ids[r] = chunk.AddId(_csv[_deviceAt]);
            lats[r] = lat;
            lons[r] = lon;
            accs[r] = acc;
        }

        chunk.Truncate(rows);
        ScaleIntegers(chunk.TimeMs);
        return rows > 0;
    }

    private void ScaleIntegers(Span<long> times)
    {
        if (_rawInteger.Count == 0)
        {
            return;
        }

        if (_unit is null)
        {
            int step = Math.Max(1, _rawInteger.Count / ParquetTimeReader.UnitSample);
            var sample = new List<long>();
            for (int i = 0; i < _rawInteger.Count; i += step)
            {
                sample.Add(times[_rawInteger[i]]);
            }

            _unit = _options.TimestampUnit ?? TimestampUnits.Detect([.. sample]);
            _state.NoteUnit(TimestampUnits.ShortName(_unit.Value), _options.TimestampUnit is null ? "detected by magnitude" : "given");
        }

        TimestampUnit unit = _unit.Value;
        if (unit != TimestampUnit.Milliseconds)
        {
            foreach (int row in _rawInteger)
            {
                times[row] = TimestampUnits.ToMilliseconds(times[row], unit);
            }
        }
    }
}
