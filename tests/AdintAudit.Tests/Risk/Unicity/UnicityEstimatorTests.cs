using AdintAudit.Data;
using AdintAudit.Risk.Unicity;
using FsCheck;
using FsCheck.Fluent;

namespace AdintAudit.Tests.Risk.Unicity;

public sealed class UnicityEstimatorTests
{
    private static readonly UnicityResolution s_kilometreHour = new(1000, 60);

    /// <summary>A row per (device, cell, hour): cells are 0.1° of latitude apart (11 km), pings one minute into the hour.</summary>
    private static PingTable Table(IEnumerable<(int Device, int Cell, int Hour)> rows)
    {
        var list = rows.ToList();
        return PingTable.FromRows(
            [.. list.Select(r => $"d{r.Device:D2}")],
            [.. list.Select(r => (r.Hour * 3_600_000L) + 60_000)],
            [.. list.Select(r => 50 + (0.1 * r.Cell))],
            [.. list.Select(_ => 10.0)]);
    }

    private static UnicityOptions Exact(params int[] points) => new()
    {
        Points = points,
        Resolutions = [s_kilometreHour],
        DrawsPerDevice = 5000, // C(20, 4) = 4845: every subset of the 5 cells x 4 hours of the property test is enumerated
        MaxDegreeOfParallelism = 1,
    };

    [Fact]
    public void Estimate_three_devices_matches_the_hand_computed_curve()
    {
        // Points x = (cell 0, hour 0), y = (cell 1, hour 0), u = (cell 2, hour 5).
        // A holds {x, y, u}, B holds {x, y} (pinged twice at x), C holds {y}. Postings: x {A, B}, y {A, B, C}, u {A}.
        PingTable pings = Table([(0, 0, 0), (0, 1, 0), (0, 2, 5), (1, 0, 0), (1, 0, 0), (1, 1, 0), (2, 1, 0)]);

        UnicityResult result = UnicityEstimator.Estimate(pings, Exact(1, 2, 3), TestContext.Current.CancellationToken);

        IReadOnlyList<UnicityPoint> curve = result.Curves[0].Points;
        // p = 1: A unique through u only (1 of 3 points), B and C never: expected (1/3 + 0 + 0) / 3 = 1/9; worst 1/3.
        Assert.Equal(3, curve[0].EligibleDevices);
        Assert.Equal(1 / 9.0, curve[0].Expected, 12);
        Assert.Equal(1 / 3.0, curve[0].WorstCase, 12);
        // p = 2: A: {x,y} -> {A,B}, {x,u} -> {A}, {y,u} -> {A}: 2/3; B: {x,y} -> {A,B}: 0; C has one point (not eligible).
        // Expected (2/3 + 0) / 2 = 1/3; worst 1/2.
        Assert.Equal(2, curve[1].EligibleDevices);
        Assert.Equal(1 / 3.0, curve[1].Expected, 12);
        Assert.Equal(0.5, curve[1].WorstCase, 12);
        // p = 3: only A is eligible and {x, y, u} is unique.
        Assert.Equal(new UnicityPoint(3, 1, 1.0, double.NaN, double.NaN, 1.0, 0), curve[2]);
        Assert.Equal(3, result.TotalDevices);
        Assert.Equal(3, result.SampledDevices);
    }

    [Fact]
    public void Estimate_interval_is_the_normal_approximation_over_devices()
    {
        // Same three devices, p = 1: shares 1/3, 0, 0; mean 1/9; s^2 = ((2/9)^2 + 2 (1/9)^2) / 2 = 3/81;
        // half width = 1.959964 * sqrt(3/81 / 3) = 1.959964 / 9 = 0.217774; low clamps to 0.
        PingTable pings = Table([(0, 0, 0), (0, 1, 0), (0, 2, 5), (1, 0, 0), (1, 1, 0), (2, 1, 0)]);

        UnicityPoint point = UnicityEstimator.Estimate(pings, Exact(1), TestContext.Current.CancellationToken).Curves[0].Points[0];

        Assert.Equal(0, point.ConfidenceLow);
        Assert.Equal((1 / 9.0) + (1.959963985 / 9), point.ConfidenceHigh, 8);
    }

