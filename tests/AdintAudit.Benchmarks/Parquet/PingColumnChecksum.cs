using System.Globalization;
using AdintAudit.Parquet.Columns;
using AdintAudit.Parquet.Metadata;

namespace AdintAudit.Benchmarks.Parquet;

/// <summary>
/// What <c>read-columns</c> computes from the decoded ping columns of one or more row groups, so that every value is
/// touched (as DuckDB's <c>sum(...)</c> floor does): rows, bytes of the device ids (one dictionary lookup per row),
/// and the sums of timestamp, latitude, longitude and accuracy. Integers are summed exactly; floating-point sums are
/// combined in row-group order, so a result does not depend on the thread count.
/// </summary>
internal readonly record struct PingColumnChecksum(
    long Rows,
    long DeviceIdBytes,
    Int128 TimestampSum,
    double LatitudeSum,
    double LongitudeSum,
    long AccuracyValues,
    double AccuracySum)
{
    /// <summary>The checksum of one row group's decoded columns (<paramref name="accuracy"/> null when the file has none).</summary>
    public static PingColumnChecksum Of(
        ColumnData device, ColumnData timestamp, ColumnData latitude, ColumnData longitude, ColumnData? accuracy) =>
        new(device.LevelCount,
            ByteCount(device),
            IntegerSum(timestamp),
            RealSum(latitude),
            RealSum(longitude),
            accuracy?.ValueCount ?? 0,
            accuracy is null ? 0 : RealSum(accuracy));

    /// <summary>Adds <paramref name="other"/> (the next row groups) to this one.</summary>
    public PingColumnChecksum Add(PingColumnChecksum other) =>
        new(Rows + other.Rows, DeviceIdBytes + other.DeviceIdBytes, TimestampSum + other.TimestampSum, LatitudeSum + other.LatitudeSum,
            LongitudeSum + other.LongitudeSum, AccuracyValues + other.AccuracyValues, AccuracySum + other.AccuracySum);

    /// <summary>The checksum as JSON members (no braces), numbers in invariant culture.</summary>
    public string ToJsonMembers() => string.Create(CultureInfo.InvariantCulture,
        $"\"rows\":{Rows},\"device_id_bytes\":{DeviceIdBytes},\"timestamp_sum\":\"{TimestampSum}\",\"lat_sum\":{LatitudeSum:R},"
        + $"\"lon_sum\":{LongitudeSum:R},\"accuracy_values\":{AccuracyValues},\"accuracy_sum\":{AccuracySum:R}");

    private static long ByteCount(ColumnData column)
    {
        if (column.Dictionary is { } dictionary)
        {
            ReadOnlySpan<int> offsets = dictionary.Offsets;
            long bytes = 0;
            foreach (int index in column.DictionaryIndices)
            {
                bytes += offsets[index + 1] - offsets[index];
            }

            return bytes;
        }

        return column.ByteArrays is { } plain
            ? plain.Data.Length
            : throw new InvalidOperationException($"{column.Column} is not a string column");
    }

    private static Int128 IntegerSum(ColumnData column)
    {
        Int128 sum = 0;
        switch (column.Column.PhysicalType)
        {
            case PhysicalType.Int64:
                foreach (long value in column.GetValues<long>())
                {
                    sum += value;
                }

                return sum;
            case PhysicalType.Int32:
                long small = 0;
                foreach (int value in column.GetValues<int>())
                {
                    small += value;
                }

                return small;
            default:
                throw new InvalidOperationException($"{column.Column} is {column.Column.PhysicalType}, not an INT64 or INT32 timestamp");
        }
    }

    private static double RealSum(ColumnData column) => column.Column.PhysicalType switch
    {
        PhysicalType.Double => Sum(column.GetValues<double>()),
        PhysicalType.Float => Sum(column.GetValues<float>()),
        _ => throw new InvalidOperationException($"{column.Column} is {column.Column.PhysicalType}, not DOUBLE or FLOAT"),
    };

    // Four accumulators so that the sum is not bound by the latency of one chain of additions.
    private static double Sum<T>(ReadOnlySpan<T> values)
        where T : struct
    {
        double a = 0, b = 0, c = 0, d = 0;
        int i = 0;
        for (; i + 4 <= values.Length; i += 4)
        {
            a += ToDouble(values[i]);
            b += ToDouble(values[i + 1]);
            c += ToDouble(values[i + 2]);
            d += ToDouble(values[i + 3]);
        }

        for (; i < values.Length; i++)
        {
            a += ToDouble(values[i]);
        }

        return (a + b) + (c + d);
    }

    private static double ToDouble<T>(T value)
        where T : struct => typeof(T) == typeof(double) ? (double)(object)value : (float)(object)value;
}
