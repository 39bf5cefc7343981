namespace AdintAudit.Quality;

/// <summary>Counts the pings one check flags in one table and remembers the rows of the first few.</summary>
/// <param name="name">The check's name in the report.</param>
/// <param name="removed">Whether flagged pings are removed.</param>
/// <param name="maxExamples">Rows remembered.</param>
internal sealed class CheckCounter(string name, bool removed, int maxExamples)
{
    public string Name { get; } = name;

    public bool Removed { get; } = removed;

    public long Count { get; private set; }

    /// <summary>The first flagged rows, in the order they were added (ascending rows when added in row order).</summary>
    public List<int> Rows { get; } = [];

    public void Add(int row)
    {
        Count++;
        if (Rows.Count < maxExamples)
        {
            Rows.Add(row);
        }
    }
}
