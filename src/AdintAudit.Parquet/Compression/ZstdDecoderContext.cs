namespace AdintAudit.Parquet.Compression;

/// <summary>
/// The per-thread working memory of <see cref="ZstdDecoder"/>: the literals buffer and the decoding tables, all of
/// fixed size (the format's maxima), pinned once so the hot loops can use pointers. Also the state that carries from
/// one block to the next inside a frame: repeat offsets and the tables that repeat modes reuse.
/// </summary>
internal sealed unsafe class ZstdDecoderContext
{
    /// <summary>The largest block the format allows (128 KiB), and so the largest literals section.</summary>
    public const int MaxBlockSize = 128 * 1024;

    /// <summary>Spare bytes after the literals so copies may read 16 bytes at a time past the last literal.</summary>
    public const int LiteralsSlack = 64;

    [ThreadStatic]
    private static ZstdDecoderContext? s_current;

    private readonly byte[] _literals;
    private readonly ZstdFseEntry[] _sequenceTables;
    private readonly ushort[] _huffmanTable;

    private ZstdDecoderContext()
    {
        _literals = GC.AllocateUninitializedArray<byte>(MaxBlockSize + LiteralsSlack, pinned: true);
        _sequenceTables = GC.AllocateArray<ZstdFseEntry>(3 * ZstdFse.MaxTableSize, pinned: true);
        _huffmanTable = GC.AllocateArray<ushort>(ZstdHuffman.MaxTableSize, pinned: true);
        fixed (byte* literals = _literals)
        {
            Literals = literals;
        }

        fixed (ZstdFseEntry* tables = _sequenceTables)
        {
            LiteralLengthTable = tables;
            OffsetTable = tables + ZstdFse.MaxTableSize;
            MatchLengthTable = tables + (2 * ZstdFse.MaxTableSize);
        }

        fixed (ushort* huffman = _huffmanTable)
        {
            HuffmanTable = huffman;
        }
    }

    /// <summary>Gets the literals buffer (pinned): <see cref="MaxBlockSize"/> plus <see cref="LiteralsSlack"/> bytes.</summary>
    public byte* Literals { get; }

    /// <summary>Gets the literal-length decoding table (pinned, 512 entries).</summary>
    public ZstdFseEntry* LiteralLengthTable { get; }

    /// <summary>Gets the offset decoding table (pinned, 512 entries).</summary>
    public ZstdFseEntry* OffsetTable { get; }

    /// <summary>Gets the match-length decoding table (pinned, 512 entries).</summary>
    public ZstdFseEntry* MatchLengthTable { get; }

    /// <summary>Gets the Huffman lookup table (pinned, 2048 entries).</summary>
    public ushort* HuffmanTable { get; }

    /// <summary>Gets the literals buffer as a span.</summary>
    public Span<byte> LiteralsSpan => _literals;

    /// <summary>Gets the Huffman lookup table as a span.</summary>
    public Span<ushort> HuffmanSpan => _huffmanTable;

    /// <summary>Gets a span over one of the three sequence tables (0 literal lengths, 1 offsets, 2 match lengths).</summary>
    public Span<ZstdFseEntry> SequenceTableSpan(int kind) =>
        _sequenceTables.AsSpan(kind * ZstdFse.MaxTableSize, ZstdFse.MaxTableSize);

    /// <summary>Gets or sets the accuracy log of each sequence table, or -1 while the frame has none yet.</summary>
    public int[] TableLogs { get; } = new int[3];

    /// <summary>Gets or sets the code length that indexes <see cref="HuffmanTable"/>, or 0 while the frame has none.</summary>
    public int HuffmanMaxBits { get; set; }

    /// <summary>Gets or sets the capacity of the caller's destination, for error messages.</summary>
    public int DestinationCapacity { get; set; }

    /// <summary>Gets the decoder of the calling thread.</summary>
    public static ZstdDecoderContext Current => s_current ??= new ZstdDecoderContext();

    /// <summary>The three repeat offsets, most recent first.</summary>
    public uint Repeat1;

    /// <summary>The second repeat offset.</summary>
    public uint Repeat2;

    /// <summary>The third repeat offset.</summary>
    public uint Repeat3;

    /// <summary>Forgets everything a previous frame left: tables for repeat modes and the repeat offsets.</summary>
    public void ResetForFrame()
    {
        TableLogs[0] = -1;
        TableLogs[1] = -1;
        TableLogs[2] = -1;
        HuffmanMaxBits = 0;
        Repeat1 = 1;
        Repeat2 = 4;
        Repeat3 = 8;
    }
}
