namespace AdintAudit.Parquet.Writing;

/// <summary>The columns of a flat table to write, in file order.</summary>
public sealed class WriterSchema
{
    private readonly WriterColumn[] _columns;

    /// <summary>Creates a schema from its columns.</summary>
    /// <param name="columns">At least one column; names must be unique (ordinal comparison).</param>
    /// <exception cref="ArgumentException">No columns, a null entry, or a duplicate name.</exception>
    public WriterSchema(IEnumerable<WriterColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _columns = [.. columns];
        if (_columns.Length == 0)
        {
            throw new ArgumentException("a schema needs at least one column", nameof(columns));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (WriterColumn column in _columns)
        {
            if (column is null)
            {
                throw new ArgumentException("a column is null", nameof(columns));
            }

            if (!names.Add(column.Name))
            {
                throw new ArgumentException($"column name '{column.Name}' appears twice", nameof(columns));
            }
        }
    }

    /// <summary>Creates a schema from its columns.</summary>
    /// <param name="columns">At least one column; names must be unique.</param>
    /// <exception cref="ArgumentException">No columns, a null entry, or a duplicate name.</exception>
    public WriterSchema(params WriterColumn[] columns)
        : this((IEnumerable<WriterColumn>)columns)
    {
    }

    /// <summary>The columns in file order.</summary>
    public IReadOnlyList<WriterColumn> Columns => _columns;
}
