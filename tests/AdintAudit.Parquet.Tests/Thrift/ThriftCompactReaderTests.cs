using AdintAudit.Parquet.Metadata;
using AdintAudit.Parquet.Thrift;

namespace AdintAudit.Parquet.Tests.Thrift;

public sealed class ThriftCompactReaderTests
{
    [Fact]
    public void NextField_reads_short_and_long_form_field_headers()
    {
        // field 1 i32 (delta form) = -3 (zigzag 5); field 300 i64 (long form: type byte, zigzag i16 id 600) = 1; stop
        byte[] data = [0x15, 0x05, 0x06, 0xD8, 0x04, 0x02, 0x00];
        var reader = new ThriftCompactReader(data, "test");

        reader.BeginStruct();
        Assert.True(reader.NextField(out ThriftCompactType firstType, out short firstId));
        int first = reader.ReadI32();
        Assert.True(reader.NextField(out ThriftCompactType secondType, out short secondId));
        long second = reader.ReadI64();
        bool more = reader.NextField(out _, out _);
        reader.EndStruct();

        Assert.Equal((ThriftCompactType.I32, (short)1, -3), (firstType, firstId, first));
        Assert.Equal((ThriftCompactType.I64, (short)300, 1L), (secondType, secondId, second));
        Assert.False(more);
        Assert.Equal(data.Length, reader.Position);
    }

    [Fact]
    public void ReadBool_takes_the_value_from_the_field_header()
    {
        byte[] data = [0x11, 0x12, 0x00]; // field 1 true, field 2 false, stop
        var reader = new ThriftCompactReader(data, "test");

        reader.BeginStruct();
        reader.NextField(out _, out _);
        bool first = reader.ReadBool();
        reader.NextField(out _, out _);
        bool second = reader.ReadBool();

        Assert.True(first);
        Assert.False(second);
    }

    [Fact]
    public void ReadListHeader_count_beyond_the_remaining_bytes_throws()
    {
        byte[] data = [0xF5, 0xFF, 0xFF, 0xFF, 0x0F]; // list of i32 with a declared size of 4 billion elements

        var reader = new ThriftCompactReader(data, "footer");

        try
        {
            reader.ReadListHeader(out _);
            Assert.Fail("expected a format exception");
        }
        catch (ParquetFormatException ex)
        {
            Assert.Contains("past the end of the footer", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Skip_deeply_nested_structs_stops_at_the_depth_limit()
    {
        byte[] data = [.. Enumerable.Repeat((byte)0x1C, 200), 0x00]; // field 1 struct, nested 200 times

        var reader = new ThriftCompactReader(data, "footer");

        try
        {
            reader.BeginStruct();
            reader.NextField(out ThriftCompactType type, out _);
            reader.Skip(type);
            Assert.Fail("expected a format exception");
        }
        catch (ParquetFormatException ex)
        {
            Assert.Contains("nesting deeper", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ReadFileMetaData_rejects_an_invalid_physical_type()
    {
        // FileMetaData { 1: version=1, 2: schema=[ SchemaElement { 1: type=9, 4: name="x" } ], 3: num_rows=0 }
        byte[] data = [0x15, 0x02, 0x19, 0x1C, 0x15, 0x12, 0x38, 0x01, (byte)'x', 0x00, 0x16, 0x00, 0x00];

        var error = Assert.Throws<ParquetFormatException>(() => MetadataDecoder.ReadFileMetaData(data));

        Assert.Contains("invalid physical type 9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFileMetaData_reads_a_minimal_footer_and_skips_unknown_fields()
    {
        // version=2, schema=[root "s" with 0 children], num_rows=0, field 20 (unknown binary "zz") skipped
        byte[] data = [0x15, 0x04, 0x19, 0x1C, 0x48, 0x01, (byte)'s', 0x15, 0x00, 0x00, 0x16, 0x00, 0x08, 0x22, 0x02, (byte)'z', (byte)'z', 0x00];

        FileMetaData metadata = MetadataDecoder.ReadFileMetaData(data);

        Assert.Equal(2, metadata.Version);
        Assert.Equal("s", Assert.Single(metadata.Schema).Name);
        Assert.Equal(0, metadata.NumRows);
    }
}
