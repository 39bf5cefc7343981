using AdintAudit.Data;
using AdintAudit.Quality;
using AdintAudit.Risk.Verdict;

namespace AdintAudit.Tests.Risk.Verdict;

public sealed class MetricGlossaryTests
{
    [Fact]
    public void Every_metric_the_verdict_uses_has_an_entry()
    {
        RiskVerdict verdict = RiskVerdict.Assess(new VerdictInputs
        {
            UnicityExpectedFinest = 0.5,
            UnicityWorstFinest = 0.5,
            UnicityExpectedCoarsest = 0.5,
            UnicityWorstCoarsest = 0.5,
            HomeWorkShareUnique = 0.5,
            HomeWorkShareBelowK = 0.5,
            ShareLinkedByColocation = 0.5,
            ShareSharingHome = 0.5,
            ShareWithInferredHome = 0.5,
            ShareAtSiteFollowedHome = 0.5,
        });

        string[] used = [.. verdict.Criteria.SelectMany(c => c.Figures).Select(f => f.MetricId).Distinct()];

        Assert.Equal(8, used.Length);
        Assert.All(used, id => Assert.Equal(id, MetricGlossary.Get(id).Id));
        Assert.All(["verdict.singling_out", "verdict.linkability", "verdict.inference", "verdict.overall"], id => MetricGlossary.Get(id));
    }

    [Fact]
    public void Every_quality_check_has_an_entry()
    {
        PingTable pings = PingTable.FromRows(["a", "a"], [0, 1000], [52.5, 52.5001], [13.4, 13.4001]);

        QualityReport report = QualityScreen.Screen(pings).Report;

        Assert.All(report.Checks, check => Assert.True(MetricGlossary.TryGet("quality." + check.Name, out _), check.Name));
    }

    [Fact]
    public void Every_report_metric_named_in_the_task_has_an_entry()
    {
        string[] ids =
        [
            "unicity.expected", "unicity.worst", "homework.anonymity_set", "homework.share_unique", "homework.share_below_k",
            "arx.highest_risk", "arx.success_rate", "arx.records_at_risk", "topn.ordered", "topn.unordered",
            "attack.knowledge_length", "attack.location", "attack.location_sequence", "attack.location_time", "attack.unique_location",
            "attack.frequency", "attack.probability", "attack.proportion", "attack.home_work",
            "site.devices", "site.pings", "site.days", "site.dwell", "site.followed_home", "site.home_distance", "site.staff",
            "site.unique_by_home_work", "linkage.colocation", "linkage.shared_home", "home.share_inferred", "whatif.relative_change",
        ];

        Assert.All(ids, id => Assert.True(MetricGlossary.TryGet(id, out _), id));
    }

    [Fact]
    public void No_explanation_is_empty_and_ids_are_unique_lowercase_dotted()
    {
        Assert.Equal(MetricGlossary.All.Count, MetricGlossary.All.Select(e => e.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(MetricGlossary.All, e =>
        {
            Assert.Matches("^[a-z]+\\.[a-z_]+$", e.Id);
            Assert.All([e.Name, e.Meaning, e.Computation, e.Parameters, e.Source], text => Assert.False(string.IsNullOrWhiteSpace(text), e.Id));
        });
    }

    [Fact]
    public void Get_of_an_unknown_id_throws()
    {
        Assert.Throws<KeyNotFoundException>(() => MetricGlossary.Get("unicity.nonsense"));
        Assert.False(MetricGlossary.TryGet("unicity.nonsense", out _));
    }
}
