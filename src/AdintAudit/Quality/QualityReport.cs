namespace AdintAudit.Quality;

/// <summary>The quality screen's figures, for the report.</summary>
/// <param name="InputPings">Pings screened.</param>
/// <param name="CleanPings">Pings in the cleaned table.</param>
/// <param name="WindowStartMs">The dataset window's start (UTC epoch ms).</param>
/// <param name="WindowEndMs">The dataset window's end (exclusive).</param>
/// <param name="WindowSource">Whether the window was given or derived.</param>
/// <param name="Checks">One entry per check, in a fixed order.</param>
public sealed record QualityReport(long InputPings, long CleanPings, long WindowStartMs, long WindowEndMs, string WindowSource, IReadOnlyList<QualityCheck> Checks);
