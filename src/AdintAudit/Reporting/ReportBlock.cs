namespace AdintAudit.Reporting;

/// <summary>
/// A piece of section content: <see cref="Paragraph"/>, <see cref="Table"/>, <see cref="Figure"/>, <see cref="Callout"/>
/// or <see cref="DefinitionList"/>. The set is closed: renderers know every kind.
/// </summary>
public abstract record ReportBlock
{
    private protected ReportBlock()
    {
    }
}
