using System.Diagnostics;
using System.Reflection;
using System.Security.Cryptography;
using AdintAudit.Data;
using AdintAudit.Mobility;
using AdintAudit.Risk.Anonymity;
using AdintAudit.Risk.Attacks;
using AdintAudit.Risk.Linkage;
using AdintAudit.Risk.Mitigation;
using AdintAudit.Risk.Verdict;
using AdintAudit.Scale;
using AdintAudit.Sites;

namespace AdintAudit.Audit;

/// <summary>The files an audit reads.</summary>
/// <param name="Pings">Parquet or CSV files, or folders of them.</param>
/// <param name="SitesPath">GeoJSON of sensitive sites; null for none.</param>
/// <param name="TruthPath">Ground truth of homes and work places (the generator's truth_devices); null for none.</param>
public sealed record AuditInput(IReadOnlyList<string> Pings, string? SitesPath = null, string? TruthPath = null);

/// <summary>
/// Runs the whole pipeline: load, profile, quality screen, stays, places, home and work, then every risk measure and the
/// mitigation what-ifs, and returns one <see cref="AuditResult"/> from which the reports are rendered.
/// </summary>
/// <remarks>
/// Inputs that can be wrong (sites, truth) are read before the long stages, so a bad file fails in seconds. Every stage
/// reports progress; cancellation is checked between stages and inside the long ones.
/// </remarks>
public static class AuditRunner
{
    private static readonly string[] s_stages =
    [
        "load", "scan", "profile, quality, stays, places, homes", "unicity", "anonymity sets", "linkage", "sensitive sites",
        "attacks", "what-ifs", "verdict",
    ];

