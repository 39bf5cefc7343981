using System.Globalization;
using AdintAudit.Risk.Attacks;
using FsCheck;
using FsCheck.Fluent;

namespace AdintAudit.Tests.Risk.Attacks;

public sealed class BackgroundKnowledgeAttackTests
{
    private static AttackInput Toy()
    {
        // scikit-mobility's examples/privacy_toy.csv (7 users, 23 pings; datetimes are local, treated as UTC).
        string[] lines = File.ReadAllLines(SharedData.Require("fixtures/skmob_privacy_toy.csv"));
        var device = new List<int>();
        var lat = new List<double>();
        var lon = new List<double>();
        var time = new List<long>();
        foreach (string line in lines.Skip(1))
        {
            string[] f = line.Split(',');
            lat.Add(double.Parse(f[0], CultureInfo.InvariantCulture));
            lon.Add(double.Parse(f[1], CultureInfo.InvariantCulture));
            time.Add(new DateTimeOffset(DateTime.SpecifyKind(DateTime.Parse(f[2], CultureInfo.InvariantCulture), DateTimeKind.Utc)).ToUnixTimeMilliseconds());
            device.Add(int.Parse(f[3], CultureInfo.InvariantCulture) - 1);
        }

        return AttackInput.FromPoints([.. device], [.. lat], [.. lon], [.. time], 7);
    }

    private static double[] Risks(AttackKind kind, int k, double tolerance = 0, bool compat = true, TimePrecision precision = TimePrecision.Hour) =>
        [.. BackgroundKnowledgeAttack.Run(Toy(), new AttackOptions
        {
            Kind = kind,
            KnowledgeLength = k,
            Tolerance = tolerance,
            SkmobCompat = compat,
            Precision = precision,
            MaxDegreeOfParallelism = 1,
        }, TestContext.Current.CancellationToken).Risk];

    private static void AssertRisks(double[] expected, double[] actual) =>
        Assert.Equal(expected, actual, (a, b) => Math.Abs(a - b) < 1e-12);

    [Fact]
    public void Location_attack_matches_the_algorithm_reference_cases()
    {
        AssertRisks([1 / 3.0, 1 / 2.0, 1 / 3.0, 1 / 3.0, 1 / 4.0, 1 / 4.0, 1 / 2.0], Risks(AttackKind.Location, 2));
        AssertRisks([1 / 2.0, 1, 1 / 2.0, 1 / 3.0, 1 / 3.0, 1 / 4.0, 1], Risks(AttackKind.Location, 3));
    }

    [Fact]
    public void Sequence_attack_matches_the_algorithm_reference_cases()
    {
        AssertRisks([1 / 2.0, 1 / 2.0, 1, 1 / 2.0, 1, 1 / 3.0, 1 / 2.0], Risks(AttackKind.LocationSequence, 2));
        AssertRisks([1, 1, 1, 1, 1, 1 / 3.0, 1], Risks(AttackKind.LocationSequence, 3));
    }

    [Fact]
    public void Unique_location_attack_matches_the_algorithm_reference_case()
    {
        AssertRisks([1 / 3.0, 1 / 4.0, 1 / 3.0, 1 / 3.0, 1 / 4.0, 1 / 4.0, 1 / 4.0], Risks(AttackKind.UniqueLocation, 2));
    }

    [Fact]
    public void Frequency_attack_with_zero_tolerance_matches_the_algorithm_reference_case()
    {
        AssertRisks([1 / 3.0, 1, 1 / 3.0, 1 / 3.0, 1 / 3.0, 1 / 3.0, 1], Risks(AttackKind.Frequency, 2));
    }

    [Fact]
    public void Skmob_home_work_attack_uses_the_two_least_frequent_places()
    {
        AssertRisks([1 / 4.0, 1 / 4.0, 1 / 4.0, 1 / 4.0, 1, 1, 1], Risks(AttackKind.HomeWork, 1));
    }

    [Fact]
    public void Skmob_hour_precision_is_really_day_precision()
    {
        // The 'Hour' bucket is year+month+day+month: every toy ping of one day shares it, so k=2 equals the Day result.
        AssertRisks(Risks(AttackKind.LocationTime, 2, precision: TimePrecision.Day), Risks(AttackKind.LocationTime, 2));
        Assert.Equal("2011111", BackgroundKnowledgeAttack.SkmobBucket(new DateTime(2011, 1, 11, 5, 0, 0, DateTimeKind.Utc), TimePrecision.Hour)[..7]);
        Assert.Equal(
            BackgroundKnowledgeAttack.SkmobBucket(new DateTime(2011, 1, 11, 0, 0, 0, DateTimeKind.Utc), TimePrecision.Day),
            BackgroundKnowledgeAttack.SkmobBucket(new DateTime(2011, 11, 1, 0, 0, 0, DateTimeKind.Utc), TimePrecision.Day));
    }

