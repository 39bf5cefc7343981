namespace AdintAudit.Parquet.Metadata;

/// <summary>Whether a schema field is required, optional or repeated.</summary>
public enum FieldRepetition
{
    /// <summary>Exactly one value per parent.</summary>
    Required = 0,

    /// <summary>Zero or one value per parent (nullable).</summary>
    Optional = 1,

    /// <summary>Zero or more values per parent.</summary>
    Repeated = 2,
}