    /// <summary>Runs the audit.</summary>
    /// <param name="input">The files.</param>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <param name="progress">Receives progress on the calling thread or a worker thread; may be null.</param>
    /// <param name="cancellationToken">Stops the audit (throws <see cref="OperationCanceledException"/>).</param>
    /// <exception cref="InputFormatException">An input file is malformed (the message names it).</exception>
    /// <remarks>
    /// In memory when the inputs fit <see cref="AuditOptions.MemoryBudgetBytes"/>, otherwise out of core: the pings are
    /// spilled into device partitions (<see cref="PingPartitioner"/>) and every stage runs partition by partition, its
    /// partial results merged exactly. The in-memory run is the same code with one partition, so both give the same
    /// result.
    /// </remarks>
    public static AuditResult Run(AuditInput input, AuditOptions? options = null, IProgress<AuditProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= new AuditOptions();
        options = WithThreads(options);
        DateTimeOffset started = DateTimeOffset.UtcNow;
        var stages = new StageClock(progress);

        // Small side inputs first: a wrong sites or truth file must not cost a full run.
        SiteCatalog? sites = input.SitesPath is null ? null : SiteCatalog.Load(input.SitesPath);
        if (input.TruthPath is not null && !File.Exists(input.TruthPath))
        {
            throw new InputFormatException($"{input.TruthPath}: file not found");
        }

        AuditPlan plan = AuditPlan.Choose(input.Pings, options.MemoryBudgetBytes, options.Partitions, options.MaxDegreeOfParallelism);
        stages.Begin(0, "pings", plan.EstimatedPings, plan);
        using AuditPartitions partitions = plan.InMemory
            ? AuditPartitions.InMemory(input.Pings, options.Load, cancellationToken)
            : AuditPartitions.Spill(input.Pings, options, plan.Partitions, stages.Counter(), cancellationToken);
        SpillStatistics statistics = partitions.Statistics;
        AuditInputFile[] files = [.. statistics.Files.Select(f => Describe(f, cancellationToken))];
        stages.End(statistics.RowsRead, "pings");

        AuditSweeps sweeps = AuditSweeps.Run(partitions, sites, options, stages, cancellationToken);
        AuditMobility mobility = sweeps.Mobility;
        HomeWorkTable homes = mobility.Homes;
        InferenceAccuracy? accuracy = input.TruthPath is null ? null : InferenceAccuracy.Score(homes, input.TruthPath);

        stages.Begin(4, "devices", homes.Count);
        HomeWorkAnonymityResult homeWork = HomeWorkAnonymity.Compute(homes, options.Anonymity);
        TopPlacesAnonymityResult topPlaces = TopPlacesAnonymity.Compute(mobility.Places, options.Anonymity);
        stages.End(homes.Count, "devices");

        cancellationToken.ThrowIfCancellationRequested();
        stages.Begin(5, "stays", mobility.Stays.Count);
        LinkageResult linkage = CoLocationLinkage.Find(mobility.Stays, homes, options.Linkage);
        stages.End(mobility.Stays.Count, "stays");

        cancellationToken.ThrowIfCancellationRequested();
        stages.Begin(6, "pings", sweeps.SiteHits?.Pings.Count ?? 0);
        SiteExposureResult? exposure = sites is null || sweeps.SiteHits is null
            ? null
            : SiteExposureAnalyzer.Compute(sweeps.SiteHits, sites, mobility.Stays, homes, mobility.LocalTime, homeWork.DeviceSetSizes(0), options.Sites, cancellationToken);
        stages.End(sweeps.SiteHits?.Pings.Count ?? 0, "pings");

        stages.Begin(7, "attacks", options.Attacks.Count);
        IReadOnlyList<AttackSummary> attacks = RunAttacks(mobility, options, stages, cancellationToken);
        stages.End(options.Attacks.Count, "attacks");

        stages.Begin(8, "what-ifs", options.WhatIfs.Count);
        WhatIfTable whatIfs = WhatIfRunner.Run(sweeps.WhatIfSample, sites, options, stages.Counter(), cancellationToken);
        stages.End(options.WhatIfs.Count, "what-ifs");

        stages.Begin(9, "criteria", 3);
        RiskVerdict verdict = RiskVerdicts.Assess(sweeps.Unicity, homeWork, linkage, exposure, homes, options);
        HomeDensityGrid grid = options.MapCellMeters is double cell
            ? HomeDensityGrid.Compute(homes, cell, options.MinDevicesPerCell)
            : HomeDensityGrid.ComputeAdaptive(homes, options.MinDevicesPerCell);
        stages.End(3, "criteria");

        return new AuditResult
        {
            ToolVersion = Version,
            StartedUtc = started,
            Options = options,
            Plan = plan,
            Inputs = files,
            RowsRead = statistics.RowsRead,
            RowsDroppedOnLoad = statistics.RowsDroppedNull,
            TimestampSource = statistics.TimestampSource,
            SitesFile = input.SitesPath is null ? null : Describe(input.SitesPath, cancellationToken),
            TruthFile = input.TruthPath is null ? null : Describe(input.TruthPath, cancellationToken),
            Profile = sweeps.Profile,
            Quality = mobility.Quality,
            Mobility = mobility,
            Accuracy = accuracy,
            Unicity = sweeps.Unicity,
            HomeWorkAnonymity = homeWork,
            TopPlaces = topPlaces,
            Linkage = linkage,
            Attacks = attacks,
            Sites = sites,
            SiteExposure = exposure,
            HomeGrid = grid,
            WhatIfs = whatIfs,
            Verdict = verdict,
            Timings = stages.Timings,
        };
    }

