using AdintAudit.Risk.Unicity;
using FsCheck;
using FsCheck.Fluent;

namespace AdintAudit.Tests.Risk.Unicity;

public sealed class PostingIntersectionTests
{
    [Fact]
    public void Intersect_equals_the_set_intersection_for_merge_and_binary_search_paths() =>
        Prop.ForAll(
            Gen.ListOf(Gen.Choose(0, 400)).ToArbitrary(),
            Gen.ListOf(Gen.Choose(0, 400)).ToArbitrary(),
            Gen.Choose(1, 4).ToArbitrary(),
            (first, second, limit) =>
            {
                // Stretch one list so both the merge (similar lengths) and the binary search (ratio > 16) paths run.
                int[] a = [.. first.Distinct().Order()];
                int[] b = [.. second.Concat(second.Count % 2 == 0 ? Enumerable.Range(0, 400) : []).Distinct().Order()];
                int[] expected = [.. a.Intersect(b).Order()];
                int[] destination = new int[Math.Max(1, Math.Min(a.Length, b.Length))];

                int count = PostingIntersection.Intersect(a, b, destination);
                int limited = PostingIntersection.Intersect(b, a, default, limit);

                return count == expected.Length
                    && destination.AsSpan(0, count).SequenceEqual(expected)
                    && limited == Math.Min(limit, expected.Length);
            })
        .Check(Config.QuickThrowOnFailure.WithMaxTest(300));
}