    [Fact]
    public void Estimate_with_exhaustive_draws_equals_brute_force_on_random_datasets() =>
        Prop.ForAll(
            Gen.Choose(2, 7).SelectMany(devices => Gen.ListOf(Gen.Choose(0, devices - 1).SelectMany(d => Gen.Choose(0, 4).SelectMany(c =>
                Gen.Choose(0, 3).Select(h => (Device: d, Cell: c, Hour: h))))).Select(rows => rows.Take(30).ToList())).ToArbitrary(),
            rows =>
            {
                PingTable pings = Table(rows);
                UnicityResult result = UnicityEstimator.Estimate(pings, Exact(1, 2, 3, 4));
                foreach (UnicityPoint point in result.Curves[0].Points)
                {
                    (int eligible, double expected, double worst) = BruteForceUnicity.Compute(pings, s_kilometreHour, point.P);
                    bool same = point.EligibleDevices == eligible
                        && SameOrBothNaN(point.Expected, expected, 1e-12)
                        && SameOrBothNaN(point.WorstCase, worst, 0)
                        && point.WorstCaseLowerBoundDevices == 0;
                    if (!same)
                    {
                        return false;
                    }
                }

                return true;
            })
        .Check(Config.QuickThrowOnFailure.WithMaxTest(300));

    [Fact]
    public void Estimate_with_random_draws_is_close_to_the_exact_expectation()
    {
        // 40 devices of 12 points among 6 cells x 6 hours: C(12, 3) = 220 subsets, 200 draws each.
        var random = new Random(7);
        PingTable pings = Table(Enumerable.Range(0, 40).SelectMany(d => Enumerable.Range(0, 12).Select(_ => (d, random.Next(6), random.Next(6)))));
        UnicityOptions options = Exact(3) with { DrawsPerDevice = 200 };

        UnicityPoint point = UnicityEstimator.Estimate(pings, options, TestContext.Current.CancellationToken).Curves[0].Points[0];

        (int eligible, double expected, double worst) = BruteForceUnicity.Compute(pings, s_kilometreHour, 3);
        Assert.Equal(eligible, point.EligibleDevices);
        Assert.Equal(worst, point.WorstCase);
        Assert.InRange(expected, point.ConfidenceLow, point.ConfidenceHigh);
        Assert.InRange(point.Expected, expected - 0.03, expected + 0.03);
    }

    [Fact]
    public void Estimate_keys_that_do_not_fit_one_word_still_match_brute_force()
    {
        // 1 m cells over the whole globe and 1-minute bins over 20 years: band, column and bin need about 25 + 26 + 24 bits.
        var random = new Random(3);
        var rows = Enumerable.Range(0, 120).Select(i => (Device: i % 9, Lat: (random.Next(3) * 80.0) - 80, Lon: (random.Next(3) * 170.0) - 170,
            Time: random.Next(3) * 300_000_000_000L)).ToList();
        PingTable pings = PingTable.FromRows([.. rows.Select(r => $"d{r.Device}")], [.. rows.Select(r => r.Time)],
            [.. rows.Select(r => r.Lat)], [.. rows.Select(r => r.Lon)]);
        var resolution = new UnicityResolution(1, 1);
        UnicityOptions options = Exact(1, 2, 3) with { Resolutions = [resolution] };

        UnicityResult result = UnicityEstimator.Estimate(pings, options, TestContext.Current.CancellationToken);

        foreach (UnicityPoint point in result.Curves[0].Points)
        {
            (int eligible, double expected, double worst) = BruteForceUnicity.Compute(pings, resolution, point.P);
            Assert.Equal(eligible, point.EligibleDevices);
            Assert.Equal(expected, point.Expected, 12);
            Assert.Equal(worst, point.WorstCase);
        }
    }

    [Fact]
    public void Estimate_reports_devices_whose_search_ran_out_as_a_lower_bound()
    {
        // A holds 6 points: B holds the first three and C the last three, each with one more point of its own. No other
        // device holds all of A's points (so the all-points check cannot settle A), and proving A unique at p = 2
        // ({0, 3}) needs intersections beyond a budget of 1; B and C are unique at p = 1 through their own points.
        var rows = Enumerable.Range(0, 6).Select(c => (0, c, 0))
            .Concat(Enumerable.Range(0, 3).Select(c => (1, c, 0))).Append((1, 9, 0))
            .Concat(Enumerable.Range(3, 3).Select(c => (2, c, 0))).Append((2, 8, 0));
        PingTable pings = Table(rows);
        UnicityOptions options = Exact(1, 2) with { MaxInstancesPerDevice = 1 };

        IReadOnlyList<UnicityPoint> curve = UnicityEstimator.Estimate(pings, options, TestContext.Current.CancellationToken).Curves[0].Points;

        Assert.Equal(2 / 3.0, curve[0].WorstCase, 12);
        Assert.Equal(0, curve[0].WorstCaseLowerBoundDevices);
        Assert.Equal(2 / 3.0, curve[1].WorstCase, 12);
        Assert.Equal(1, curve[1].WorstCaseLowerBoundDevices);
    }

