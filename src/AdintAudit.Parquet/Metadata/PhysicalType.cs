using System.Diagnostics.CodeAnalysis;

namespace AdintAudit.Parquet.Metadata;

/// <summary>How values are stored on disk (Parquet <c>Type</c>).</summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Member names are the Parquet specification's type names.")]
public enum PhysicalType
{
    /// <summary>One bit per value.</summary>
    Boolean = 0,

    /// <summary>32-bit signed integer, little-endian.</summary>
    Int32 = 1,

    /// <summary>64-bit signed integer, little-endian.</summary>
    Int64 = 2,

    /// <summary>Deprecated 12-byte timestamp: nanoseconds of day (int64) then Julian day (int32).</summary>
    Int96 = 3,

    /// <summary>IEEE 754 single precision.</summary>
    Float = 4,

    /// <summary>IEEE 754 double precision.</summary>
    Double = 5,

    /// <summary>Variable-length bytes.</summary>
    ByteArray = 6,

    /// <summary>Bytes of a length fixed by the schema.</summary>
    FixedLenByteArray = 7,
}
