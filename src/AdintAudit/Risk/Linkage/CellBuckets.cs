using System.Runtime.InteropServices;
using AdintAudit.Geo;

namespace AdintAudit.Risk.Linkage;

/// <summary>
/// Item lists keyed by grid cell: one growable <see cref="int"/> array per occupied cell, looked up through a hash
/// table. The caller may shrink a list in place (drop expired items) through <see cref="Items"/> and <see cref="Truncate"/>.
/// </summary>
internal sealed class CellBuckets
{
    private readonly Dictionary<long, int> _bucketOfCell = new(PackedKeyComparer.Instance);
    private readonly List<int[]> _items = [];
    private readonly List<int> _counts = [];

    /// <summary>Returns the bucket of a cell, or -1 when the cell never received an item.</summary>
    public int Find(long cell) => _bucketOfCell.TryGetValue(cell, out int bucket) ? bucket : -1;

    /// <summary>The items of a bucket, in insertion order (writable, for in-place compaction).</summary>
    public Span<int> Items(int bucket) => _items[bucket].AsSpan(0, _counts[bucket]);

    /// <summary>Keeps the first <paramref name="count"/> items of a bucket.</summary>
    public void Truncate(int bucket, int count) => _counts[bucket] = count;

    /// <summary>Appends an item to a cell's bucket, creating the bucket on first use.</summary>
    /// <returns>The bucket: buckets are numbered 0, 1, … in order of creation.</returns>
    public int Add(long cell, int item)
    {
        ref int bucket = ref CollectionsMarshal.GetValueRefOrAddDefault(_bucketOfCell, cell, out bool exists);
        if (!exists)
        {
            bucket = _items.Count;
            _items.Add(new int[4]);
            _counts.Add(0);
        }

        int[] items = _items[bucket];
        int count = _counts[bucket];
        if (count == items.Length)
        {
            Array.Resize(ref items, count * 2);
            _items[bucket] = items;
        }

        items[count] = item;
        _counts[bucket] = count + 1;
        return bucket;
    }
}
