using AdintAudit.Risk.Verdict;

namespace AdintAudit.Tests.Risk.Verdict;

public sealed class RiskVerdictTests
{
    private static readonly VerdictInputs s_everything = new()
    {
        FinestResolution = "100 m / 1 h",
        CoarsestResolution = "2 km / 1 day",
        UnicityExpectedFinest = 0.93,
        UnicityWorstFinest = 0.99,
        UnicityExpectedCoarsest = 0.4,
        UnicityWorstCoarsest = 0.8,
        HomeWorkShareUnique = 0.3,
        HomeWorkShareBelowK = 0.6,
        ShareLinkedByColocation = 0.02,
        ShareSharingHome = 0.005,
        ShareWithInferredHome = 0.45,
        ShareAtSiteFollowedHome = 0.2,
    };

    [Theory]
    // figure, Medium threshold, High threshold (the documented defaults of VerdictOptions).
    [InlineData("unicity.expected.finest", 0.05, 0.5)]
    [InlineData("unicity.expected.coarsest", 0.05, 0.5)]
    [InlineData("unicity.worst.finest", 0.5, 0.95)]
    [InlineData("unicity.worst.coarsest", 0.5, 0.95)]
    [InlineData("homework.share_unique", 0.05, 0.5)]
    [InlineData("homework.share_below_k", 0.05, 0.5)]
    [InlineData("linkage.colocation", 0.01, 0.1)]
    [InlineData("linkage.shared_home", 0.01, 0.1)]
    [InlineData("home.share_inferred", 0.1, 0.5)]
    [InlineData("site.followed_home", 0.01, 0.1)]
    public void Assess_levels_change_exactly_at_each_default_threshold(string figure, double medium, double high)
    {
        const double Below = 1e-9;

        Assert.Equal(RiskLevel.Low, LevelWith(figure, 0));
        Assert.Equal(RiskLevel.Low, LevelWith(figure, medium - Below));
        Assert.Equal(RiskLevel.Medium, LevelWith(figure, medium));
        Assert.Equal(RiskLevel.Medium, LevelWith(figure, high - Below));
        Assert.Equal(RiskLevel.High, LevelWith(figure, high));
        Assert.Equal(RiskLevel.High, LevelWith(figure, 1));
    }

    [Fact]
    public void Assess_with_no_figures_assesses_nothing()
    {
        RiskVerdict verdict = RiskVerdict.Assess(new VerdictInputs());

        Assert.All(verdict.Criteria, c => Assert.Equal(RiskLevel.NotAssessed, c.Level));
        Assert.Equal(RiskLevel.NotAssessed, verdict.Overall);
        Assert.Equal("Singling out: not assessed (no figure was computed).", verdict.SinglingOut.Explanation);
    }

    [Fact]
    public void Assess_reports_every_figure_with_its_thresholds_and_explains_the_deciding_one()
    {
        RiskVerdict verdict = RiskVerdict.Assess(s_everything);

        // Singling out: 0.93 ≥ 0.5 High (first High figure decides); linkability: 0.6 ≥ 0.5 High;
        // inference: 0.45 in [0.1, 0.5) Medium, 0.2 ≥ 0.1 High.
        Assert.Equal(RiskLevel.High, verdict.SinglingOut.Level);
        Assert.Equal(5, verdict.SinglingOut.Figures.Count);
        Assert.Equal("Singling out risk is high: 4 random points single out 93 % of devices at 100 m / 1 h.", verdict.SinglingOut.Explanation);
        Assert.Equal(RiskLevel.High, verdict.Linkability.Level);
        Assert.Equal(
            [RiskLevel.High, RiskLevel.Medium, RiskLevel.Low],
            verdict.Linkability.Figures.Select(f => f.Level));
        Assert.Equal(RiskLevel.High, verdict.Inference.Level);
        Assert.Equal("Inference risk is high: 20 % of devices seen at a sensitive site can be followed home.", verdict.Inference.Explanation);
        VerdictFigure home = verdict.Inference.Figures[0];
        Assert.Equal(("home.share_inferred", 0.45, 0.1, 0.5, RiskLevel.Medium), (home.MetricId, home.Value, home.MediumAt, home.HighAt, home.Level));
        Assert.Equal(RiskLevel.High, verdict.Overall);
    }

    [Fact]
    public void Overall_is_the_highest_criterion()
    {
        // Singling out Low (0.01 < 0.05), linkability Medium (0.05 in [0.01, 0.1)), inference not assessed -> Medium.
        RiskVerdict verdict = RiskVerdict.Assess(new VerdictInputs { UnicityExpectedFinest = 0.01, ShareSharingHome = 0.05 });

        Assert.Equal(RiskLevel.Low, verdict.SinglingOut.Level);
        Assert.Equal("Singling out risk is low: 4 random points single out 1 % of devices at the finest resolution.", verdict.SinglingOut.Explanation);
        Assert.Equal(RiskLevel.Medium, verdict.Linkability.Level);
        Assert.Equal(RiskLevel.NotAssessed, verdict.Inference.Level);
        Assert.Equal(RiskLevel.Medium, verdict.Overall);
    }

    [Fact]
    public void Assess_uses_the_given_thresholds()
    {
        var strict = new VerdictOptions { UnicityExpectedMedium = 0.001, UnicityExpectedHigh = 0.01 };

        RiskVerdict verdict = RiskVerdict.Assess(new VerdictInputs { UnicityExpectedFinest = 0.02, UnicityPoints = 2 }, strict);

        Assert.Equal(RiskLevel.High, verdict.SinglingOut.Level);
        Assert.Equal(0.01, verdict.SinglingOut.Figures[0].HighAt);
        Assert.StartsWith("Singling out risk is high: 2 random points single out 2 % of devices", verdict.SinglingOut.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Assess_rejects_a_figure_that_is_not_a_share(double value) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RiskVerdict.Assess(new VerdictInputs { ShareSharingHome = value }));

    [Theory]
    [InlineData(0.934, "93 %")]
    [InlineData(0.1, "10 %")]
    [InlineData(0.0123, "1.2 %")]
    [InlineData(0, "0 %")]
    public void Percent_gives_whole_percents_from_10_and_one_decimal_below(double share, string expected) =>
        Assert.Equal(expected, RiskVerdict.Percent(share));

    private static RiskLevel LevelWith(string figure, double value)
    {
        VerdictInputs inputs = figure switch
        {
            "unicity.expected.finest" => new VerdictInputs { UnicityExpectedFinest = value },
            "unicity.expected.coarsest" => new VerdictInputs { UnicityExpectedCoarsest = value },
            "unicity.worst.finest" => new VerdictInputs { UnicityWorstFinest = value },
            "unicity.worst.coarsest" => new VerdictInputs { UnicityWorstCoarsest = value },
            "homework.share_unique" => new VerdictInputs { HomeWorkShareUnique = value },
            "homework.share_below_k" => new VerdictInputs { HomeWorkShareBelowK = value },
            "linkage.colocation" => new VerdictInputs { ShareLinkedByColocation = value },
            "linkage.shared_home" => new VerdictInputs { ShareSharingHome = value },
            "home.share_inferred" => new VerdictInputs { ShareWithInferredHome = value },
            _ => new VerdictInputs { ShareAtSiteFollowedHome = value },
        };
        RiskVerdict verdict = RiskVerdict.Assess(inputs);
        CriterionVerdict assessed = Assert.Single(verdict.Criteria, c => c.Level != RiskLevel.NotAssessed);
        Assert.Equal(assessed.Level, verdict.Overall);
        return assessed.Level;
    }
}
