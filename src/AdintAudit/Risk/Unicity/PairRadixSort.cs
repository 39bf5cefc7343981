using System.Diagnostics;
using System.Numerics;

namespace AdintAudit.Risk.Unicity;

/// <summary>Stable least-significant-digit radix sort of non-negative <see cref="long"/> keys carrying an <see cref="int"/> each.</summary>
/// <remarks>
/// 11-bit digits over only the bits the largest key uses; all digit histograms are counted in one read pass and digits
/// on which every key agrees are skipped. O(n · bits / 11) with sequential reads, about ten times faster than
/// <see cref="Array.Sort{TKey, TValue}(TKey[], TValue[])"/> on millions of pairs. Stability matters to the caller:
/// pairs with equal keys keep their input order.
/// </remarks>
internal static class PairRadixSort
{
    private const int DigitBits = 11;
    private const int Buckets = 1 << DigitBits;

    /// <summary>Sorts <paramref name="keys"/> ascending, moving <paramref name="items"/> with them; equal keys keep their order.</summary>
    /// <param name="keys">Non-negative keys.</param>
    /// <param name="items">One item per key.</param>
    /// <returns>The sorted keys and items: the input arrays, or two new arrays of the same length.</returns>
    public static (long[] Keys, int[] Items) Sort(long[] keys, int[] items)
    {
        Debug.Assert(keys.Length == items.Length);
        long max = 0;
        foreach (long key in keys)
        {
            Debug.Assert(key >= 0);
            max |= key;
        }

        int digits = (64 - BitOperations.LeadingZeroCount((ulong)max) + DigitBits - 1) / DigitBits;
        if (digits == 0 || keys.Length < 2)
        {
            return (keys, items);
        }

        int[] counts = new int[digits * Buckets];
        foreach (long key in keys)
        {
            for (int d = 0; d < digits; d++)
            {
                counts[(d * Buckets) + (int)((key >> (d * DigitBits)) & (Buckets - 1))]++;
            }
        }

        long[] keysOut = new long[keys.Length];
        int[] itemsOut = new int[items.Length];
        for (int d = 0; d < digits; d++)
        {
            Span<int> offsets = counts.AsSpan(d * Buckets, Buckets);
            int total = 0;
            bool trivial = false;
            for (int b = 0; b < Buckets; b++)
            {
                int count = offsets[b];
                trivial |= count == keys.Length;
                offsets[b] = total;
                total += count;
            }

            if (trivial)
            {
                continue;
            }

            int shift = d * DigitBits;
            for (int i = 0; i < keys.Length; i++)
            {
                long key = keys[i];
                int slot = offsets[(int)((key >> shift) & (Buckets - 1))]++;
                keysOut[slot] = key;
                itemsOut[slot] = items[i];
            }

            (keys, keysOut) = (keysOut, keys);
            (items, itemsOut) = (itemsOut, items);
        }

        return (keys, items);
    }
}
