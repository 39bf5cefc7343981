using Microsoft.Win32.SafeHandles;

namespace AdintAudit.Parquet.Reading;

/// <summary>Random access to the bytes of a Parquet file, from disk or memory.</summary>
internal abstract class ParquetSource : IDisposable
{
    public abstract long Length { get; }

    /// <summary>Fills <paramref name="destination"/> from <paramref name="offset"/>; the range must lie inside the file.</summary>
    public abstract void Read(Span<byte> destination, long offset);

    public abstract void Dispose();

    internal sealed class File(SafeFileHandle handle) : ParquetSource
    {
        private readonly long _length = RandomAccess.GetLength(handle);

        public override long Length => _length;

        public override void Read(Span<byte> destination, long offset)
        {
            int total = 0;
            while (total < destination.Length)
            {
                int read = RandomAccess.Read(handle, destination[total..], offset + total);
                if (read == 0)
                {
                    throw new ParquetFormatException("file ended while reading (was it truncated while being read?)");
                }

                total += read;
            }
        }

        public override void Dispose() => handle.Dispose();
    }

    internal sealed class Memory(ReadOnlyMemory<byte> bytes) : ParquetSource
    {
        public override long Length => bytes.Length;

        public override void Read(Span<byte> destination, long offset) =>
            bytes.Span.Slice(checked((int)offset), destination.Length).CopyTo(destination);

        public override void Dispose()
        {
        }
    }
}
