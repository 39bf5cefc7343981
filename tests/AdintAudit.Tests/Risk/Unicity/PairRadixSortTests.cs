using AdintAudit.Risk.Unicity;
using FsCheck;
using FsCheck.Fluent;

namespace AdintAudit.Tests.Risk.Unicity;

public sealed class PairRadixSortTests
{
    [Fact]
    public void Sort_equals_a_stable_sort_by_key() =>
        Prop.ForAll(
            Gen.ListOf(Gen.Choose(0, 50).Zip(Gen.Choose(0, 56)).Select(t => (long)t.Item1 << t.Item2)).ToArbitrary(),
            values =>
            {
                long[] keys = [.. values];
                int[] items = [.. Enumerable.Range(0, keys.Length)];
                var expected = keys.Select((k, i) => (Key: k, Item: i)).OrderBy(p => p.Key).ToList(); // LINQ OrderBy is stable

                (long[] sortedKeys, int[] sortedItems) = PairRadixSort.Sort(keys, items);

                return sortedKeys.SequenceEqual(expected.Select(p => p.Key)) && sortedItems.SequenceEqual(expected.Select(p => p.Item));
            })
        .Check(Config.QuickThrowOnFailure.WithMaxTest(300));
}
