using System.Buffers.Binary;
using System.Text;

namespace AdintAudit.Parquet.Thrift;

/// <summary>
/// Reads the Thrift compact protocol from a span. Every length and count is checked against the bytes that
/// remain, so a corrupt header can neither read out of range nor make a caller allocate more than the input holds.
/// </summary>
internal ref struct ThriftCompactReader
{
    private const int MaxDepth = 64;

    private readonly ReadOnlySpan<byte> _data;
    private readonly string _what;
    private int _position;
    private int _depth;
    private short _lastFieldId;
    private ShortStack _fieldIdStack;
    private bool? _pendingBool;

    public ThriftCompactReader(ReadOnlySpan<byte> data, string what)
    {
        _data = data;
        _what = what;
        _position = 0;
        _depth = 0;
        _lastFieldId = 0;
        _fieldIdStack = default;
        _pendingBool = null;
    }

    /// <summary>Bytes consumed so far.</summary>
    public readonly int Position => _position;

    public readonly int Remaining => _data.Length - _position;

    public void BeginStruct()
    {
        if (++_depth > MaxDepth)
        {
            throw Corrupt("nesting deeper than 64 levels");
        }

        _fieldIdStack.Push(_lastFieldId);
        _lastFieldId = 0;
    }

    public void EndStruct()
    {
        _depth--;
        _lastFieldId = _fieldIdStack.Pop();
    }

    /// <summary>Reads the next field header; returns false at the struct's stop byte.</summary>
    public bool NextField(out ThriftCompactType type, out short fieldId)
    {
        byte header = ReadByte();
        type = (ThriftCompactType)(header & 0x0F);
        if (type == ThriftCompactType.Stop)
        {
            fieldId = 0;
            return false;
        }

        int delta = header >> 4;
        if (delta != 0)
        {
            fieldId = (short)(_lastFieldId + delta);
        }
        else
        {
            long id = ReadZigZag();
            if (id is < short.MinValue or > short.MaxValue)
            {
                throw Corrupt("field id out of range");
            }

            fieldId = (short)id;
        }

        if (type > ThriftCompactType.Struct)
        {
            throw Corrupt($"unknown field type {(int)type}");
        }

        _pendingBool = type switch
        {
            ThriftCompactType.BooleanTrue => true,
            ThriftCompactType.BooleanFalse => false,
            _ => null,
        };
        _lastFieldId = fieldId;
        return true;
    }

    public bool ReadBool()
    {
        if (_pendingBool is bool value)
        {
            _pendingBool = null;
            return value;
        }

        // Inside lists a bool is a whole byte.
        return ReadByte() == 1;
    }

    public sbyte ReadI8() => (sbyte)ReadByte();

    public short ReadI16() => (short)ReadI32();

    public int ReadI32()
    {
        long value = ReadZigZag();
        if (value is < int.MinValue or > int.MaxValue)
        {
            throw Corrupt("i32 value out of range");
        }

        return (int)value;
    }

    public long ReadI64() => ReadZigZag();

    public double ReadDouble()
    {
        ReadOnlySpan<byte> bytes = Take(8);
        return BinaryPrimitives.ReadDoubleLittleEndian(bytes);
    }

    public ReadOnlySpan<byte> ReadBinary()
    {
        ulong length = ReadVarint();
        if (length > (ulong)Remaining)
        {
            throw Corrupt($"binary length {length} past the end of the {_what}");
        }

        return Take((int)length);
    }

    public string ReadString()
    {
        ReadOnlySpan<byte> bytes = ReadBinary();
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Reads a list or set header. The count is checked against the bytes left (each element needs at least one byte).</summary>
    public int ReadListHeader(out ThriftCompactType elementType)
    {
        byte header = ReadByte();
        elementType = (ThriftCompactType)(header & 0x0F);
        ulong count = (ulong)(header >> 4);
        if (count == 15)
        {
            count = ReadVarint();
        }

        int minElementBytes = elementType switch
        {
            ThriftCompactType.Double => 8,
            _ => 1,
        };
        if (count > (ulong)(Remaining / minElementBytes))
        {
            throw Corrupt($"list of {count} elements past the end of the {_what}");
        }

        return (int)count;
    }

    public void Skip(ThriftCompactType type)
    {
        if (++_depth > MaxDepth)
        {
            throw Corrupt("nesting deeper than 64 levels");
        }

        switch (type)
        {
            case ThriftCompactType.BooleanTrue:
            case ThriftCompactType.BooleanFalse:
                ReadBool();
                break;
            case ThriftCompactType.Byte:
                ReadByte();
                break;
            case ThriftCompactType.I16:
            case ThriftCompactType.I32:
            case ThriftCompactType.I64:
                ReadVarint();
                break;
            case ThriftCompactType.Double:
                Take(8);
                break;
            case ThriftCompactType.Binary:
                ReadBinary();
                break;
            case ThriftCompactType.List:
            case ThriftCompactType.Set:
                {
                    int count = ReadListHeader(out ThriftCompactType elementType);
                    for (int i = 0; i < count; i++)
                    {
                        SkipElement(elementType);
                    }

                    break;
                }

            case ThriftCompactType.Map:
                {
                    ulong count = ReadVarint();
                    if (count > (ulong)Remaining)
                    {
                        throw Corrupt($"map of {count} entries past the end of the {_what}");
                    }

                    if (count > 0)
                    {
                        byte types = ReadByte();
                        var keyType = (ThriftCompactType)(types >> 4);
                        var valueType = (ThriftCompactType)(types & 0x0F);
                        for (ulong i = 0; i < count; i++)
                        {
                            SkipElement(keyType);
                            SkipElement(valueType);
                        }
                    }

                    break;
                }

            case ThriftCompactType.Struct:
                BeginStruct();
                while (NextField(out ThriftCompactType fieldType, out _))
                {
                    Skip(fieldType);
                }

                EndStruct();
                break;
            default:
                throw Corrupt($"cannot skip field of type {(int)type}");
        }

        _depth--;
    }

    public readonly ParquetFormatException Corrupt(string detail) =>
        new($"corrupt {_what}: {detail} (at byte {_position})");

    private void SkipElement(ThriftCompactType elementType)
    {
        if (elementType is ThriftCompactType.BooleanTrue or ThriftCompactType.BooleanFalse)
        {
            ReadByte();
        }
        else
        {
            Skip(elementType);
        }
    }

    private byte ReadByte()
    {
        if (_position >= _data.Length)
        {
            throw Corrupt($"unexpected end of the {_what}");
        }

        return _data[_position++];
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > Remaining)
        {
            throw Corrupt($"unexpected end of the {_what}");
        }

        ReadOnlySpan<byte> slice = _data.Slice(_position, count);
        _position += count;
        return slice;
    }

    private ulong ReadVarint()
    {
        ulong result = 0;
        for (int shift = 0; shift < 70; shift += 7)
        {
            byte b = ReadByte();
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        throw Corrupt("varint longer than 10 bytes");
    }

    private long ReadZigZag()
    {
        ulong raw = ReadVarint();
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }

    /// <summary>A fixed-capacity stack of field ids, kept inline so the reader stays allocation-free.</summary>
    private struct ShortStack
    {
        private ShortBuffer _items;
        private int _count;

        public void Push(short value)
        {
            // Depth is capped at MaxDepth before any push, so the buffer never overflows.
            _items[_count++] = value;
        }

        public short Pop() => _count == 0 ? (short)0 : _items[--_count];
    }

    [System.Runtime.CompilerServices.InlineArray(MaxDepth + 2)]
    private struct ShortBuffer
    {
        private short _element;
    }
}
