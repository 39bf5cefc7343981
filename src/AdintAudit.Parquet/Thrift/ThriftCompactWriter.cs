using System.Text;
using AdintAudit.Parquet.Writing;

namespace AdintAudit.Parquet.Thrift;

/// <summary>
/// Writes the Thrift compact protocol into a <see cref="ByteBuffer"/>: field headers with delta-encoded ids,
/// zigzag varints, length-prefixed binaries, list headers, booleans folded into the field header.
/// </summary>
/// <remarks>Fields must be written in increasing id order within a struct (the encoder does so); ids may skip.</remarks>
internal ref struct ThriftCompactWriter
{
    private const int MaxDepth = 64;

    private readonly ByteBuffer _output;
    private short _lastFieldId;
    private int _depth;
    private FieldIdStack _stack;

    public ThriftCompactWriter(ByteBuffer output)
    {
        _output = output;
        _lastFieldId = 0;
        _depth = 0;
        _stack = default;
    }

    public void BeginStruct()
    {
        if (_depth >= MaxDepth)
        {
            throw new InvalidOperationException("Thrift structs nested deeper than 64 levels");
        }

        _stack[_depth++] = _lastFieldId;
        _lastFieldId = 0;
    }

    /// <summary>Writes the stop byte and returns to the enclosing struct.</summary>
    public void EndStruct()
    {
        _output.WriteByte((byte)ThriftCompactType.Stop);
        _lastFieldId = _stack[--_depth];
    }

    public void WriteFieldHeader(short fieldId, ThriftCompactType type)
    {
        int delta = fieldId - _lastFieldId;
        if (delta is > 0 and <= 15)
        {
            _output.WriteByte((byte)((delta << 4) | (int)type));
        }
        else
        {
            _output.WriteByte((byte)type);
            WriteZigZag(fieldId);
        }

        _lastFieldId = fieldId;
    }

    public void WriteBoolField(short fieldId, bool value) =>
        WriteFieldHeader(fieldId, value ? ThriftCompactType.BooleanTrue : ThriftCompactType.BooleanFalse);

    public void WriteI8Field(short fieldId, sbyte value)
    {
        WriteFieldHeader(fieldId, ThriftCompactType.Byte);
        _output.WriteByte((byte)value);
    }

    public void WriteI16Field(short fieldId, short value)
    {
        WriteFieldHeader(fieldId, ThriftCompactType.I16);
        WriteZigZag(value);
    }

    public void WriteI32Field(short fieldId, int value)
    {
        WriteFieldHeader(fieldId, ThriftCompactType.I32);
        WriteZigZag(value);
    }

    public void WriteI64Field(short fieldId, long value)
    {
        WriteFieldHeader(fieldId, ThriftCompactType.I64);
        WriteZigZag(value);
    }

    public void WriteBinaryField(short fieldId, ReadOnlySpan<byte> value)
    {
        WriteFieldHeader(fieldId, ThriftCompactType.Binary);
        WriteBinary(value);
    }

    public void WriteStringField(short fieldId, string value)
    {
        WriteFieldHeader(fieldId, ThriftCompactType.Binary);
        WriteString(value);
    }

    /// <summary>Starts a struct-valued field; end it with <see cref="EndStruct"/>.</summary>
    public void BeginStructField(short fieldId)
    {
        WriteFieldHeader(fieldId, ThriftCompactType.Struct);
        BeginStruct();
    }

    /// <summary>Writes an empty struct-valued field (a member of a union of empty structs).</summary>
    public void WriteEmptyStructField(short fieldId)
    {
        BeginStructField(fieldId);
        EndStruct();
    }

    /// <summary>Starts a list-valued field; write exactly <paramref name="count"/> elements after it.</summary>
    public void BeginListField(short fieldId, ThriftCompactType elementType, int count)
    {
        WriteFieldHeader(fieldId, ThriftCompactType.List);
        if (count < 15)
        {
            _output.WriteByte((byte)((count << 4) | (int)elementType));
        }
        else
        {
            _output.WriteByte((byte)(0xF0 | (int)elementType));
            _output.WriteVarint((ulong)count);
        }
    }

    /// <summary>Writes an i32 list element.</summary>
    public readonly void WriteI32(int value) => WriteZigZag(value);

    public readonly void WriteBinary(ReadOnlySpan<byte> value)
    {
        _output.WriteVarint((ulong)value.Length);
        _output.Write(value);
    }

    public readonly void WriteString(string value)
    {
        int max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (max <= 1024)
        {
            Span<byte> bytes = stackalloc byte[max];
            WriteBinary(bytes[..Encoding.UTF8.GetBytes(value, bytes)]);
        }
        else
        {
            WriteBinary(Encoding.UTF8.GetBytes(value));
        }
    }

    private readonly void WriteZigZag(long value) => _output.WriteVarint((ulong)((value << 1) ^ (value >> 63)));

    [System.Runtime.CompilerServices.InlineArray(MaxDepth)]
    private struct FieldIdStack
    {
        private short _element;
    }
}
