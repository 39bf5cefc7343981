namespace AdintAudit.Data;

/// <summary>
/// What a load or spill has seen so far: rows read and dropped, the columns used and how timestamps were interpreted.
/// </summary>
/// <remarks>Updated on the consuming thread only (decoders note units while they are opened, before decoding starts).</remarks>
internal sealed class PingLoadState
{
    private readonly SortedSet<string> _units = new(StringComparer.Ordinal);

    public long RowsRead { get; set; }

    public long RowsDropped { get; set; }

    /// <summary>The input column of each field (<c>field=column</c>), from the first file read.</summary>
    public string[]? Columns { get; set; }

    /// <summary>The distinct notes on timestamp units, in ordinal order.</summary>
    public IReadOnlyCollection<string> UnitNotes => _units;

    public void NoteUnit(string unit, string how) => _units.Add($"{unit} ({how})");

    /// <summary>Adds notes recorded elsewhere (another task's spill).</summary>
    public void AddNotes(IEnumerable<string> notes) => _units.UnionWith(notes);

    public string DescribeTime() => Describe(_units);

    /// <summary>The report text for a set of unit notes: the notes in ordinal order joined by <c>; </c>, or <c>none</c>.</summary>
    public static string Describe(IReadOnlyCollection<string> notes) => notes.Count == 0 ? "none" : string.Join("; ", notes);
}
