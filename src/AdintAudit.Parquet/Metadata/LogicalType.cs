namespace AdintAudit.Parquet.Metadata;

/// <summary>A logical type annotation (the Parquet <c>LogicalType</c> union), flattened into one record.</summary>
/// <param name="Kind">Which member of the union is set.</param>
public sealed record LogicalType(LogicalTypeKind Kind)
{
    /// <summary>Unit of a TIME or TIMESTAMP.</summary>
    public TimeUnit Unit { get; init; }

    /// <summary>For TIME and TIMESTAMP: whether values are UTC instants (true) or local wall-clock values.</summary>
    public bool IsAdjustedToUtc { get; init; }

    /// <summary>For DECIMAL: digits after the point.</summary>
    public int Scale { get; init; }

    /// <summary>For DECIMAL: total digits.</summary>
    public int Precision { get; init; }

    /// <summary>For INTEGER: width in bits (8, 16, 32 or 64).</summary>
    public int BitWidth { get; init; }

    /// <summary>For INTEGER: whether the integer is signed.</summary>
    public bool IsSigned { get; init; } = true;

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        LogicalTypeKind.Timestamp => $"TIMESTAMP({UnitName(Unit)}, utc={(IsAdjustedToUtc ? "true" : "false")})",
        LogicalTypeKind.Time => $"TIME({UnitName(Unit)}, utc={(IsAdjustedToUtc ? "true" : "false")})",
        LogicalTypeKind.Decimal => FormattableString.Invariant($"DECIMAL({Precision}, {Scale})"),
        LogicalTypeKind.Integer => FormattableString.Invariant($"INTEGER({BitWidth}, {(IsSigned ? "signed" : "unsigned")})"),
        _ => Kind.ToString().ToUpperInvariant(),
    };

    private static string UnitName(TimeUnit unit) => unit switch
    {
        TimeUnit.Millis => "MILLIS",
        TimeUnit.Micros => "MICROS",
        TimeUnit.Nanos => "NANOS",
        _ => "?",
    };
}
