using AdintAudit.Data;

namespace AdintAudit.Quality;

/// <summary>The output of <see cref="QualityScreen.Screen(PingTable, QualityOptions?)"/> (or of one partition's screen).</summary>
/// <param name="Clean">
/// The cleaned table: removed checks dropped, every device of the input kept (so device numbers stay those of the input),
/// equal timestamps of a device ordered by lat, lon, accuracy.
/// </param>
/// <param name="IpLike">One flag per row of <paramref name="Clean"/>: shared coordinate or IP-like precision; stays and home evidence ignore these.</param>
/// <param name="Report">The figures of the pings screened (for one partition: of that partition only).</param>
/// <param name="Partial">The figures in mergeable form, for <see cref="QualityScreen.MergeReports"/>.</param>
public sealed record QualityResult(PingTable Clean, bool[] IpLike, QualityReport Report, QualityReportPartial Partial);
