using AdintAudit.Mobility;
using AdintAudit.Quality;
using AdintAudit.Risk.Anonymity;
using AdintAudit.Risk.Linkage;
using AdintAudit.Risk.Mitigation;
using AdintAudit.Risk.Unicity;
using AdintAudit.Risk.Verdict;
using AdintAudit.Sites;

namespace AdintAudit.Audit;

/// <summary>An input file of the audit, for the reproducibility section.</summary>
/// <param name="Path">The path as given.</param>
/// <param name="Bytes">Size in bytes.</param>
/// <param name="Sha256">SHA-256 of the content, lower-case hex.</param>
public sealed record AuditInputFile(string Path, long Bytes, string Sha256);

/// <summary>How long a stage took.</summary>
/// <param name="Stage">Stage name.</param>
/// <param name="Seconds">Wall-clock seconds.</param>
/// <param name="Units">Units processed (pings or devices).</param>
/// <param name="Unit">What a unit is.</param>
public sealed record StageTiming(string Stage, double Seconds, long Units, string Unit);

/// <summary>One background-knowledge attack's outcome, aggregated over devices.</summary>
/// <param name="Spec">The attack and k.</param>
/// <param name="Devices">Devices with a risk (targets with data).</param>
/// <param name="MeanRisk">Mean risk.</param>
/// <param name="MedianRisk">Median risk.</param>
/// <param name="ShareRiskOne">Share of devices with risk 1 (re-identified with certainty).</param>
/// <param name="ShareRiskAtLeastHalf">Share with risk ≥ 0.5.</param>
/// <param name="TruncatedDevices">Devices whose search hit the instance bound (their risk is a lower bound).</param>
/// <param name="MaxInstancesPerDevice">That bound.</param>
/// <param name="Seconds">Run time.</param>
/// <param name="Risk">Risk per device, in device order (NaN = not assessed); never written with device ids unless asked.</param>
public sealed record AttackSummary(AttackSpec Spec, int Devices, double MeanRisk, double MedianRisk, double ShareRiskOne, double ShareRiskAtLeastHalf,
    int TruncatedDevices, long MaxInstancesPerDevice, double Seconds, IReadOnlyList<double> Risk);

/// <summary>Everything an audit found; the report is rendered from it.</summary>
public sealed class AuditResult
{
    /// <summary>Version of AdintAudit that produced the result.</summary>
    public required string ToolVersion { get; init; }

    /// <summary>When the audit started (UTC).</summary>
    public required DateTimeOffset StartedUtc { get; init; }

    /// <summary>The options used.</summary>
    public required AuditOptions Options { get; init; }

    /// <summary>How the audit ran: in memory or in device partitions, and why.</summary>
    public required AuditPlan Plan { get; init; }

    /// <summary>Input files with their hashes.</summary>
    public required IReadOnlyList<AuditInputFile> Inputs { get; init; }

    /// <summary>Rows read from the inputs.</summary>
    public required long RowsRead { get; init; }

    /// <summary>Rows dropped for missing values on load.</summary>
    public required long RowsDroppedOnLoad { get; init; }

    /// <summary>How timestamps were interpreted.</summary>
    public required string TimestampSource { get; init; }

    /// <summary>The sites file with its hash, when given.</summary>
    public AuditInputFile? SitesFile { get; init; }

    /// <summary>The truth file with its hash, when given.</summary>
    public AuditInputFile? TruthFile { get; init; }

    /// <summary>Profile of the pings as loaded.</summary>
    public required DatasetProfile Profile { get; init; }

    /// <summary>The quality screen's findings.</summary>
    public required QualityReport Quality { get; init; }

    /// <summary>Stays, places, homes and the cleaned pings per device.</summary>
    public required AuditMobility Mobility { get; init; }

    /// <summary>Inference accuracy against the truth, when given.</summary>
    public InferenceAccuracy? Accuracy { get; init; }

    /// <summary>Unicity curves.</summary>
    public required UnicityResult Unicity { get; init; }

    /// <summary>Home/work pair anonymity sets.</summary>
    public required HomeWorkAnonymityResult HomeWorkAnonymity { get; init; }

    /// <summary>Top-N place anonymity sets.</summary>
    public required TopPlacesAnonymityResult TopPlaces { get; init; }

    /// <summary>Co-location linkage and shared homes.</summary>
    public required LinkageResult Linkage { get; init; }

    /// <summary>Background-knowledge attacks.</summary>
    public required IReadOnlyList<AttackSummary> Attacks { get; init; }

    /// <summary>The sensitive sites, when given.</summary>
    public SiteCatalog? Sites { get; init; }

    /// <summary>Sensitive-site exposure, when sites were given.</summary>
    public SiteExposureResult? SiteExposure { get; init; }

    /// <summary>Inferred homes on the published grid.</summary>
    public required HomeDensityGrid HomeGrid { get; init; }

    /// <summary>Before/after figures of each mitigation.</summary>
    public required WhatIfTable WhatIfs { get; init; }

    /// <summary>The Article 29 WP verdict.</summary>
    public required RiskVerdict Verdict { get; init; }

    /// <summary>Run time of each stage.</summary>
    public required IReadOnlyList<StageTiming> Timings { get; init; }
}
