namespace AdintAudit.Quality;

/// <summary>
/// The quality screen's figures for one partition of the devices, in a form that <see cref="QualityScreen.MergeReports"/>
/// merges exactly: counts are summed, and examples carry their device's global index and their row within the device, so
/// the merged examples are the first ones in (global device, row) order, as the screen of the whole table gives them.
/// </summary>
public sealed class QualityReportPartial
{
    internal QualityReportPartial(long inputPings, long cleanPings, QualityFacts facts, int examplesPerCheck, CheckTally[] checks)
    {
        InputPings = inputPings;
        CleanPings = cleanPings;
        WindowStartMs = facts.WindowStartMs;
        WindowEndMs = facts.WindowEndMs;
        WindowSource = facts.WindowSource;
        ExamplesPerCheck = examplesPerCheck;
        Checks = checks;
    }

    /// <summary>Pings screened in this partition.</summary>
    public long InputPings { get; }

    /// <summary>Pings kept in this partition.</summary>
    public long CleanPings { get; }

    internal long WindowStartMs { get; }

    internal long WindowEndMs { get; }

    internal string WindowSource { get; }

    internal int ExamplesPerCheck { get; }

    internal CheckTally[] Checks { get; }

    /// <summary>One check's count and first examples in one partition.</summary>
    internal sealed record CheckTally(string Name, bool Removed, long Pings, QualityExample[] Examples);
}
