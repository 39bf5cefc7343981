using System.Globalization;
using System.Text;
using AdintAudit.Data;
using AdintAudit.Parquet.Metadata;
using AdintAudit.Parquet.Writing;
using AdintAudit.Scale;

namespace AdintAudit.Tests.Scale;

/// <summary>Input files, spills and table comparisons for the partitioned-spill tests.</summary>
internal static class SpillTestData
{
    /// <summary>One input row; a null id or a NaN latitude is dropped by the loader.</summary>
    public sealed record Row(string? Id, long TimeMs, double Lat, double Lon, float AccuracyM);


    /// <summary>Writes rows as Parquet (optional device id and latitude, so nulls can be written) in row groups of <paramref name="rowGroupRows"/>.</summary>
    public static void WriteParquet(string path, IReadOnlyList<Row> rows, int rowGroupRows)
    {
        var schema = new WriterSchema([
            WriterColumn.String("ad_id"), WriterColumn.Timestamp("ts", TimeUnit.Millis, isRequired: true),
            WriterColumn.Double("lat"), WriterColumn.Double("lng", isRequired: true), WriterColumn.Float("horizontal_accuracy"),
        ]);
        using ParquetFileWriter writer = ParquetFileWriter.Create(path, schema, new ParquetWriterOptions { RowGroupSize = Math.Max(1, rowGroupRows) });
        for (int start = 0; start < rows.Count; start += rowGroupRows)
        {
            Row[] group = [.. rows.Skip(start).Take(rowGroupRows)];
            writer.BeginRowGroup(group.Length);
            writer.WriteStrings(group.Select(r => r.Id).ToArray());
            writer.WriteInt64(group.Select(r => r.TimeMs).ToArray());
            writer.WriteDouble(group.Select(r => r.Lat).ToArray(), group.Select(r => double.IsNaN(r.Lat)).ToArray());
            writer.WriteDouble(group.Select(r => r.Lon).ToArray());
            writer.WriteFloat(group.Select(r => r.AccuracyM).ToArray(), group.Select(r => float.IsNaN(r.AccuracyM)).ToArray());
            writer.EndRowGroup();
        }

        writer.Complete();
    }

    /// <summary>Writes rows as CSV with integer epoch-second timestamps (a null id or NaN latitude as an empty field).</summary>
    public static void WriteCsv(string path, IReadOnlyList<Row> rows)
    {
        var text = new StringBuilder("device_id,timestamp,latitude,longitude,accuracy\n");
        foreach (Row row in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"{row.Id},{row.TimeMs / 1000},{(double.IsNaN(row.Lat) ? "" : row.Lat.ToString("R", CultureInfo.InvariantCulture))},");
            text.Append(CultureInfo.InvariantCulture, $"{row.Lon:R},{(float.IsNaN(row.AccuracyM) ? "" : row.AccuracyM.ToString("R", CultureInfo.InvariantCulture))}\n");
        }

        File.WriteAllText(path, text.ToString());
    }

    /// <summary>Runs every task of a spill of <paramref name="inputs"/> into <paramref name="folder"/> and opens the result.</summary>
    public static PartitionStore SpillAll(IReadOnlyList<string> inputs, int partitions, int tasks, string folder, int rowGroupRows = 1 << 16)
    {
        for (int t = 0; t < tasks; t++)
        {
            PingPartitioner.SpillWithRowGroups(inputs, new PingLoadOptions(), partitions, folder, t, tasks, null, rowGroupRows, CancellationToken.None);
        }

        return PartitionStore.Open(folder);
    }

    /// <summary>Each device's rows (id, then time, lat, lon and accuracy bits), in table order.</summary>
    public static Dictionary<string, List<(long, long, long, int)>> RowsByDevice(PingTable table)
    {
        var result = new Dictionary<string, List<(long, long, long, int)>>(StringComparer.Ordinal);
        for (int d = 0; d < table.DeviceCount; d++)
        {
            var rows = new List<(long, long, long, int)>();
            for (int i = table.DeviceStart[d]; i < table.DeviceStart[d + 1]; i++)
            {
                rows.Add((table.TimeMs[i], BitConverter.DoubleToInt64Bits(table.Lat[i]), BitConverter.DoubleToInt64Bits(table.Lon[i]),
                    BitConverter.SingleToInt32Bits(table.AccuracyM[i])));
            }

            result.Add(table.DeviceIds[d], rows);
        }

        return result;
    }

    /// <summary>
    /// Whether the partitions of <paramref name="store"/> hold exactly the rows of <paramref name="whole"/>: each device in
    /// one partition (the one its hash names), with the same rows in the same order. Returns a description of the first
    /// difference, or null.
    /// </summary>
    public static string? CompareWithWhole(PartitionStore store, PingTable whole)
    {
        Dictionary<string, List<(long, long, long, int)>> expected = RowsByDevice(whole);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int p = 0; p < store.Partitions; p++)
        {
            PingTable part = store.Load(p);
            if (part.Count != store.RowCount(p))
            {
                return $"partition {p}: {part.Count} rows, statistics say {store.RowCount(p)}";
            }

            foreach ((string id, List<(long, long, long, int)> rows) in RowsByDevice(part))
            {
                if (!seen.Add(id))
                {
                    return $"device {id} is in two partitions";
                }

                if (DeviceIdHash.Partition(id, store.Partitions) != p)
                {
                    return $"device {id} is in partition {p}, its hash names another";
                }

                if (!expected.TryGetValue(id, out List<(long, long, long, int)>? want))
                {
                    return $"device {id} is not in the whole table";
                }

                if (!want.SequenceEqual(rows))
                {
                    return $"device {id}: rows differ";
                }
            }
        }

        return seen.Count == whole.DeviceCount ? null : $"{seen.Count} devices in partitions, {whole.DeviceCount} in the whole table";
    }

    /// <summary>The statistics' accumulators and counts as bytes, for exact comparison.</summary>
    public static byte[] Fingerprint(SpillStatistics statistics)
    {
        using var memory = new MemoryStream();
        using (var writer = new BinaryWriter(memory, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(statistics.RowsRead);
            writer.Write(statistics.RowsDroppedNull);
            writer.Write(statistics.TimestampSource);
            writer.Write(string.Join("|", statistics.Files));
            writer.Write(string.Join("|", statistics.Columns));
            statistics.Days.WriteTo(writer);
            statistics.Longitudes.WriteTo(writer);
            statistics.Buckets.WriteTo(writer);
        }

        return memory.ToArray();
    }
}

/// <summary>A temporary folder deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("adint-spill-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
