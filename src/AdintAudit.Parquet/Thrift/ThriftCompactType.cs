namespace AdintAudit.Parquet.Thrift;

/// <summary>Type nibbles of the Thrift compact protocol.</summary>
internal enum ThriftCompactType : byte
{
    Stop = 0,
    BooleanTrue = 1,
    BooleanFalse = 2,
    Byte = 3,
    I16 = 4,
    I32 = 5,
    I64 = 6,
    Double = 7,
    Binary = 8,
    List = 9,
    Set = 10,
    Map = 11,
    Struct = 12,
}
