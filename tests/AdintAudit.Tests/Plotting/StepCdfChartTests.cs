using System.Xml.Linq;
using AdintAudit.Plotting;
using FsCheck;
using FsCheck.Fluent;

namespace AdintAudit.Tests.Plotting;

public sealed class StepCdfChartTests
{
    [Fact]
    public void CumulativeShares_merges_equal_values_and_accumulates_in_order()
    {
        // Sorted: 1 (2 devices), 5 (1 + 3 = 4), 20 (4); total 10 -> shares 2/10, 6/10, 10/10. NaN and count 0 are ignored.
        (double[] values, double[] shares) = StepCdfChart.CumulativeShares([5, 1, 5, 20, double.NaN, 7], [1, 2, 3, 4, 9, 0]);

        Assert.Equal([1, 5, 20], values);
        Assert.Equal([0.2, 0.6, 1.0], shares);
    }

    [Fact]
    public void CumulativeShares_equals_the_brute_force_share_at_or_below_each_value() =>
        Prop.ForAll(
            Gen.Choose(1, 50).Select(i => (double)i).Zip(Gen.Choose(1, 9).Select(i => (double)i)).ArrayOf().ToArbitrary(),
            pairs =>
            {
                (double[] values, double[] shares) = StepCdfChart.CumulativeShares([.. pairs.Select(p => p.Item1)], [.. pairs.Select(p => p.Item2)]);

                double total = pairs.Sum(p => p.Item2);
                for (int i = 0; i < values.Length; i++)
                {
                    double atOrBelow = pairs.Where(p => p.Item1 <= values[i]).Sum(p => p.Item2);
                    if (Math.Abs(shares[i] - (atOrBelow / total)) > 1e-12 || (i > 0 && values[i] <= values[i - 1]))
                    {
                        return false;
                    }
                }

                return values.Length == pairs.Select(p => p.Item1).Distinct().Count() && (values.Length == 0 || shares[^1] == 1);
            }).Check(Config.QuickThrowOnFailure.WithMaxTest(200));

    [Fact]
    public void Chart_draws_one_step_line_per_series_on_decade_ticks_and_percent_ticks()
    {
        var chart = new StepCdfChart
        {
            Title = "k",
            Series = [new CdfSeries("250 m", [1, 2, 30], [5, 3, 2]), new CdfSeries("1 km", [4, 400], [1, 1])],
        };

        string svg = chart.ToSvg();

        XDocument document = XDocument.Parse(svg);
        Assert.Equal(2, document.Descendants().Count(e => e.Name.LocalName == "polyline"));
        foreach (string tick in (string[])[">1</text>", ">10</text>", ">100</text>", ">1,000</text>", ">0 %</text>", ">100 %</text>"])
        {
            Assert.Contains(tick, svg, StringComparison.Ordinal);
        }

        Assert.Contains("250 m: ≤ 2: 80 %", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void FromSamples_counts_each_value_once()
    {
        // Values 3, 1, 3, 3: one device at 1 (1/4), three more at 3 (4/4).
        CdfSeries series = CdfSeries.FromSamples("k", [3, 1, 3, 3]);

        (double[] values, double[] shares) = StepCdfChart.CumulativeShares(series.Values, series.Counts);

        Assert.Equal([1, 3], values);
        Assert.Equal([0.25, 1.0], shares);
    }
}
