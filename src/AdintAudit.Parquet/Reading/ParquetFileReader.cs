using System.Buffers.Binary;
using AdintAudit.Parquet.Columns;
using AdintAudit.Parquet.Metadata;
using AdintAudit.Parquet.Schema;
using AdintAudit.Parquet.Thrift;

namespace AdintAudit.Parquet.Reading;

/// <summary>
/// Reads a Parquet file: the footer on open, then column chunks on request, one row group at a time.
/// Only the requested columns are read and decompressed.
/// </summary>
/// <remarks>Safe to read different row groups from several threads at once.</remarks>
public sealed class ParquetFileReader : IDisposable
{
    private const int MagicLength = 4;
    private static ReadOnlySpan<byte> Magic => "PAR1"u8;
    private static ReadOnlySpan<byte> EncryptedMagic => "PARE"u8;

    private readonly ParquetSource _source;

    private ParquetFileReader(ParquetSource source)
    {
        _source = source;
        try
        {
            Metadata = ReadFooter(source);
            Schema = ParquetSchema.Build(Metadata.Schema);
            ValidateRowGroups();
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    /// <summary>The decoded footer.</summary>
    public FileMetaData Metadata { get; }

    /// <summary>The schema tree and leaf columns.</summary>
    public ParquetSchema Schema { get; }

    /// <summary>Number of row groups.</summary>
    public int RowGroupCount => Metadata.RowGroups.Count;

    /// <summary>Total rows in the file.</summary>
    public long RowCount => Metadata.NumRows;

    /// <summary>Opens a file and reads its footer.</summary>
    /// <param name="path">Path of the Parquet file.</param>
    /// <exception cref="ParquetFormatException">The file is not valid Parquet.</exception>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    public static ParquetFileReader Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var handle = System.IO.File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
        return new ParquetFileReader(new ParquetSource.File(handle));
    }

    /// <summary>Reads Parquet bytes held in memory.</summary>
    /// <param name="bytes">The whole file.</param>
    /// <exception cref="ParquetFormatException">The bytes are not valid Parquet.</exception>
    public static ParquetFileReader Open(ReadOnlyMemory<byte> bytes) => new(new ParquetSource.Memory(bytes));

    /// <summary>Rows in row group <paramref name="rowGroup"/>.</summary>
    public long GetRowCount(int rowGroup) => Metadata.RowGroups[rowGroup].NumRows;

    /// <summary>Decodes one column chunk.</summary>
    /// <param name="rowGroup">0-based row group index.</param>
    /// <param name="column">A leaf column of <see cref="Schema"/>.</param>
    /// <exception cref="ParquetFormatException">The chunk is corrupt or uses an unsupported feature.</exception>
    public ColumnData ReadColumn(int rowGroup, ColumnDescriptor column)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)rowGroup, (uint)RowGroupCount, nameof(rowGroup));
        if (column.Index >= Schema.Columns.Count || !ReferenceEquals(Schema.Columns[column.Index], column))
        {
            throw new ArgumentException("column does not belong to this file's schema", nameof(column));
        }

        RowGroup group = Metadata.RowGroups[rowGroup];
        return ColumnChunkReader.Read(_source, group.Columns[column.Index], column, group.NumRows);
    }

    /// <summary>Decodes the given columns (all leaf columns when null) of one row group.</summary>
    public IReadOnlyList<ColumnData> ReadRowGroup(int rowGroup, IReadOnlyList<ColumnDescriptor>? columns = null)
    {
        columns ??= Schema.Columns;
        var result = new ColumnData[columns.Count];
        for (int i = 0; i < columns.Count; i++)
        {
            result[i] = ReadColumn(rowGroup, columns[i]);
        }

        return result;
    }

    /// <inheritdoc />
    public void Dispose() => _source.Dispose();

    private static FileMetaData ReadFooter(ParquetSource source)
    {
        long length = source.Length;
        if (length < (2 * MagicLength) + 4)
        {
            throw new ParquetFormatException($"file is {length} bytes, too short to be Parquet");
        }

        Span<byte> head = stackalloc byte[MagicLength];
        source.Read(head, 0);
        Span<byte> tail = stackalloc byte[8];
        source.Read(tail, length - 8);
        if (tail[4..].SequenceEqual(EncryptedMagic))
        {
            throw new ParquetFormatException("encrypted Parquet files (Parquet Modular Encryption) are not supported");
        }

        if (!head.SequenceEqual(Magic) || !tail[4..].SequenceEqual(Magic))
        {
            throw new ParquetFormatException("not a Parquet file (missing PAR1 magic)");
        }

        uint footerLength = BinaryPrimitives.ReadUInt32LittleEndian(tail);
        if (footerLength > length - (2 * MagicLength) - 4)
        {
            throw new ParquetFormatException($"footer length {footerLength} is past the start of the file ({length} bytes)");
        }

        byte[] footer = new byte[footerLength];
        source.Read(footer, length - 8 - footerLength);
        FileMetaData metadata = MetadataDecoder.ReadFileMetaData(footer);
        if (metadata.HasEncryptionAlgorithm)
        {
            throw new ParquetFormatException("encrypted Parquet files (Parquet Modular Encryption) are not supported");
        }

        return metadata;
    }

    private void ValidateRowGroups()
    {
        long rows = 0;
        for (int g = 0; g < Metadata.RowGroups.Count; g++)
        {
            RowGroup group = Metadata.RowGroups[g];
            if (group.Columns.Count != Schema.Columns.Count)
            {
                throw new ParquetFormatException(
                    $"row group {g} has {group.Columns.Count} column chunks, but the schema has {Schema.Columns.Count} columns");
            }

            rows += group.NumRows;
        }

        if (rows != Metadata.NumRows)
        {
            throw new ParquetFormatException($"row groups hold {rows} rows, but the footer declares {Metadata.NumRows}");
        }
    }
}
