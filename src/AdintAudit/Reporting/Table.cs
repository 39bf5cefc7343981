namespace AdintAudit.Reporting;

/// <summary>A table of already formatted cells, with an optional caption and right-aligned numeric columns.</summary>
/// <param name="Headers">Column headings.</param>
/// <param name="Rows">Rows, each with exactly one cell per heading.</param>
public sealed record Table(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows) : ReportBlock
{
    /// <summary>Caption shown above the table; empty (the default) for none.</summary>
    public string Caption { get; init; } = string.Empty;

    /// <summary>Per column, true to right-align it (numbers); shorter than <see cref="Headers"/> means left for the rest. Default none.</summary>
    public IReadOnlyList<bool> NumericColumns { get; init; } = [];
}