    [Fact]
    public void Default_location_time_uses_true_hour_buckets()
    {
        string first = BackgroundKnowledgeAttack.Bucket(new DateTime(2011, 1, 11, 5, 59, 0, DateTimeKind.Utc), TimePrecision.Hour);
        string second = BackgroundKnowledgeAttack.Bucket(new DateTime(2011, 1, 11, 6, 0, 0, DateTimeKind.Utc), TimePrecision.Hour);

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Default_location_time_separates_hours_and_merges_them_at_day_precision()
    {
        // Two devices at place 0: one at 2011-01-11 05:59, the other at 06:00 (UTC). Hour buckets differ -> each is the
        // only match of its knowledge, risk 1; Day buckets agree -> 2 matches, risk 1/2.
        long first = new DateTimeOffset(2011, 1, 11, 5, 59, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        AttackInput input = AttackInput.FromPlaces([0, 1], [0, 0], [first, first + 60_000], 2, 1);

        AttackResult hour = BackgroundKnowledgeAttack.Run(input, new AttackOptions { Kind = AttackKind.LocationTime, Precision = TimePrecision.Hour },
            TestContext.Current.CancellationToken);
        AttackResult day = BackgroundKnowledgeAttack.Run(input, new AttackOptions { Kind = AttackKind.LocationTime, Precision = TimePrecision.Day },
            TestContext.Current.CancellationToken);

        Assert.Equal([1.0, 1.0], hour.Risk);
        Assert.Equal([0.5, 0.5], day.Risk);
    }

    [Fact]
    public void Default_home_work_attack_uses_inferred_home_and_work()
    {
        // Six devices (H1,W1), (H1,W1), (H1,W2), (H2,W1), (H3,W3), (H3,W3): classes of 2, 1, 1, 2.
        AttackInput input = AttackInput.FromPlaces([0, 1, 2, 3, 4, 5], [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], 6, 6)
            .WithHomeWork([0, 0, 0, 1, 2, 2], [3, 3, 4, 3, 5, 5]);

        AttackResult result = BackgroundKnowledgeAttack.Run(input, new AttackOptions { Kind = AttackKind.HomeWork }, TestContext.Current.CancellationToken);

        AssertRisks([1 / 2.0, 1 / 2.0, 1, 1, 1 / 2.0, 1 / 2.0], [.. result.Risk]);
    }

    [Fact]
    public void Instance_budget_flags_the_device_and_returns_a_lower_bound()
    {
        AttackResult result = BackgroundKnowledgeAttack.Run(Toy(), new AttackOptions
        {
            Kind = AttackKind.Location,
            KnowledgeLength = 3,
            MaxInstancesPerDevice = 2,
        }, TestContext.Current.CancellationToken);

        Assert.True(result.TruncatedCount > 0);
        double[] exact = Risks(AttackKind.Location, 3);
        for (int d = 0; d < exact.Length; d++)
        {
            Assert.True(result.Risk[d] <= exact[d] + 1e-12);
        }
    }

    [Fact]
    public void Fast_search_equals_the_brute_force_reference_on_random_data() =>
        Prop.ForAll(
            Gen.Choose(2, 6).SelectMany(devices => Gen.Choose(0, 3).SelectMany(kindIndex => Gen.Choose(1, 4).SelectMany(k =>
                Gen.ListOf(Gen.Choose(0, devices - 1).SelectMany(d => Gen.Choose(0, 4).SelectMany(p => Gen.Choose(0, 5).Select(h =>
                    new SkmobReference.Row(d, p, h * 3_600_000L * 20)))))
                .Select(rows => (devices, kindIndex, k, rows: rows.Take(16).ToList()))))).ToArbitrary(),
            Gen.Elements(0.0, 0.5).ToArbitrary(),
            ((int Devices, int KindIndex, int K, List<SkmobReference.Row> Rows) data, double tolerance) =>
            {
                AttackKind[] kinds = [AttackKind.Location, AttackKind.LocationSequence, AttackKind.LocationTime, AttackKind.UniqueLocation];
                AttackKind kind = kinds[data.KindIndex];
                return Agrees(data.Devices, data.Rows, new AttackOptions { Kind = kind, KnowledgeLength = data.K, SkmobCompat = true, Precision = TimePrecision.Day })
                    && Agrees(data.Devices, data.Rows, new AttackOptions { Kind = AttackKind.Frequency, KnowledgeLength = data.K, Tolerance = tolerance })
                    && Agrees(data.Devices, data.Rows, new AttackOptions { Kind = AttackKind.Probability, KnowledgeLength = data.K, Tolerance = tolerance })
                    && Agrees(data.Devices, data.Rows, new AttackOptions { Kind = AttackKind.Proportion, KnowledgeLength = data.K, Tolerance = tolerance });
            })
        .Check(Config.QuickThrowOnFailure.WithMaxTest(300));

    [Fact]
    public void Fast_search_equals_the_brute_force_reference_when_many_devices_share_a_few_places() =>
        Prop.ForAll(
            Gen.Choose(6, 40).SelectMany(devices => Gen.Choose(0, 6).SelectMany(kindIndex => Gen.Choose(1, 4).SelectMany(k =>
                Gen.ListOf(Gen.Choose(0, devices - 1).SelectMany(d => Gen.Frequency(
                        (6, Gen.Choose(0, 2)), // three busy places that most devices visit
                        (1, Gen.Choose(3, 4))) // and two rarer ones
                    .SelectMany(p => Gen.Choose(0, 7).Select(h => new SkmobReference.Row(d, p, h * 60_000L * 457)))))
                .Select(rows => (devices, kindIndex, k, rows: rows.Take(48).ToList()))))).ToArbitrary(),
            Gen.Elements(0.0, 0.3, 1.0).SelectMany(t => Gen.Elements(Enum.GetValues<TimePrecision>()).Select(p => (t, p))).ToArbitrary(),
            ((int Devices, int KindIndex, int K, List<SkmobReference.Row> Rows) data, (double Tolerance, TimePrecision Precision) settings) =>
            {
                AttackKind[] kinds =
                [
                    AttackKind.Location, AttackKind.LocationSequence, AttackKind.LocationTime, AttackKind.UniqueLocation,
                    AttackKind.Frequency, AttackKind.Probability, AttackKind.Proportion,
                ];
                return Agrees(data.Devices, data.Rows, new AttackOptions
                {
                    Kind = kinds[data.KindIndex],
                    KnowledgeLength = data.K,
                    Tolerance = settings.Tolerance,
                    SkmobCompat = true,
                    Precision = settings.Precision,
                });
            })
        .Check(Config.QuickThrowOnFailure.WithMaxTest(300));

    [Fact]
    public void Results_do_not_depend_on_the_thread_count()
    {
        var random = new Random(42);
        int n = 3000;
        int[] device = [.. Enumerable.Range(0, n).Select(_ => random.Next(300))];
        int[] place = [.. Enumerable.Range(0, n).Select(_ => random.Next(60))];
        long[] time = [.. Enumerable.Range(0, n).Select(_ => (long)random.Next(1_000_000) * 1000)];
        AttackInput input = AttackInput.FromPlaces(device, place, time, 300, 60);

        double[] one = [.. BackgroundKnowledgeAttack.Run(input, new AttackOptions { KnowledgeLength = 3, MaxDegreeOfParallelism = 1 }, TestContext.Current.CancellationToken).Risk];
        double[] many = [.. BackgroundKnowledgeAttack.Run(input, new AttackOptions { KnowledgeLength = 3, MaxDegreeOfParallelism = 4 }, TestContext.Current.CancellationToken).Risk];

        Assert.Equal(one, many);
    }

    private static bool Agrees(int devices, List<SkmobReference.Row> rows, AttackOptions options)
    {
        AttackInput input = AttackInput.FromPlaces([.. rows.Select(r => r.Device)], [.. rows.Select(r => r.Place)], [.. rows.Select(r => r.TimeMs)], devices, 5);
        double[] fast = [.. BackgroundKnowledgeAttack.Run(input, options).Risk];
        double[] slow = SkmobReference.Risk(rows, devices, options);
        for (int d = 0; d < devices; d++)
        {
            bool same = double.IsNaN(fast[d]) ? double.IsNaN(slow[d]) : Math.Abs(fast[d] - slow[d]) < 1e-12;
            if (!same)
            {
                throw new InvalidOperationException($"{options.Kind} k={options.KnowledgeLength} t={options.Tolerance} device {d}: fast {fast[d]}, reference {slow[d]}; rows {string.Join(' ', rows)}");
            }
        }

        return true;
    }
}
