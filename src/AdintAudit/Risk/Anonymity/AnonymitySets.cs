using System.Buffers;
using System.Runtime.InteropServices;

namespace AdintAudit.Risk.Anonymity;

/// <summary>
/// Builds anonymity sets from per-record class keys: records with equal keys form one class (an equivalence class in
/// k-anonymity terms) and each record's set size is its class's size. The reusable core of the home/work and top-N
/// stages; any quasi-identifier that can be written as a few <see cref="long"/> values per record works.
/// </summary>
public static class AnonymitySets
{
    /// <summary>Groups records by key and summarizes the set sizes.</summary>
    /// <param name="classKeys">
    /// The records' keys, <paramref name="keyLength"/> values per record, record after record (record r owns
    /// <c>[r·keyLength, (r+1)·keyLength)</c>). Two records are in one class when all their key values are equal.
    /// </param>
    /// <param name="keyLength">Values per key (≥ 1); the span's length must be a multiple of it.</param>
    /// <param name="cellMeters">Cell size the keys were built at, copied into the summary (NaN when not applicable).</param>
    /// <param name="options">k and the risk threshold; null for the defaults. <see cref="AnonymityOptions.CellMeters"/> is not used.</param>
    /// <param name="setSizes">Empty, or receives each record's set size (at least as long as the number of records).</param>
    /// <returns>The summary.</returns>
    /// <remarks>
    /// Classes are found column by column: a record's class after column c is the pair (class after column c − 1, value
    /// c), numbered through a hash table, so the cost is O(records · keyLength) and no key is ever sorted.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="keyLength"/> is below 1, the keys' length is not a multiple of it, <paramref name="setSizes"/> is
    /// too short, or an option is out of range.
    /// </exception>
    public static AnonymitySummary Summarize(ReadOnlySpan<long> classKeys, int keyLength, double cellMeters, AnonymityOptions? options = null,
        Span<int> setSizes = default)
    {
        options ??= new AnonymityOptions();
        options.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(keyLength, 1);
        if (classKeys.Length % keyLength != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(classKeys), classKeys.Length, "the number of key values must be a multiple of the key length");
        }

        int records = classKeys.Length / keyLength;
        if (!setSizes.IsEmpty)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(setSizes.Length, records, nameof(setSizes));
        }

        int[] classOf = ArrayPool<int>.Shared.Rent(records);
        try
        {
            int classes = AssignClasses(classKeys, keyLength, classOf.AsSpan(0, records));
            int[] classSize = new int[classes];
            for (int r = 0; r < records; r++)
            {
                classSize[classOf[r]]++;
            }

            if (!setSizes.IsEmpty)
            {
                for (int r = 0; r < records; r++)
                {
                    setSizes[r] = classSize[classOf[r]];
                }
            }

            return FromClassSizes(classSize, records, cellMeters, options);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(classOf);
        }
    }

    /// <summary>Numbers the classes 0, 1, … in order of first appearance; returns the class count.</summary>
    private static int AssignClasses(ReadOnlySpan<long> keys, int keyLength, Span<int> classOf)
    {
        int records = classOf.Length;
        classOf.Clear();
        int classes = records == 0 ? 0 : 1;
        var ids = new Dictionary<(int Class, long Value), int>(Math.Min(records, 1 << 20));
        for (int column = 0; column < keyLength; column++)
        {
            ids.Clear();
            for (int r = 0; r < records; r++)
            {
                ref int id = ref CollectionsMarshal.GetValueRefOrAddDefault(ids, (classOf[r], keys[(r * keyLength) + column]), out bool exists);
                if (!exists)
                {
                    id = ids.Count - 1;
                }

                classOf[r] = id;
            }

            classes = ids.Count;
        }

        return classes;
    }

    /// <summary>The summary from the class sizes alone.</summary>
    private static AnonymitySummary FromClassSizes(int[] classSize, int records, double cellMeters, AnonymityOptions options)
    {
        Array.Sort(classSize);
        var histogram = new List<SetSizeCount>();
        int unique = 0;
        int belowK = 0;
        int atRisk = 0;
        for (int i = 0; i < classSize.Length;)
        {
            int size = classSize[i];
            int sameSize = 0;
            for (; i < classSize.Length && classSize[i] == size; i++)
            {
                sameSize++;
            }

            int devices = sameSize * size;
            histogram.Add(new SetSizeCount(size, devices));
            unique += size == 1 ? devices : 0;
            belowK += size < options.SmallSetThreshold ? devices : 0;
            atRisk += 1.0 / size > options.RiskThreshold ? devices : 0;
        }

        double share(int count) => records == 0 ? 0.0 : count / (double)records;
        return new AnonymitySummary
        {
            CellMeters = cellMeters,
            Devices = records,
            Classes = classSize.Length,
            SetSizeHistogram = histogram,
            MedianSetSize = records == 0 ? 0.0 : (SizeAtRank(histogram, (records - 1) / 2) + SizeAtRank(histogram, records / 2)) / 2.0,
            ShareUnique = share(unique),
            ShareBelowK = share(belowK),
            SmallSetThreshold = options.SmallSetThreshold,
            Prosecutor = new ProsecutorRisk(
                HighestRisk: records == 0 ? 0.0 : 1.0 / classSize[0],
                SuccessRate: share(classSize.Length),
                RecordsAtRisk: share(atRisk)),
        };
    }

    /// <summary>The set size of the device at 0-based <paramref name="rank"/> when devices are ordered by set size.</summary>
    private static int SizeAtRank(List<SetSizeCount> histogram, int rank)
    {
        int seen = 0;
        foreach (SetSizeCount bar in histogram)
        {
            seen += bar.Devices;
            if (rank < seen)
            {
                return bar.SetSize;
            }
        }

        throw new InvalidOperationException("rank beyond the histogram");
    }
}
