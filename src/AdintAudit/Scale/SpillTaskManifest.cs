using System.IO.Compression;
using System.Text;
using AdintAudit.Data;
using AdintAudit.Mobility;
using AdintAudit.Quality;

namespace AdintAudit.Scale;

/// <summary>
/// What one spill task wrote: its place among the tasks, the partition count, its <see cref="SpillStatistics"/>, and per
/// partition the rows written and the input file each row group came from (so that a partition's rows can be read back
/// in input order). Stored as <c>stats.task-{t:D4}.bin</c> next to the partition files.
/// </summary>
/// <remarks>
/// Format (version 1): the 8 bytes <c>ADINTSPL</c>, an int32 version, then a Deflate stream of: task index, task count,
/// partitions (int32); rows read, rows dropped (int64); files, columns and timestamp notes (int32 count, then
/// length-prefixed UTF-8 strings); per partition the rows (int64) and the row groups' first input file (int32 count, then
/// int32 each); the day counts, longitude histogram and coordinate buckets (little-endian arrays); and the int32
/// end marker 0x454E4421. Integers are little-endian.
/// </remarks>
internal sealed record SpillTaskManifest(int TaskIndex, int TaskCount, int Partitions, SpillStatistics Statistics,
    long[] PartitionRows, int[][] RowGroupSources)
{
    private const int Version = 1;
    private const int EndMarker = 0x454E4421;
    private static ReadOnlySpan<byte> Magic => "ADINTSPL"u8;

    /// <summary>The file name of task <paramref name="taskIndex"/>'s manifest.</summary>
    public static string FileName(int taskIndex) => FormattableString.Invariant($"stats.task-{taskIndex:D4}.bin");

    /// <summary>Writes the manifest to <paramref name="stream"/>.</summary>
    public void WriteTo(Stream stream)
    {
        stream.Write(Magic);
        stream.Write(BitConverter.GetBytes(Version));
        using var deflate = new DeflateStream(stream, CompressionLevel.Fastest, leaveOpen: true);
        using var writer = new BinaryWriter(deflate, Encoding.UTF8, leaveOpen: true);
        writer.Write(TaskIndex);
        writer.Write(TaskCount);
        writer.Write(Partitions);
        writer.Write(Statistics.RowsRead);
        writer.Write(Statistics.RowsDroppedNull);
        WriteStrings(writer, Statistics.Files);
        WriteStrings(writer, Statistics.Columns);
        WriteStrings(writer, [.. Statistics.TimestampNotes]);
        for (int p = 0; p < Partitions; p++)
        {
            writer.Write(PartitionRows[p]);
            writer.Write(RowGroupSources[p].Length);
            foreach (int source in RowGroupSources[p])
            {
                writer.Write(source);
            }
        }

        Statistics.Days.WriteTo(writer);
        Statistics.Longitudes.WriteTo(writer);
        Statistics.Buckets.WriteTo(writer);
        writer.Write(EndMarker);
    }

    /// <summary>Reads and validates a manifest file.</summary>
    /// <exception cref="InputFormatException">The file is missing, not a manifest, of another version, truncated or corrupt; the message names it.</exception>
    public static SpillTaskManifest Read(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            Span<byte> head = stackalloc byte[12];
            if (stream.ReadAtLeast(head, 12, throwOnEndOfStream: false) < 12 || !head[..8].SequenceEqual(Magic))
            {
                throw new InputFormatException($"{path}: not a spill statistics file");
            }

            int version = BitConverter.ToInt32(head[8..]);
            if (version != Version)
            {
                throw new InputFormatException($"{path}: spill statistics version {version}, but this build reads version {Version}");
            }

            using var deflate = new DeflateStream(stream, CompressionMode.Decompress);
            using var reader = new BinaryReader(deflate, Encoding.UTF8);
            int task = reader.ReadInt32();
            int tasks = reader.ReadInt32();
            int partitions = reader.ReadInt32();
            if (tasks < 1 || task < 0 || task >= tasks || partitions < 1)
            {
                throw new InputFormatException($"{path}: task {task} of {tasks}, {partitions} partitions is not a valid spill");
            }

            long rowsRead = reader.ReadInt64();
            long rowsDropped = reader.ReadInt64();
            string[] files = ReadStrings(reader);
            string[] columns = ReadStrings(reader);
            string[] notes = ReadStrings(reader);
            long[] rows = new long[partitions];
            int[][] sources = new int[partitions][];
            for (int p = 0; p < partitions; p++)
            {
                rows[p] = reader.ReadInt64();
                sources[p] = new int[CheckCount(reader.ReadInt32())];
                for (int g = 0; g < sources[p].Length; g++)
                {
                    sources[p][g] = reader.ReadInt32();
                }
            }

            DayCounts days = DayCounts.ReadFrom(reader);
            LongitudeHistogram longitudes = LongitudeHistogram.ReadFrom(reader);
            CoordinateBucketCounts buckets = CoordinateBucketCounts.ReadFrom(reader);
            if (reader.ReadInt32() != EndMarker)
            {
                throw new InvalidDataException("no end marker");
            }

            var statistics = new SpillStatistics(files, columns, notes, rowsRead, rowsDropped, days, longitudes, buckets);
            return new SpillTaskManifest(task, tasks, partitions, statistics, rows, sources);
        }
        catch (Exception ex) when (ex is EndOfStreamException or InvalidDataException)
        {
            throw new InputFormatException($"{path}: the spill statistics file is truncated or corrupt ({ex.Message})", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputFormatException($"{path}: {ex.Message}", ex);
        }
    }

    private static void WriteStrings(BinaryWriter writer, IReadOnlyList<string> values)
    {
        writer.Write(values.Count);
        foreach (string value in values)
        {
            writer.Write(value);
        }
    }

    private static string[] ReadStrings(BinaryReader reader)
    {
        string[] values = new string[CheckCount(reader.ReadInt32())];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = reader.ReadString();
        }

        return values;
    }

    private static int CheckCount(int count) =>
        count is >= 0 and <= 1 << 28 ? count : throw new InvalidDataException($"a count of {count}");
}
