using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Text;
using AdintAudit.Parquet.Columns;
using AdintAudit.Parquet.Metadata;
using AdintAudit.Parquet.Schema;

namespace AdintAudit.Parquet.Text;

/// <summary>
/// Renders single values as text following the interop corpus's conventions (shared/parquet-interop/README.md):
/// raw integers for timestamps, JavaScript number text for floats, lower-case hex for unannotated bytes.
/// </summary>
public static class ValueFormatter
{
    private const long JulianDayOfUnixEpoch = 2_440_588;
    private const long NanosecondsPerDay = 86_400_000_000_000;

    /// <summary>Decides how a column's values are written.</summary>
    /// <param name="column">A leaf column.</param>
    public static ValueKind KindOf(ColumnDescriptor column)
    {
        ArgumentNullException.ThrowIfNull(column);
        LogicalType? logical = column.LogicalType;
        ConvertedType? converted = column.ConvertedType;
        PhysicalType type = column.PhysicalType;
        if (type == PhysicalType.Boolean)
        {
            return ValueKind.Bool;
        }

        if (converted == ConvertedType.Decimal || logical?.Kind == LogicalTypeKind.Decimal)
        {
            return ValueKind.Decimal;
        }

        switch (type)
        {
            case PhysicalType.Int96:
                return ValueKind.Int96EpochNanoseconds;
            case PhysicalType.Int32 or PhysicalType.Int64:
                if (logical?.Kind == LogicalTypeKind.Timestamp
                    || converted is ConvertedType.TimestampMillis or ConvertedType.TimestampMicros)
                {
                    return ValueKind.TimestampRaw;
                }

                if (converted == ConvertedType.Date || logical?.Kind == LogicalTypeKind.Date)
                {
                    return ValueKind.DateRaw;
                }

                if (converted is ConvertedType.TimeMillis or ConvertedType.TimeMicros || logical?.Kind == LogicalTypeKind.Time)
                {
                    return ValueKind.TimeRaw;
                }

                bool unsigned = converted is ConvertedType.Uint8 or ConvertedType.Uint16 or ConvertedType.Uint32 or ConvertedType.Uint64
                    || (logical?.Kind == LogicalTypeKind.Integer && !logical.IsSigned);
                return unsigned ? ValueKind.UInt : ValueKind.Int;
            case PhysicalType.Float:
                return ValueKind.Float;
            case PhysicalType.Double:
                return ValueKind.Double;
            default:
                break;
        }

        if (logical?.Kind == LogicalTypeKind.Float16)
        {
            return ValueKind.Float16;
        }

        if (logical?.Kind == LogicalTypeKind.Uuid)
        {
            return ValueKind.Uuid;
        }

        bool text = converted is ConvertedType.Utf8 or ConvertedType.Enum or ConvertedType.Json
            || logical?.Kind is LogicalTypeKind.String or LogicalTypeKind.Enum or LogicalTypeKind.Json;
        return text ? ValueKind.String : ValueKind.Hex;
    }

    /// <summary>Formats value <paramref name="valueIndex"/> (a dense, non-null index) of <paramref name="data"/>.</summary>
    public static string Format(ColumnData data, int valueIndex, ValueKind kind)
    {
        ArgumentNullException.ThrowIfNull(data);
        return FormatBytes(data.Column, data.GetBytes(valueIndex), kind);
    }