    [Fact]
    public void Estimate_settles_a_device_whose_points_another_device_all_holds_without_searching()
    {
        // A holds 6 points that B also holds; B has one more point of its own. A is never unique: B holds every point
        // of A, so no subset of A's points is unique (uniqueness is monotone). Decided exactly, even with a budget of 1.
        var rows = Enumerable.Range(0, 6).SelectMany(c => new[] { (0, c, 0), (1, c, 0) }).Append((1, 9, 0));
        PingTable pings = Table(rows);
        UnicityOptions options = Exact(1, 2) with { MaxInstancesPerDevice = 1 };

        IReadOnlyList<UnicityPoint> curve = UnicityEstimator.Estimate(pings, options, TestContext.Current.CancellationToken).Curves[0].Points;

        Assert.Equal(0.5, curve[1].WorstCase);
        Assert.Equal(0, curve[1].WorstCaseLowerBoundDevices);
    }

    [Fact]
    public void Estimate_does_not_depend_on_the_thread_count_and_repeats_with_the_same_seed()
    {
        PingTable pings = RandomTable(seed: 11, devices: 600, pingsPerDevice: 40);
        UnicityOptions options = new()
        {
            Points = [1, 2, 3, 4],
            Resolutions = [new(1000, 60), new(5000, 240)],
            MaxDevices = 250,
            Seed = 5,
        };

        UnicityResult one = UnicityEstimator.Estimate(pings, options with { MaxDegreeOfParallelism = 1 }, TestContext.Current.CancellationToken);
        UnicityResult two = UnicityEstimator.Estimate(pings, options with { MaxDegreeOfParallelism = 2 }, TestContext.Current.CancellationToken);
        UnicityResult again = UnicityEstimator.Estimate(pings, options with { MaxDegreeOfParallelism = 2 }, TestContext.Current.CancellationToken);
        UnicityResult other = UnicityEstimator.Estimate(pings, options with { Seed = 6 }, TestContext.Current.CancellationToken);

        Assert.Equal(250, one.SampledDevices);
        Assert.Equal(600, one.TotalDevices);
        for (int r = 0; r < 2; r++)
        {
            Assert.Equal(one.Curves[r].Points, two.Curves[r].Points);
            Assert.Equal(one.Curves[r].Points, again.Curves[r].Points);
        }

        Assert.NotEqual(one.Curves[0].Points, other.Curves[0].Points);
    }

    [Fact]
    public void Estimate_worst_case_bounds_the_expectation_inside_its_interval()
    {
        PingTable pings = RandomTable(seed: 2, devices: 300, pingsPerDevice: 30);

        UnicityResult result = UnicityEstimator.Estimate(pings, new UnicityOptions { Resolutions = [new(1000, 60)] }, TestContext.Current.CancellationToken);

        foreach (UnicityPoint point in result.Curves[0].Points)
        {
            Assert.Equal(300, point.EligibleDevices);
            Assert.Equal(0, point.WorstCaseLowerBoundDevices);
            Assert.True(point.Expected <= point.WorstCase + 1e-12);
            Assert.True(point.ConfidenceLow <= point.Expected && point.Expected <= point.ConfidenceHigh);
        }
    }

    [Fact]
    public void Estimate_gives_each_resolution_the_curve_it_has_alone()
    {
        // Resolutions sharing a cell size share the cell keys; the order of the curves follows the options.
        PingTable pings = RandomTable(seed: 8, devices: 200, pingsPerDevice: 20);
        UnicityResolution[] resolutions = [new(1000, 60), new(250, 60), new(1000, 240)];
        UnicityOptions options = new() { Points = [1, 2, 3], Resolutions = resolutions };

        UnicityResult together = UnicityEstimator.Estimate(pings, options, TestContext.Current.CancellationToken);

        for (int r = 0; r < resolutions.Length; r++)
        {
            UnicityResult alone = UnicityEstimator.Estimate(pings, options with { Resolutions = [resolutions[r]] }, TestContext.Current.CancellationToken);
            Assert.Equal(resolutions[r], together.Curves[r].Resolution);
            Assert.Equal(alone.Curves[0].Points, together.Curves[r].Points);
        }
    }

