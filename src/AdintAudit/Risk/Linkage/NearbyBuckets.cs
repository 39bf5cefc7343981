using System.Runtime.CompilerServices;

namespace AdintAudit.Risk.Linkage;

/// <summary>
/// Enumerates the occupied buckets of a <see cref="CellBuckets"/> grid whose cells may hold a point within the radius of
/// a <see cref="CellNeighbourhood"/> around a point (allocation-free; use with <c>foreach</c>).
/// </summary>
internal ref struct NearbyBuckets
{
    private readonly CellBuckets _grid;
    private readonly int _rangeCount;
    private Ranges _ranges;
    private int _range;
    private long _cell;

    public NearbyBuckets(CellBuckets grid, in CellNeighbourhood hood, double lat, double lon)
    {
        _grid = grid;
        _rangeCount = hood.Ranges(lat, lon, _ranges);
        _cell = _rangeCount > 0 ? _ranges[0].First : 0;
    }

    /// <summary>The current bucket.</summary>
    public int Current { get; private set; }

    public readonly NearbyBuckets GetEnumerator() => this;

    /// <summary>Advances to the next occupied bucket.</summary>
    public bool MoveNext()
    {
        while (_range < _rangeCount)
        {
            if (_cell > _ranges[_range].Last)
            {
                if (++_range < _rangeCount)
                {
                    _cell = _ranges[_range].First;
                }

                continue;
            }

            int bucket = _grid.Find(_cell++);
            if (bucket >= 0)
            {
                Current = bucket;
                return true;
            }
        }

        return false;
    }

    [InlineArray(6)]
    private struct Ranges
    {
        private (long First, long Last) _element;
    }
}
