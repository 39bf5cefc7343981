using System.Diagnostics.CodeAnalysis;
using AdintAudit.Parquet.Metadata;

namespace AdintAudit.Parquet.Writing;

/// <summary>
/// One column of a flat table to write: its name, physical type, optional logical type, and whether it may hold nulls.
/// </summary>
/// <remarks>
/// Supported physical types: BOOLEAN, INT32, INT64, FLOAT, DOUBLE, BYTE_ARRAY. Supported logical types: STRING, ENUM,
/// JSON (BYTE_ARRAY); TIMESTAMP (INT64, any unit); DATE (INT32); TIME (MILLIS on INT32, MICROS/NANOS on INT64);
/// INTEGER (matching width); DECIMAL (INT32 up to 9 digits, INT64 up to 18). The legacy converted type is derived
/// from the logical type (for example TIMESTAMP_MILLIS for a UTC millisecond timestamp) so that old readers work.
/// </remarks>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Factory names are the Parquet specification's type names.")]
public sealed record WriterColumn
{
    /// <summary>Creates a column definition.</summary>
    /// <param name="name">Column name; not empty.</param>
    /// <param name="physicalType">How the values are stored.</param>
    /// <param name="logicalType">Logical annotation, or null for none.</param>
    /// <param name="isRequired">True for a REQUIRED column (no nulls, no definition levels); false for OPTIONAL.</param>
    /// <exception cref="ArgumentException">The name is empty, or the type combination is not supported.</exception>
    public WriterColumn(string name, PhysicalType physicalType, LogicalType? logicalType = null, bool isRequired = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        PhysicalType = physicalType;
        LogicalType = logicalType;
        IsRequired = isRequired;
        ConvertedType = Validate(name, physicalType, logicalType);
    }

    /// <summary>Column name.</summary>
    public string Name { get; }

    /// <summary>Physical type of the stored values.</summary>
    public PhysicalType PhysicalType { get; }

    /// <summary>Logical type annotation, if any.</summary>
    public LogicalType? LogicalType { get; }

    /// <summary>Whether the column is REQUIRED (no nulls); otherwise OPTIONAL.</summary>
    public bool IsRequired { get; }

    /// <summary>The legacy converted type written next to the logical type, if one exists for it.</summary>
    public ConvertedType? ConvertedType { get; }

    /// <summary>Defines a UTF-8 text column (BYTE_ARRAY, STRING).</summary>
    /// <param name="name">Column name.</param>
    /// <param name="isRequired">True for REQUIRED.</param>
    public static WriterColumn String(string name, bool isRequired = false) =>
        new(name, PhysicalType.ByteArray, new LogicalType(LogicalTypeKind.String), isRequired);

    /// <summary>Defines a raw bytes column (BYTE_ARRAY without annotation).</summary>
    /// <param name="name">Column name.</param>
    /// <param name="isRequired">True for REQUIRED.</param>
    public static WriterColumn Binary(string name, bool isRequired = false) => new(name, PhysicalType.ByteArray, null, isRequired);

    /// <summary>Defines a 32-bit integer column.</summary>
    /// <param name="name">Column name.</param>
    /// <param name="isRequired">True for REQUIRED.</param>
    public static WriterColumn Int32(string name, bool isRequired = false) => new(name, PhysicalType.Int32, null, isRequired);

    /// <summary>Defines a 64-bit integer column.</summary>
    /// <param name="name">Column name.</param>
    /// <param name="isRequired">True for REQUIRED.</param>
    public static WriterColumn Int64(string name, bool isRequired = false) => new(name, PhysicalType.Int64, null, isRequired);

    /// <summary>Defines a single-precision column.</summary>
    /// <param name="name">Column name.</param>
    /// <param name="isRequired">True for REQUIRED.</param>
    public static WriterColumn Float(string name, bool isRequired = false) => new(name, PhysicalType.Float, null, isRequired);

    /// <summary>Defines a double-precision column.</summary>
    /// <param name="name">Column name.</param>
    /// <param name="isRequired">True for REQUIRED.</param>
    public static WriterColumn Double(string name, bool isRequired = false) => new(name, PhysicalType.Double, null, isRequired);

    /// <summary>Defines a boolean column.</summary>
    /// <param name="name">Column name.</param>
    /// <param name="isRequired">True for REQUIRED.</param>
    public static WriterColumn Boolean(string name, bool isRequired = false) => new(name, PhysicalType.Boolean, null, isRequired);

    /// <summary>Defines a timestamp column: INT64 counts of <paramref name="unit"/> since the Unix epoch.</summary>
    /// <param name="name">Column name.</param>
    /// <param name="unit">Milliseconds, microseconds or nanoseconds.</param>
    /// <param name="isAdjustedToUtc">True for UTC instants (the usual case); false for local wall-clock values.</param>
    /// <param name="isRequired">True for REQUIRED.</param>
    public static WriterColumn Timestamp(string name, TimeUnit unit, bool isAdjustedToUtc = true, bool isRequired = false) =>
        new(name, PhysicalType.Int64, new LogicalType(LogicalTypeKind.Timestamp) { Unit = unit, IsAdjustedToUtc = isAdjustedToUtc }, isRequired);

