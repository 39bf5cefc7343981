using AdintAudit.Risk.Anonymity;
using FsCheck;
using FsCheck.Fluent;

namespace AdintAudit.Tests.Risk.Anonymity;

public sealed class AnonymitySetsTests
{
    [Fact]
    public void Summarize_single_column_keys_counts_classes_and_shares()
    {
        // Keys 7,7,7,9,9,4 -> classes {7}:3, {9}:2, {4}:1; set sizes 3,3,3,2,2,1.
        // Sorted sizes 1,2,2,3,3,3 -> median (2+3)/2 = 2.5; unique 1/6; below k=3: 3/6; highest risk 1/1;
        // success rate 3 classes / 6; at risk (1/size > 0.4): sizes 1 and 2 -> 3/6.
        long[] keys = [7, 7, 7, 9, 9, 4];
        int[] sizes = new int[6];

        AnonymitySummary summary = AnonymitySets.Summarize(keys, 1, double.NaN, new AnonymityOptions { SmallSetThreshold = 3, RiskThreshold = 0.4 }, sizes);

        Assert.Equal([3, 3, 3, 2, 2, 1], sizes);
        Assert.Equal(6, summary.Devices);
        Assert.Equal(3, summary.Classes);
        Assert.Equal([new SetSizeCount(1, 1), new SetSizeCount(2, 2), new SetSizeCount(3, 3)], summary.SetSizeHistogram);
        Assert.Equal(2.5, summary.MedianSetSize);
        Assert.Equal(1 / 6.0, summary.ShareUnique, 12);
        Assert.Equal(3 / 6.0, summary.ShareBelowK, 12);
        Assert.Equal(new ProsecutorRisk(1.0, 3 / 6.0, 3 / 6.0), summary.Prosecutor);
    }

    [Fact]
    public void Summarize_compares_every_column_of_a_key()
    {
        // (1,2), (1,3), (1,2), (2,1): the first column alone would put three records together; both columns give 2,1,2,1.
        long[] keys = [1, 2, 1, 3, 1, 2, 2, 1];
        int[] sizes = new int[4];

        AnonymitySummary summary = AnonymitySets.Summarize(keys, 2, 1000, null, sizes);

        Assert.Equal([2, 1, 2, 1], sizes);
        Assert.Equal(3, summary.Classes);
        Assert.Equal(1000, summary.CellMeters);
    }

    [Fact]
    public void Summarize_without_records_reports_zeros()
    {
        AnonymitySummary summary = AnonymitySets.Summarize([], 2, 200);

        Assert.Equal(0, summary.Devices);
        Assert.Equal(0, summary.Classes);
        Assert.Empty(summary.SetSizeHistogram);
        Assert.Equal(0, summary.MedianSetSize);
        Assert.Equal(new ProsecutorRisk(0, 0, 0), summary.Prosecutor);
    }

    [Fact]
    public void Summarize_rejects_bad_arguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AnonymitySets.Summarize([1, 2, 3], 2, 200));
        Assert.Throws<ArgumentOutOfRangeException>(() => AnonymitySets.Summarize([1, 2], 0, 200));
        Assert.Throws<ArgumentOutOfRangeException>(() => AnonymitySets.Summarize([1, 2], 1, 200, null, new int[1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => AnonymitySets.Summarize([1], 1, 200, new AnonymityOptions { RiskThreshold = 1.5 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => AnonymitySets.Summarize([1], 1, 200, new AnonymityOptions { SmallSetThreshold = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => AnonymitySets.Summarize([1], 1, 200, new AnonymityOptions { CellMeters = [0.5] }));
        Assert.Throws<ArgumentOutOfRangeException>(() => AnonymitySets.Summarize([1], 1, 200, new AnonymityOptions { CellMeters = [] }));
    }

    [Fact]
    public void Summary_invariants_and_brute_force_set_sizes_hold_on_random_keys() =>
        Prop.ForAll(
            Gen.Choose(1, 3).SelectMany(length => Gen.ListOf(Gen.Choose(0, 3)).Select(values =>
                (length, values: values.Take(values.Count / length * length).Select(v => (long)v).ToArray()))).ToArbitrary(),
            Gen.Elements(0.0, 0.2, 0.3, 0.5, 1.0).ToArbitrary(),
            Gen.Choose(1, 6).ToArbitrary(),
            ((int Length, long[] Values) data, double threshold, int k) =>
            {
                int records = data.Values.Length / data.Length;
                int[] sizes = new int[records];
                AnonymitySummary s = AnonymitySets.Summarize(data.Values, data.Length, 200,
                    new AnonymityOptions { RiskThreshold = threshold, SmallSetThreshold = k }, sizes);

                string[] keyText = [.. Enumerable.Range(0, records).Select(r => string.Join(',', data.Values.Skip(r * data.Length).Take(data.Length)))];
                int[] brute = [.. keyText.Select(key => keyText.Count(other => other == key))];
                int[] sorted = [.. brute.Order()];
                double median = records == 0 ? 0 : (sorted[(records - 1) / 2] + sorted[records / 2]) / 2.0;
                return sizes.SequenceEqual(brute)
                    && s.Devices == records
                    && s.SetSizeHistogram.Sum(bar => bar.Devices) == records
                    && s.SetSizeHistogram.All(bar => bar.Devices % bar.SetSize == 0)
                    && s.SetSizeHistogram.Zip(s.SetSizeHistogram.Skip(1)).All(p => p.First.SetSize < p.Second.SetSize)
                    && s.Classes == keyText.Distinct().Count()
                    && s.Prosecutor.SuccessRate == (records == 0 ? 0 : s.Classes / (double)records)
                    && s.Prosecutor.HighestRisk == (records == 0 ? 0 : 1.0 / sorted[0])
                    && s.Prosecutor.RecordsAtRisk == (records == 0 ? 0 : brute.Count(size => 1.0 / size > threshold) / (double)records)
                    && s.ShareUnique == (records == 0 ? 0 : brute.Count(size => size == 1) / (double)records)
                    && s.ShareBelowK == (records == 0 ? 0 : brute.Count(size => size < k) / (double)records)
                    && s.MedianSetSize == median
                    && new[] { s.ShareUnique, s.ShareBelowK, s.Prosecutor.HighestRisk, s.Prosecutor.SuccessRate, s.Prosecutor.RecordsAtRisk }
                        .All(share => share is >= 0 and <= 1);
            })
        .Check(Config.QuickThrowOnFailure.WithMaxTest(300));
}
