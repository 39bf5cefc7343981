namespace AdintAudit.Audit;

/// <summary>Where an audit is: which stage, and how far through it.</summary>
/// <param name="Stage">The stage's name, for example <c>stays, places, homes</c>.</param>
/// <param name="StageIndex">0-based index of the stage among <paramref name="StageCount"/>.</param>
/// <param name="StageCount">Number of stages this audit runs.</param>
/// <param name="Done">Units done in this stage.</param>
/// <param name="Total">Units in this stage (0 when unknown).</param>
/// <param name="Unit">What a unit is: <c>pings</c>, <c>devices</c>, <c>what-ifs</c>.</param>
/// <param name="Finished">True on the last report of a stage.</param>
public sealed record AuditProgress(string Stage, int StageIndex, int StageCount, long Done, long Total, string Unit, bool Finished)
{
    /// <summary>How the audit runs (in memory or partitioned), on the first report of the first stage; null otherwise.</summary>
    public AuditPlan? Plan { get; init; }
}
