using AdintAudit.Data;
using AdintAudit.Mobility;
using AdintAudit.Risk.Anonymity;
using AdintAudit.Risk.Linkage;
using AdintAudit.Risk.Mitigation;
using AdintAudit.Risk.Unicity;
using AdintAudit.Risk.Verdict;
using AdintAudit.Sites;

namespace AdintAudit.Audit;

/// <summary>Everything an audit needs to know besides its inputs. Each stage's defaults live in that stage's options record.</summary>
public sealed record AuditOptions
{
    /// <summary>Column mapping and timestamp unit of the input files.</summary>
    public PingLoadOptions Load { get; init; } = new();

    /// <summary>Quality screen, stays, places, home and work, time zone.</summary>
    public PipelineOptions Pipeline { get; init; } = new();

    /// <summary>Unicity (ε_p at several resolutions).</summary>
    public UnicityOptions Unicity { get; init; } = new();

    /// <summary>Home/work and top-N anonymity sets.</summary>
    public AnonymityOptions Anonymity { get; init; } = new();

    /// <summary>Co-location linkage and shared homes.</summary>
    public LinkageOptions Linkage { get; init; } = new();

    /// <summary>Sensitive-site exposure.</summary>
    public SiteExposureOptions Sites { get; init; } = new();

    /// <summary>Thresholds of the Article 29 WP verdict.</summary>
    public VerdictOptions Verdict { get; init; } = new();

    /// <summary>Background-knowledge attacks summarised in the report: (attack, k) pairs. Default: location k = 2 and 4, home-work.</summary>
    public IReadOnlyList<AttackSpec> Attacks { get; init; } = AttackSpec.Defaults;

    /// <summary>Grid cell of the background-knowledge attacks' locations, in meters (default 250).</summary>
    public double AttackCellMeters { get; init; } = 250;

    /// <summary>Mitigations whose effect the report shows (default <see cref="Mitigations.Defaults"/>); empty to skip.</summary>
    public IReadOnlyList<WhatIfMitigation> WhatIfs { get; init; } = Mitigations.Defaults;

    /// <summary>
    /// Devices sampled for the unicity figures of each what-if (default 2,000): every mitigation re-runs the pipeline,
    /// so the what-if table trades a wider confidence interval for a bounded run time; the sample is stated.
    /// </summary>
    public int WhatIfUnicityDevices { get; init; } = 2_000;

    /// <summary>
    /// Pings the what-ifs run on, about (default 2,000,000): devices are sampled by a hash of their id at the rate
    /// min(1, this / input rows), so every mitigation's re-run of the mobility stages costs the same on any dataset size;
    /// below the cap every device is used. The table states the sample (<see cref="WhatIfSample"/>).
    /// </summary>
    public int WhatIfMaxPings { get; init; } = 2_000_000;

    /// <summary>
    /// Cell edge of the inferred-home map in meters; null (default) picks the smallest of
    /// <see cref="HomeDensityGrid.CellLadderMeters"/> that shows at least half of the homes in cells of k or more.
    /// </summary>
    public double? MapCellMeters { get; init; }

    /// <summary>k of the published map and of per-site home figures: cells or sites with fewer devices are suppressed (default 5).</summary>
    public int MinDevicesPerCell { get; init; } = 5;

    /// <summary>
    /// Memory budget in bytes; null (default) for <see cref="AuditPlan.DefaultBudgetBytes"/> (a quarter of the memory
    /// available). Inputs estimated above it are audited out of core in device partitions; the results are the same.
    /// </summary>
    public long? MemoryBudgetBytes { get; init; }

    /// <summary>Device partitions to use whatever the budget (1 = in memory); null (default) to derive them from the budget.</summary>
    public int? Partitions { get; init; }

    /// <summary>
    /// Folder under which the partitions of an out-of-core run are spilled (a new sub-folder, deleted at the end);
    /// null (default) for the system's temporary folder.
    /// </summary>
    public string? WorkDirectory { get; init; }

    /// <summary>Threads (0 = all cores); results do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; }
}
