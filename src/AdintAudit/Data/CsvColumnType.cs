using System.Diagnostics.CodeAnalysis;
using AdintAudit.Parquet.Metadata;
using AdintAudit.Parquet.Writing;

namespace AdintAudit.Data;

/// <summary>The Parquet type a CSV column is converted to.</summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Member names are the column type names users write.")]
public enum CsvColumnType
{
    /// <summary>UTF-8 text (BYTE_ARRAY, STRING). Name: <c>string</c>.</summary>
    String,

    /// <summary>64-bit integer. Name: <c>int64</c>.</summary>
    Int64,

    /// <summary>32-bit integer. Name: <c>int32</c>.</summary>
    Int32,

    /// <summary>Double precision. Name: <c>double</c>.</summary>
    Double,

    /// <summary>Single precision. Name: <c>float</c>.</summary>
    Float,

    /// <summary><c>true</c>/<c>false</c> (any case). Name: <c>bool</c>.</summary>
    Boolean,

    /// <summary>TIMESTAMP(MILLIS, UTC): epoch milliseconds, or ISO 8601 text. Name: <c>timestamp_ms</c>.</summary>
    TimestampMillis,

    /// <summary>TIMESTAMP(MICROS, UTC): epoch microseconds, or ISO 8601 text. Name: <c>timestamp_us</c>.</summary>
    TimestampMicros,

    /// <summary>TIMESTAMP(NANOS, UTC): epoch nanoseconds, or ISO 8601 text. Name: <c>timestamp_ns</c>.</summary>
    TimestampNanos,

    /// <summary>TIMESTAMP(MILLIS, local): as <see cref="TimestampMillis"/>, not adjusted to UTC. Name: <c>local_timestamp_ms</c>.</summary>
    LocalTimestampMillis,

    /// <summary>TIMESTAMP(MICROS, local). Name: <c>local_timestamp_us</c>.</summary>
    LocalTimestampMicros,

    /// <summary>TIMESTAMP(NANOS, local). Name: <c>local_timestamp_ns</c>.</summary>
    LocalTimestampNanos,

    /// <summary>DATE: days since 1970-01-01, or <c>yyyy-MM-dd</c>. Name: <c>date</c>.</summary>
    Date,
}

/// <summary>Names of <see cref="CsvColumnType"/> as users write them (<c>--types col=type</c>).</summary>
public static class CsvColumnTypes
{
    private static readonly (string Name, CsvColumnType Type)[] s_names =
    [
        ("string", CsvColumnType.String), ("int64", CsvColumnType.Int64), ("int32", CsvColumnType.Int32),
        ("double", CsvColumnType.Double), ("float", CsvColumnType.Float), ("bool", CsvColumnType.Boolean),
        ("timestamp_ms", CsvColumnType.TimestampMillis), ("timestamp_us", CsvColumnType.TimestampMicros),
        ("timestamp_ns", CsvColumnType.TimestampNanos), ("local_timestamp_ms", CsvColumnType.LocalTimestampMillis),
        ("local_timestamp_us", CsvColumnType.LocalTimestampMicros), ("local_timestamp_ns", CsvColumnType.LocalTimestampNanos),
        ("date", CsvColumnType.Date),
    ];

    /// <summary>All accepted names, comma separated, for help and error text.</summary>
    public static string AllNames { get; } = string.Join(", ", s_names.Select(n => n.Name));

    /// <summary>Parses a type name (case-insensitive; <c>long</c>, <c>int</c>, <c>text</c> and <c>boolean</c> are accepted aliases).</summary>
    /// <param name="name">The name.</param>
    /// <param name="type">The type, when the name is known.</param>
    /// <returns>Whether the name is known.</returns>
    public static bool TryParse(string name, out CsvColumnType type)
    {
        ArgumentNullException.ThrowIfNull(name);
        string key = name.Trim().ToLowerInvariant() switch
        {
            "long" or "bigint" => "int64",
            "int" or "integer" => "int32",
            "text" or "varchar" => "string",
            "boolean" => "bool",
            string other => other,
        };
        foreach ((string candidate, CsvColumnType value) in s_names)
        {
            if (string.Equals(candidate, key, StringComparison.Ordinal))
            {
                type = value;
                return true;
            }
        }

        type = CsvColumnType.String;
        return false;
    }

    /// <summary>The canonical name of <paramref name="type"/>.</summary>
    /// <param name="type">A column type.</param>
    public static string NameOf(CsvColumnType type)
    {
        foreach ((string name, CsvColumnType value) in s_names)
        {
            if (value == type)
            {
                return name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(type));
    }

    /// <summary>The OPTIONAL Parquet column a CSV column of this type becomes.</summary>
    internal static WriterColumn ToWriterColumn(string name, CsvColumnType type) => type switch
    {
        CsvColumnType.String => WriterColumn.String(name),
        CsvColumnType.Int64 => WriterColumn.Int64(name),
        CsvColumnType.Int32 => WriterColumn.Int32(name),
        CsvColumnType.Double => WriterColumn.Double(name),
        CsvColumnType.Float => WriterColumn.Float(name),
        CsvColumnType.Boolean => WriterColumn.Boolean(name),
        CsvColumnType.TimestampMillis => WriterColumn.Timestamp(name, TimeUnit.Millis),
        CsvColumnType.TimestampMicros => WriterColumn.Timestamp(name, TimeUnit.Micros),
        CsvColumnType.TimestampNanos => WriterColumn.Timestamp(name, TimeUnit.Nanos),
        CsvColumnType.LocalTimestampMillis => WriterColumn.Timestamp(name, TimeUnit.Millis, isAdjustedToUtc: false),
        CsvColumnType.LocalTimestampMicros => WriterColumn.Timestamp(name, TimeUnit.Micros, isAdjustedToUtc: false),
        CsvColumnType.LocalTimestampNanos => WriterColumn.Timestamp(name, TimeUnit.Nanos, isAdjustedToUtc: false),
        _ => WriterColumn.Date(name),
    };
}
