using System.Xml.Linq;
using AdintAudit.Plotting;
using FsCheck;
using FsCheck.Fluent;

namespace AdintAudit.Tests.Plotting;

public sealed class HistogramTests
{
    [Fact]
    public void Linear_bins_split_the_range_evenly_and_the_maximum_falls_in_the_last_bin()
    {
        // Range 0..10 in 5 bins of width 2: [0,2) holds 0, 1; [2,4) holds 2; [4,6) none; [6,8) holds 7.9; [8,10] holds 8, 10.
        (double[] edges, long[] counts, long skipped) = HistogramBins.Compute([0, 1, 2, 7.9, 8, 10, double.NaN], 5, logBins: false);

        Assert.Equal([0, 2, 4, 6, 8, 10], edges);
        Assert.Equal([2L, 1, 0, 1, 2], counts);
        Assert.Equal(1, skipped);
    }

    [Fact]
    public void Log_bins_are_even_in_decades_and_skip_non_positive_values()
    {
        // log10 of 1, 10, 100, 1000 is 0..3: 3 bins of one decade; 0 and -5 cannot be placed.
        (double[] edges, long[] counts, long skipped) = HistogramBins.Compute([1, 5, 10, 99, 100, 1000, 0, -5], 3, logBins: true);

        Assert.Equal([1, 10, 100, 1000], edges.Select(e => Math.Round(e, 9)));
        Assert.Equal([2L, 2, 2], counts);
        Assert.Equal(2, skipped);
    }

    [Fact]
    public void One_distinct_value_gets_one_bin_around_it()
    {
        (double[] edges, long[] counts, _) = HistogramBins.Compute([4, 4, 4], 10, logBins: false);

        Assert.Equal([3.5, 4.5], edges);
        Assert.Equal([3L], counts);
    }

    [Fact]
    public void Every_value_is_counted_once_in_the_bin_a_linear_search_finds() =>
        Prop.ForAll(
            Gen.Choose(-1000, 100_000).Select(i => i / 10.0).ArrayOf().ToArbitrary(),
            Gen.Choose(1, 30).ToArbitrary(),
            ArbMap.Default.ArbFor<bool>(),
            (values, binCount, logBins) =>
            {
                (double[] edges, long[] counts, long skipped) = HistogramBins.Compute(values, binCount, logBins);

                long[] expected = new long[counts.Length];
                foreach (double value in values)
                {
                    if (logBins && value <= 0)
                    {
                        continue;
                    }

                    // Brute force: the last edge at or below the value, with a small tolerance for Math.Pow round trips.
                    int bin = 0;
                    while (bin + 1 < counts.Length && edges[bin + 1] <= value * (1 + 1e-12))
                    {
                        bin++;
                    }

                    expected[bin]++;
                }

                long usable = values.LongLength - skipped;
                return counts.Sum() == usable && (usable == 0 || counts.SequenceEqual(expected) || NearEdge(values, edges));
            }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));

    [Fact]
    public void Chart_draws_one_rect_with_a_tooltip_per_non_empty_bin_and_notes_skipped_values()
    {
        var chart = new Histogram { Title = "h", LogBins = true, BinCount = 3, Values = new double[] { 1, 5, 10, 99, 100, 1000, 0 } };

        string svg = chart.ToSvg();

        XDocument document = XDocument.Parse(svg);
        Assert.Equal(3, document.Descendants().Count(e => e.Name.LocalName == "rect" && e.Elements().Any(c => c.Name.LocalName == "title")));
        Assert.Contains("1 zero, negative or missing values not shown", svg, StringComparison.Ordinal);
        Assert.Contains(">1,000</text>", svg, StringComparison.Ordinal);
    }

    /// <summary>A value within rounding of an edge may land on either side; the brute force then cannot decide.</summary>
    private static bool NearEdge(double[] values, double[] edges) =>
        values.Any(v => edges.Any(e => Math.Abs(v - e) <= 1e-9 * Math.Max(1, Math.Abs(e))));
}
