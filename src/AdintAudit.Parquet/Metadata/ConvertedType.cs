using System.Diagnostics.CodeAnalysis;

namespace AdintAudit.Parquet.Metadata;

/// <summary>Legacy type annotations (Parquet <c>ConvertedType</c>), still written by many tools.</summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Member names are the Parquet specification's type names.")]
public enum ConvertedType
{
    /// <summary>UTF-8 text.</summary>
    Utf8 = 0,

    /// <summary>A map group.</summary>
    Map = 1,

    /// <summary>The key/value group inside a map.</summary>
    MapKeyValue = 2,

    /// <summary>A list group.</summary>
    List = 3,

    /// <summary>An enum stored as text.</summary>
    Enum = 4,

    /// <summary>Fixed-point decimal with the element's scale and precision.</summary>
    Decimal = 5,

    /// <summary>Days since 1970-01-01.</summary>
    Date = 6,

    /// <summary>Milliseconds since midnight.</summary>
    TimeMillis = 7,

    /// <summary>Microseconds since midnight.</summary>
    TimeMicros = 8,

    /// <summary>Milliseconds since the Unix epoch.</summary>
    TimestampMillis = 9,

    /// <summary>Microseconds since the Unix epoch.</summary>
    TimestampMicros = 10,

    /// <summary>Unsigned 8-bit integer.</summary>
    Uint8 = 11,

    /// <summary>Unsigned 16-bit integer.</summary>
    Uint16 = 12,

    /// <summary>Unsigned 32-bit integer.</summary>
    Uint32 = 13,

    /// <summary>Unsigned 64-bit integer.</summary>
    Uint64 = 14,

    /// <summary>Signed 8-bit integer.</summary>
    Int8 = 15,

    /// <summary>Signed 16-bit integer.</summary>
    Int16 = 16,

    /// <summary>Signed 32-bit integer.</summary>
    Int32 = 17,

    /// <summary>Signed 64-bit integer.</summary>
    Int64 = 18,

    /// <summary>JSON text.</summary>
    Json = 19,

    /// <summary>BSON document.</summary>
    Bson = 20,

    /// <summary>Months, days and milliseconds interval.</summary>
    Interval = 21,
}