    /// <summary>Defines a date column: INT32 days since 1970-01-01.</summary>
    /// <param name="name">Column name.</param>
    /// <param name="isRequired">True for REQUIRED.</param>
    public static WriterColumn Date(string name, bool isRequired = false) =>
        new(name, PhysicalType.Int32, new LogicalType(LogicalTypeKind.Date), isRequired);

    /// <summary>Builds the footer's schema element for this column.</summary>
    internal SchemaElement ToSchemaElement()
    {
        var element = new SchemaElement
        {
            Name = Name,
            Type = PhysicalType,
            Repetition = IsRequired ? FieldRepetition.Required : FieldRepetition.Optional,
            ConvertedType = ConvertedType,
            LogicalType = LogicalType,
        };
        if (LogicalType?.Kind == LogicalTypeKind.Decimal)
        {
            element.Scale = LogicalType.Scale;
            element.Precision = LogicalType.Precision;
        }

        return element;
    }

    private static ConvertedType? Validate(string name, PhysicalType type, LogicalType? logical)
    {
        if (type is not (PhysicalType.Boolean or PhysicalType.Int32 or PhysicalType.Int64 or PhysicalType.Float
            or PhysicalType.Double or PhysicalType.ByteArray))
        {
            throw new ArgumentException($"column '{name}': physical type {ParquetNames.Of(type)} cannot be written", nameof(type));
        }

        if (logical is null)
        {
            return null;
        }

        ConvertedType? converted = (logical.Kind, type) switch
        {
            (LogicalTypeKind.String, PhysicalType.ByteArray) => Metadata.ConvertedType.Utf8,
            (LogicalTypeKind.Enum, PhysicalType.ByteArray) => Metadata.ConvertedType.Enum,
            (LogicalTypeKind.Json, PhysicalType.ByteArray) => Metadata.ConvertedType.Json,
            (LogicalTypeKind.Date, PhysicalType.Int32) => Metadata.ConvertedType.Date,
            (LogicalTypeKind.Timestamp, PhysicalType.Int64) => logical switch
            {
                { IsAdjustedToUtc: true, Unit: TimeUnit.Millis } => Metadata.ConvertedType.TimestampMillis,
                { IsAdjustedToUtc: true, Unit: TimeUnit.Micros } => Metadata.ConvertedType.TimestampMicros,
                { Unit: TimeUnit.Millis or TimeUnit.Micros or TimeUnit.Nanos } => null,
                _ => throw Unsupported(name, type, logical),
            },
            (LogicalTypeKind.Time, PhysicalType.Int32) when logical.Unit == TimeUnit.Millis =>
                logical.IsAdjustedToUtc ? Metadata.ConvertedType.TimeMillis : null,
            (LogicalTypeKind.Time, PhysicalType.Int64) when logical.Unit is TimeUnit.Micros or TimeUnit.Nanos =>
                logical.IsAdjustedToUtc && logical.Unit == TimeUnit.Micros ? Metadata.ConvertedType.TimeMicros : null,
            (LogicalTypeKind.Integer, PhysicalType.Int32) when logical.BitWidth is 8 or 16 or 32 => IntegerConvertedType(logical),
            (LogicalTypeKind.Integer, PhysicalType.Int64) when logical.BitWidth == 64 => IntegerConvertedType(logical),
            (LogicalTypeKind.Decimal, PhysicalType.Int32) when logical.Precision is >= 1 and <= 9 && logical.Scale >= 0
                && logical.Scale <= logical.Precision => Metadata.ConvertedType.Decimal,
            (LogicalTypeKind.Decimal, PhysicalType.Int64) when logical.Precision is >= 1 and <= 18 && logical.Scale >= 0
                && logical.Scale <= logical.Precision => Metadata.ConvertedType.Decimal,
            _ => throw Unsupported(name, type, logical),
        };
        return converted;
    }

    private static ConvertedType IntegerConvertedType(LogicalType logical) => (logical.BitWidth, logical.IsSigned) switch
    {
        (8, true) => Metadata.ConvertedType.Int8,
        (16, true) => Metadata.ConvertedType.Int16,
        (32, true) => Metadata.ConvertedType.Int32,
        (64, true) => Metadata.ConvertedType.Int64,
        (8, false) => Metadata.ConvertedType.Uint8,
        (16, false) => Metadata.ConvertedType.Uint16,
        (32, false) => Metadata.ConvertedType.Uint32,
        _ => Metadata.ConvertedType.Uint64,
    };

    private static ArgumentException Unsupported(string name, PhysicalType type, LogicalType logical) =>
        new($"column '{name}': logical type {logical} on {ParquetNames.Of(type)} cannot be written", nameof(logical));
}