    [Fact]
    public void Estimate_reports_progress_up_to_devices_times_resolutions()
    {
        PingTable pings = RandomTable(seed: 4, devices: 700, pingsPerDevice: 10);
        var progress = new LastValue();

        UnicityEstimator.Estimate(pings, new UnicityOptions { Points = [1, 2] }, progress, TestContext.Current.CancellationToken);

        Assert.Equal(700 * 4, progress.Max);
    }

    [Fact]
    public void Estimate_rejects_bad_options_and_non_finite_coordinates()
    {
        PingTable pings = Table([(0, 0, 0)]);
        PingTable broken = PingTable.FromRows(["a"], [0L], [double.NaN], [10.0]);
        CancellationToken ct = TestContext.Current.CancellationToken;

        Assert.Throws<ArgumentOutOfRangeException>(() => UnicityEstimator.Estimate(pings, new UnicityOptions { Points = [0] }, ct));
        Assert.Throws<ArgumentOutOfRangeException>(() => UnicityEstimator.Estimate(pings, new UnicityOptions { Points = [] }, ct));
        Assert.Throws<ArgumentOutOfRangeException>(() => UnicityEstimator.Estimate(pings, new UnicityOptions { Resolutions = [new(0, 60)] }, ct));
        Assert.Throws<ArgumentOutOfRangeException>(() => UnicityEstimator.Estimate(pings, new UnicityOptions { Resolutions = [new(100, 0)] }, ct));
        Assert.Throws<ArgumentOutOfRangeException>(() => UnicityEstimator.Estimate(pings, new UnicityOptions { DrawsPerDevice = 0 }, ct));
        Assert.Throws<ArgumentOutOfRangeException>(() => UnicityEstimator.Estimate(pings, new UnicityOptions { ConfidenceLevel = 1 }, ct));
        InputFormatException error = Assert.Throws<InputFormatException>(() => UnicityEstimator.Estimate(broken, null, ct));
        Assert.Contains("device 'a'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_of_an_empty_table_has_no_eligible_device()
    {
        PingTable empty = PingTable.FromRows([], [], [], []);

        UnicityResult result = UnicityEstimator.Estimate(empty, null, TestContext.Current.CancellationToken);

        Assert.Equal(0, result.TotalDevices);
        Assert.Equal(4, result.Curves.Count);
        Assert.All(result.Curves.SelectMany(c => c.Points), p => Assert.True(p.EligibleDevices == 0 && double.IsNaN(p.Expected) && double.IsNaN(p.WorstCase)));
    }

    [Fact]
    public void Estimate_sorts_and_deduplicates_the_points_it_reports()
    {
        PingTable pings = Table([(0, 0, 0), (1, 1, 1)]);

        UnicityResult result = UnicityEstimator.Estimate(pings, Exact(3, 1, 3), TestContext.Current.CancellationToken);

        Assert.Equal([1, 3], result.Options.Points);
        Assert.Equal([1, 3], result.Curves[0].Points.Select(p => p.P));
        Assert.Equal(0, result.Curves[0].Points[1].EligibleDevices);
        Assert.True(double.IsNaN(result.Curves[0].Points[1].Expected));
    }

    private static bool SameOrBothNaN(double a, double b, double tolerance) =>
        (double.IsNaN(a) && double.IsNaN(b)) || Math.Abs(a - b) <= tolerance;

    /// <summary>Devices wandering among 40 cells of 1 km over 10 days, each with a home cell it returns to half the time.</summary>
    private static PingTable RandomTable(int seed, int devices, int pingsPerDevice)
    {
        var random = new Random(seed);
        var ids = new List<string>();
        var times = new List<long>();
        var lats = new List<double>();
        var lons = new List<double>();
        for (int d = 0; d < devices; d++)
        {
            int home = random.Next(40);
            for (int i = 0; i < pingsPerDevice; i++)
            {
                int cell = random.NextDouble() < 0.5 ? home : random.Next(40);
                ids.Add($"device-{d:D4}");
                times.Add(random.NextInt64(10 * 86_400_000L));
                lats.Add(48 + (0.02 * (cell / 8)));
                lons.Add(2 + (0.03 * (cell % 8)));
            }
        }

        return PingTable.FromRows([.. ids], [.. times], [.. lats], [.. lons]);
    }

    /// <summary>Synchronous progress sink keeping the largest value reported.</summary>
    private sealed class LastValue : IProgress<long>
    {
        private long _max;

        public long Max => Interlocked.Read(ref _max);

        public void Report(long value)
        {
            long seen;
            while (value > (seen = Interlocked.Read(ref _max)) && Interlocked.CompareExchange(ref _max, value, seen) != seen)
            {
            }
        }
    }
}
