using System.Diagnostics.CodeAnalysis;

namespace AdintAudit.Parquet.Text;

/// <summary>How a leaf column's values are written as text (the interop corpus's <c>csv_columns[].kind</c>).</summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Member names are the interop corpus's kind names.")]
public enum ValueKind
{
    /// <summary>UTF-8 text.</summary>
    String,

    /// <summary>Lower-case hex of the raw bytes.</summary>
    Hex,

    /// <summary>8-4-4-4-12 lower-case hex.</summary>
    Uuid,

    /// <summary>Signed decimal integer.</summary>
    Int,

    /// <summary>Unsigned reading of the stored bits.</summary>
    UInt,

    /// <summary><c>true</c> / <c>false</c>.</summary>
    Bool,

    /// <summary>Shortest round-trip double.</summary>
    Double,

    /// <summary>Single precision widened to double.</summary>
    Float,

    /// <summary>Half precision widened to double.</summary>
    Float16,

    /// <summary>The raw stored integer in the column's timestamp unit.</summary>
    TimestampRaw,

    /// <summary>INT96 as epoch nanoseconds.</summary>
    Int96EpochNanoseconds,

    /// <summary>Days since the epoch.</summary>
    DateRaw,

    /// <summary>Time of day in its unit.</summary>
    TimeRaw,

    /// <summary>Exact decimal with the column's scale.</summary>
    Decimal,
}
