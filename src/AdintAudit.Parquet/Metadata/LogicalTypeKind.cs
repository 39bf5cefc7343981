using System.Diagnostics.CodeAnalysis;

namespace AdintAudit.Parquet.Metadata;

/// <summary>The member of the Parquet <c>LogicalType</c> union that is set.</summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Member names are the Parquet specification's type names.")]
public enum LogicalTypeKind
{
    /// <summary>A logical type this reader does not know; treat the column by its physical type.</summary>
    Unknown = 0,

    /// <summary>UTF-8 text.</summary>
    String = 1,

    /// <summary>Map group.</summary>
    Map = 2,

    /// <summary>List group.</summary>
    List = 3,

    /// <summary>Enum stored as text.</summary>
    Enum = 4,

    /// <summary>Fixed-point decimal.</summary>
    Decimal = 5,

    /// <summary>Days since the epoch.</summary>
    Date = 6,

    /// <summary>Time of day.</summary>
    Time = 7,

    /// <summary>Instant or local date-time.</summary>
    Timestamp = 8,

    /// <summary>Integer of a given width and signedness.</summary>
    Integer = 10,

    /// <summary>Always null.</summary>
    Null = 11,

    /// <summary>JSON text.</summary>
    Json = 12,

    /// <summary>BSON document.</summary>
    Bson = 13,

    /// <summary>16-byte UUID.</summary>
    Uuid = 14,

    /// <summary>IEEE 754 half precision in a 2-byte fixed array.</summary>
    Float16 = 15,

    /// <summary>Variant (semi-structured) value.</summary>
    Variant = 16,

    /// <summary>Geometry (WKB).</summary>
    Geometry = 17,

    /// <summary>Geography (WKB).</summary>
    Geography = 18,
}
