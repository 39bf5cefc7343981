using System.Runtime.InteropServices;
using System.Text;

namespace AdintAudit.Data;

/// <summary>
/// A <see cref="PingTable"/> saved as its raw columns, already interned and sorted, so that a partition loaded once
/// (decoded, interned, sorted) is read back by later sweeps at disk speed.
/// </summary>
/// <remarks>
/// Layout (little-endian): magic <c>ADPT</c>, format version, device count, row count, flags; the device ids
/// (UTF-8, each preceded by its byte length); then DeviceStart (int32 × devices + 1), time (int64), lat, lon (float64)
/// and accuracy (float32) × rows. A scratch format of one run on one machine, not an exchange format.
/// </remarks>
public static class PingTableFile
{
    private const uint Magic = 0x54504441; // "ADPT"
    private const int Version = 1;

    /// <summary>Writes <paramref name="table"/> to <paramref name="path"/> (under a temporary name, renamed when complete).</summary>
    /// <param name="table">The table.</param>
    /// <param name="path">Destination; replaced if it exists.</param>
    public static void Write(PingTable table, string path)
    {
        ArgumentNullException.ThrowIfNull(table);
        string temporary = path + ".tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
            {
                using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
                {
                    writer.Write(Magic);
                    writer.Write(Version);
                    writer.Write(table.DeviceCount);
                    writer.Write(table.Count);
                    writer.Write(table.AccuracyArray.Length == table.Count ? 1 : 0);
                    foreach (string id in table.DeviceIdArray)
                    {
                        writer.Write(id);
                    }
                }

                stream.Write(MemoryMarshal.AsBytes(table.DeviceStartArray.AsSpan()));
                stream.Write(MemoryMarshal.AsBytes(table.TimeArray.AsSpan()));
                stream.Write(MemoryMarshal.AsBytes(table.LatArray.AsSpan()));
                stream.Write(MemoryMarshal.AsBytes(table.LonArray.AsSpan()));
                if (table.AccuracyArray.Length == table.Count)
                {
                    stream.Write(MemoryMarshal.AsBytes(table.AccuracyArray.AsSpan()));
                }
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Reads a table written by <see cref="Write"/>.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="InputFormatException">The file is not such a table, or is truncated (the message names it).</exception>
    public static PingTable Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        try
        {
            using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            if (reader.ReadUInt32() != Magic || reader.ReadInt32() != Version)
            {
                throw new InputFormatException($"{path}: not a partition table of this version");
            }

            int devices = reader.ReadInt32();
            int rows = reader.ReadInt32();
            bool accuracy = reader.ReadInt32() == 1;
            long remaining = stream.Length - stream.Position;
            if (devices < 0 || rows < 0 || remaining < (4L * (devices + 1)) + (rows * (accuracy ? 28L : 24L)))
            {
                throw new InputFormatException($"{path}: truncated partition table");
            }

            string[] ids = new string[devices];
            for (int d = 0; d < devices; d++)
            {
                ids[d] = reader.ReadString();
            }

            int[] start = ReadArray<int>(stream, devices + 1, path);
            long[] time = ReadArray<long>(stream, rows, path);
            double[] lat = ReadArray<double>(stream, rows, path);
            double[] lon = ReadArray<double>(stream, rows, path);
            float[] acc = accuracy ? ReadArray<float>(stream, rows, path) : [];
            if (start[0] != 0 || start[devices] != rows)
            {
                throw new InputFormatException($"{path}: corrupt partition table (device slices)");
            }

            int[] device = new int[rows];
            for (int d = 0; d < devices; d++)
            {
                if (start[d] < 0 || start[d] > start[d + 1] || start[d + 1] > rows)
                {
                    throw new InputFormatException($"{path}: corrupt partition table (device slices)");
                }

                device.AsSpan(start[d], start[d + 1] - start[d]).Fill(d);
            }

            return new PingTable(ids, start, device, time, lat, lon, acc);
        }
        catch (EndOfStreamException ex)
        {
            throw new InputFormatException($"{path}: truncated partition table", ex);
        }
    }

    private static T[] ReadArray<T>(Stream stream, int count, string path)
        where T : struct
    {
        var values = new T[count];
        Span<byte> bytes = MemoryMarshal.AsBytes(values.AsSpan());
        if (stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false) != bytes.Length)
        {
            throw new InputFormatException($"{path}: truncated partition table");
        }

        return values;
    }
}
