using AdintAudit.Scale;
using FsCheck;
using FsCheck.Fluent;

namespace AdintAudit.Tests.Scale;

public sealed class DeviceDirectoryTests
{
    [Fact]
    public void Build_merges_partitions_into_ordinal_order()
    {
        // Ordinal: "B" (0x42) < "a" (0x61) < "ab" < "b" < "é" (0xE9).
        IReadOnlyList<string>[] partitions = [["a", "é"], [], ["B", "ab", "b"]];

        var directory = DeviceDirectory.Build(partitions);

        Assert.Equal(["B", "a", "ab", "b", "é"], directory.Ids);
        Assert.Equal([1, 4], directory.GlobalIndex(0));
        Assert.Empty(directory.GlobalIndex(1));
        Assert.Equal([0, 2, 3], directory.GlobalIndex(2));
        Assert.Equal("ab", directory.Id(2));
        Assert.Equal(5, directory.Count);
    }

    [Fact]
    public void Build_equals_an_ordinal_sort_of_all_ids_for_any_assignment_to_partitions() =>
        Prop.ForAll(
            Gen.ListOf(Gen.Elements("a", "b", "B", "ab", "é", "日本", "", "a\u0000", "z9", "z10").SelectMany(s => Gen.Choose(0, 99).Select(n => s + n)))
                .SelectMany(ids => Gen.Choose(1, 6).SelectMany(p => Gen.ArrayOf(Gen.Choose(0, p - 1), ids.Count).Select(assign => (ids, p, assign))))
                .ToArbitrary(),
            ((List<string> Ids, int Partitions, int[] Assign) c) =>
            {
                string[] distinct = [.. c.Ids.Distinct(StringComparer.Ordinal)];
                var lists = Enumerable.Range(0, c.Partitions).Select(_ => new List<string>()).ToArray();
                for (int i = 0; i < distinct.Length; i++)
                {
                    lists[c.Assign[i]].Add(distinct[i]);
                }

                foreach (List<string> list in lists)
                {
                    list.Sort(StringComparer.Ordinal);
                }

                var directory = DeviceDirectory.Build(lists);

                string[] sorted = [.. distinct.Order(StringComparer.Ordinal)];
                bool mapsBack = Enumerable.Range(0, c.Partitions).All(p =>
                    directory.GlobalIndex(p).Select(directory.Id).SequenceEqual(lists[p], StringComparer.Ordinal));
                return directory.Ids.SequenceEqual(sorted, StringComparer.Ordinal) && mapsBack;
            })
        .Check(Config.QuickThrowOnFailure.WithMaxTest(200));

    [Fact]
    public void Build_id_in_two_partitions_throws()
    {
        IReadOnlyList<string>[] partitions = [["a", "c"], ["b", "c"]];

        var ex = Assert.Throws<ArgumentException>(() => DeviceDirectory.Build(partitions));

        Assert.Contains("'c' is in two partitions", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_unsorted_partition_throws()
    {
        IReadOnlyList<string>[] partitions = [["b", "a"]];

        Assert.Throws<ArgumentException>(() => DeviceDirectory.Build(partitions));
    }
}