    /// <summary>
    /// Formats one PLAIN-encoded value of <paramref name="column"/> (for byte arrays: the bytes without a length
    /// prefix), such as a statistics bound.
    /// </summary>
    public static string FormatBytes(ColumnDescriptor column, ReadOnlySpan<byte> bytes, ValueKind kind)
    {
        ArgumentNullException.ThrowIfNull(column);
        int expected = column.PhysicalType switch
        {
            PhysicalType.Boolean => 1,
            PhysicalType.Int32 or PhysicalType.Float => 4,
            PhysicalType.Int64 or PhysicalType.Double => 8,
            PhysicalType.Int96 => 12,
            _ => -1,
        };
        if (expected > 0 && bytes.Length != expected)
        {
            throw new ParquetFormatException($"column '{column.DottedPath}' value has {bytes.Length} bytes, expected {expected}");
        }

        return kind switch
        {
            ValueKind.Bool => bytes[0] != 0 ? "true" : "false",
            ValueKind.Int or ValueKind.TimestampRaw or ValueKind.DateRaw or ValueKind.TimeRaw => FormatSigned(bytes),
            ValueKind.UInt => FormatUnsigned(bytes),
            ValueKind.Float => JsNumberFormatter.Format(BinaryPrimitives.ReadSingleLittleEndian(bytes)),
            ValueKind.Double => JsNumberFormatter.Format(BinaryPrimitives.ReadDoubleLittleEndian(bytes)),
            ValueKind.Float16 => bytes.Length == 2
                ? JsNumberFormatter.Format((double)BinaryPrimitives.ReadHalfLittleEndian(bytes))
                : throw new ParquetFormatException($"FLOAT16 column '{column.DottedPath}' has {bytes.Length}-byte values"),
            ValueKind.Int96EpochNanoseconds => FormatInt96(bytes),
            ValueKind.Decimal => FormatDecimal(bytes, column),
            ValueKind.Uuid => FormatUuid(bytes),
            ValueKind.String => Encoding.UTF8.GetString(bytes),
            _ => Convert.ToHexStringLower(bytes),
        };
    }

    private static string FormatSigned(ReadOnlySpan<byte> bytes) => bytes.Length == 4
        ? BinaryPrimitives.ReadInt32LittleEndian(bytes).ToString(CultureInfo.InvariantCulture)
        : BinaryPrimitives.ReadInt64LittleEndian(bytes).ToString(CultureInfo.InvariantCulture);

    private static string FormatUnsigned(ReadOnlySpan<byte> bytes) => bytes.Length == 4
        ? BinaryPrimitives.ReadUInt32LittleEndian(bytes).ToString(CultureInfo.InvariantCulture)
        : BinaryPrimitives.ReadUInt64LittleEndian(bytes).ToString(CultureInfo.InvariantCulture);

    private static string FormatInt96(ReadOnlySpan<byte> bytes)
    {
        long nanosOfDay = BinaryPrimitives.ReadInt64LittleEndian(bytes);
        int julianDay = BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]);
        Int128 nanos = ((Int128)(julianDay - JulianDayOfUnixEpoch) * NanosecondsPerDay) + nanosOfDay;
        return nanos.ToString(CultureInfo.InvariantCulture);
    }

    private static string FormatDecimal(ReadOnlySpan<byte> bytes, ColumnDescriptor column)
    {
        int scale = column.LogicalType?.Kind == LogicalTypeKind.Decimal ? column.LogicalType.Scale : column.Element.Scale ?? 0;
        BigInteger unscaled = column.PhysicalType switch
        {
            PhysicalType.Int32 => BinaryPrimitives.ReadInt32LittleEndian(bytes),
            PhysicalType.Int64 => BinaryPrimitives.ReadInt64LittleEndian(bytes),
            _ => new BigInteger(bytes, isUnsigned: false, isBigEndian: true),
        };
        bool negative = unscaled.Sign < 0;
        string digits = BigInteger.Abs(unscaled).ToString(CultureInfo.InvariantCulture);
        if (scale <= 0)
        {
            return (negative ? "-" : string.Empty) + digits + new string('0', Math.Max(0, -scale));
        }

        if (digits.Length <= scale)
        {
            digits = new string('0', scale - digits.Length + 1) + digits;
        }

        return (negative ? "-" : string.Empty) + digits[..^scale] + "." + digits[^scale..];
    }

    private static string FormatUuid(ReadOnlySpan<byte> bytes)
    {
        string hex = Convert.ToHexStringLower(bytes);
        return hex.Length != 32 ? hex : $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }
}
