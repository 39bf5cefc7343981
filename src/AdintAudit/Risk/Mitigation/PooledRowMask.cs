using System.Buffers;

namespace AdintAudit.Risk.Mitigation;

/// <summary>One keep-flag per row in a pooled buffer, returned to the pool on dispose (use with <c>using</c>).</summary>
internal readonly struct PooledRowMask : IDisposable
{
    private readonly bool[] _rented;
    private readonly int _length;

    public PooledRowMask(int length)
    {
        _rented = ArrayPool<bool>.Shared.Rent(length);
        _length = length;
    }

    /// <summary>The flags; not cleared, so every row must be written before use.</summary>
    public Span<bool> Flags => _rented.AsSpan(0, _length);

    public void Dispose() => ArrayPool<bool>.Shared.Return(_rented);
}