    /// <summary>The informational version of the library (from the assembly).</summary>
    public static string Version { get; } =
        typeof(AuditRunner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    private static AuditOptions WithThreads(AuditOptions options)
    {
        int threads = options.MaxDegreeOfParallelism <= 0 ? Environment.ProcessorCount : options.MaxDegreeOfParallelism;
        PipelineOptions p = options.Pipeline;
        return options with
        {
            MaxDegreeOfParallelism = threads,
            Pipeline = p with
            {
                Stays = p.Stays with { MaxDegreeOfParallelism = threads },
                Places = p.Places with { MaxDegreeOfParallelism = threads },
                HomeWork = p.HomeWork with { MaxDegreeOfParallelism = threads },
            },
            Unicity = options.Unicity with { MaxDegreeOfParallelism = threads },
            Sites = options.Sites with { MaxDegreeOfParallelism = threads },
        };
    }

    private static List<AttackSummary> RunAttacks(AuditMobility run, AuditOptions options, StageClock stages, CancellationToken cancellationToken)
    {
        var summaries = new List<AttackSummary>(options.Attacks.Count);
        if (options.Attacks.Count == 0)
        {
            return summaries;
        }

        AttackInput attackInput = AttackInputBuilder.FromStays(run.Stays, run.Places, run.Homes, options.AttackCellMeters);
        foreach (AttackSpec spec in options.Attacks)
        {
            var clock = Stopwatch.StartNew();
            var attackOptions = new AttackOptions
            {
                Kind = spec.Kind,
                KnowledgeLength = spec.KnowledgeLength,
                MaxDegreeOfParallelism = options.MaxDegreeOfParallelism,
            };
            AttackResult result = BackgroundKnowledgeAttack.Run(attackInput, attackOptions, cancellationToken);
            summaries.Add(Summarise(spec, result, attackOptions.MaxInstancesPerDevice, clock.Elapsed.TotalSeconds));
            stages.Step();
        }

        return summaries;
    }

    private static AttackSummary Summarise(AttackSpec spec, AttackResult result, long bound, double seconds)
    {
        var values = new List<double>(result.Risk.Count);
        int one = 0;
        int half = 0;
        double sum = 0;
        foreach (double r in result.Risk)
        {
            if (double.IsNaN(r))
            {
                continue;
            }

            values.Add(r);
            sum += r;
            one += r >= 1 ? 1 : 0;
            half += r >= 0.5 ? 1 : 0;
        }

        values.Sort();
        int n = values.Count;
        double median = n == 0 ? double.NaN : n % 2 == 1 ? values[n / 2] : (values[(n / 2) - 1] + values[n / 2]) / 2;
        return new AttackSummary(spec, n, n == 0 ? double.NaN : sum / n, median, n == 0 ? double.NaN : one / (double)n,
            n == 0 ? double.NaN : half / (double)n, result.TruncatedCount, bound, seconds, result.Risk);
    }

    private static AuditInputFile Describe(string path, CancellationToken cancellationToken)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        byte[] buffer = new byte[1 << 20];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            sha.AppendData(buffer, 0, read);
        }

        return new AuditInputFile(path, stream.Length, Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    /// <summary>Times stages and turns their counters into <see cref="AuditProgress"/> reports.</summary>
    internal sealed class StageClock(IProgress<AuditProgress>? progress)
    {
        private readonly List<StageTiming> _timings = [];
        private readonly Stopwatch _clock = new();
        private int _index;
        private long _total;
        private long _done;
        private string _unit = "";

        public IReadOnlyList<StageTiming> Timings => _timings;

        public void Begin(int index, string unit, long total, AuditPlan? plan = null)
        {
            _index = index;
            _unit = unit;
            _total = total;
            _done = 0;
            _clock.Restart();
            progress?.Report(new AuditProgress(s_stages[index], index, s_stages.Length, 0, total, unit, false) { Plan = plan });
        }

        public void Step() => Report(Interlocked.Increment(ref _done));

        public void Advance(long units) => Report(Interlocked.Add(ref _done, units));

        public IProgress<long> Counter() => new CounterProgress(this);

        public void End(long units, string unit)
        {
            _timings.Add(new StageTiming(s_stages[_index], _clock.Elapsed.TotalSeconds, units, unit));
            _unit = unit;
            progress?.Report(new AuditProgress(s_stages[_index], _index, s_stages.Length, units, Math.Max(units, _total), unit, true));
        }

        private void Report(long done) => progress?.Report(new AuditProgress(s_stages[_index], _index, s_stages.Length, done, _total, _unit, false));

        private sealed class CounterProgress(StageClock clock) : IProgress<long>
        {
            public void Report(long value) => clock.Report(value);
        }
    }
}
