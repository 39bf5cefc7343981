using AdintAudit.Data;
using AdintAudit.Mobility;
using AdintAudit.Quality;
using AdintAudit.Risk.Unicity;
using AdintAudit.Scale;
using AdintAudit.Sites;

namespace AdintAudit.Audit;

/// <summary>
/// The per-device part of the audit, partition by partition, and the exact merge of its partial results.
/// </summary>
/// <remarks>
/// <para>Three sweeps over the partitions, each partition a <see cref="PingTable"/> of whole devices:</para>
/// <list type="number">
/// <item>scan: the device ids, and the quality screen's removal checks, whose kept pings give the shared coordinates and
/// the local clock (both need every device);</item>
/// <item>analyze: profile, quality screen with those global facts, stays, places, home and work, and the partial inputs of
/// the later stages (unicity traces of the sampled devices, pings at sites, the what-if sample);</item>
/// <item>postings: for the points of the sampled devices' traces, which devices hold them (unicity).</item>
/// </list>
/// <para>With several partitions, partitions run in parallel and each stage inside on one thread; with one (in memory),
/// the stages use every thread. Each partial is merged in global device order, so the result does not depend on the
/// number of partitions or threads.</para>
/// </remarks>
internal sealed class AuditSweeps
{
    private AuditSweeps(AuditMobility mobility, DatasetProfile profile, UnicityResult unicity, SiteHits? siteHits, WhatIfSample whatIfSample)
    {
        Mobility = mobility;
        Profile = profile;
        Unicity = unicity;
        SiteHits = siteHits;
        WhatIfSample = whatIfSample;
    }

    /// <summary>Stays, places, homes of every device.</summary>
    public AuditMobility Mobility { get; }

    /// <summary>Profile of the pings as loaded.</summary>
    public DatasetProfile Profile { get; }

    /// <summary>Unicity curves.</summary>
    public UnicityResult Unicity { get; }

    /// <summary>The cleaned pings at sites (global device numbers), or null without sites.</summary>
    public SiteHits? SiteHits { get; }

    /// <summary>The cleaned pings of the devices sampled for the what-ifs.</summary>
    public WhatIfSample WhatIfSample { get; }

    /// <summary>Runs the three sweeps and merges.</summary>
    public static AuditSweeps Run(AuditPartitions partitions, SiteCatalog? sites, AuditOptions options, AuditRunner.StageClock stages,
        CancellationToken cancellationToken)
    {
        int count = partitions.Count;
        SpillStatistics statistics = partitions.Statistics;
        QualityOptions quality = options.Pipeline.Quality;
        string? zone = options.Pipeline.TimeZone;
        int threads = options.MaxDegreeOfParallelism;
        int outer = count == 1 ? 1 : Math.Min(threads, count);
        int inner = count == 1 ? threads : 1;
        PipelineOptions pipeline = StagePipeline(options, inner);
        long rows = statistics.RowsRead - statistics.RowsDroppedNull;

        // 1. Scan.
        stages.Begin(1, "pings", rows);
        (long windowStart, long windowEnd, string windowSource) = QualityScreen.Window(statistics.Days, quality);
        var scans = new QualityScan[count];
        var ids = new IReadOnlyList<string>[count];
        ForEach(count, outer, p =>
        {
            PingTable table = partitions.Load(p, cancellationToken);
            ids[p] = table.DeviceIds;
            scans[p] = QualityScreen.Scan(table, quality, windowStart, windowEnd, statistics.Buckets);
            stages.Advance(table.Count);
        }, cancellationToken);
        DeviceDirectory directory = DeviceDirectory.Build(ids);
        Array.Clear(ids);
        QualityFacts facts = QualityScreen.Facts(scans, quality, windowStart, windowEnd, windowSource);
        LocalTime clock = MobilityPipeline.LocalClock(scans, zone);
        LocalTime profileClock = zone is null ? statistics.Longitudes.ToLocalTime() : LocalTime.FromTimeZone(zone);
        int devices = directory.Count;
        stages.End(rows, "pings");

        // 2. Analyze.
        cancellationToken.ThrowIfCancellationRequested();
        stages.Begin(2, "pings", rows);
        UnicityOptions unicityOptions = options.Unicity with { MaxDegreeOfParallelism = inner };
        double whatIfRate = WhatIfSample.RateFor(statistics.RowsRead, options.WhatIfMaxPings);
        var profiles = new DatasetProfilePartial[count];
        var reports = new QualityReportPartial[count];
        var stays = new StayTable[count];
        var places = new PlaceTable[count];
        var homes = new HomeWorkTable[count];
        var traces = new UnicityTraces[count];
        var hits = new SiteHitsPartial?[count];
        var samples = new WhatIfSamplePartial[count];
        var globals = new int[count][];
        var pingStarts = new int[count][];
        int[] kept = new int[devices];
        PingTable? cleanedInMemory = null;
        ForEach(count, outer, p =>
        {
            PingTable table = partitions.Load(p, cancellationToken);
            int[] global = directory.GlobalIndex(p);
            globals[p] = global;
            profiles[p] = DatasetProfile.ComputePartial(table, global, profileClock);
            MobilityRun run = MobilityPipeline.Run(table, PipelineStage.Homes, pipeline, facts, clock, global);
            reports[p] = run.Quality!.Partial;
            stays[p] = run.Stays!;
            places[p] = run.Places!;
            homes[p] = run.Homes!;
            PingTable used = run.Used;
            int[] start = used.DeviceStartArray;
            pingStarts[p] = start;
            for (int d = 0; d < used.DeviceCount; d++)
            {
                kept[global[d]] = start[d + 1] - start[d];
            }

            traces[p] = UnicityEstimator.CollectTraces(used, global, devices, unicityOptions, cancellationToken);
            hits[p] = sites is null ? null : SiteHits.CollectPartial(used, global, sites, options.Sites with { MaxDegreeOfParallelism = inner }, cancellationToken);
            samples[p] = WhatIfSample.CollectPartial(used, run.Quality.IpLike, global, whatIfRate);
            if (count == 1)
            {
                cleanedInMemory = used;
            }
            else
            {
                partitions.SaveCleaned(p, used);
            }

            stages.Advance(table.Count);
        }, cancellationToken);

        var mobility = new AuditMobility(
            StayTable.Merge(stays, globals, devices, pingStarts),
            PlaceTable.Merge(places, stays, globals, devices),
            HomeWorkTable.Merge(homes, globals, devices),
            QualityScreen.MergeReports(reports),
            clock,
            directory.Ids,
            kept);
        DatasetProfile profile = DatasetProfile.Merge(profiles, devices);
        SiteHits? siteHits = sites is null ? null : SiteHits.Merge(hits!, devices);
        WhatIfSample whatIfSample = WhatIfSample.Merge(samples, devices, clock, whatIfRate);
        Array.Clear(pingStarts);
        Array.Clear(stays);
        Array.Clear(places);
        Array.Clear(homes);
        Array.Clear(reports);
        stages.End(rows, "pings");

        // 3. Unicity: postings of the sampled devices' points, then the estimate.
        cancellationToken.ThrowIfCancellationRequested();
        // The query's options drive the postings and the estimate: every thread for the estimate, which runs once after
        // the sweep (results do not depend on the thread count).
        UnicityQuery query = UnicityEstimator.PrepareQuery(traces, devices, unicityOptions with { MaxDegreeOfParallelism = threads });
        Array.Clear(traces);
        stages.Begin(3, "devices", query.SampledDevices);
        var postings = new UnicityPostings[count];
        ForEach(count, outer, p =>
        {
            PingTable used = cleanedInMemory ?? partitions.LoadCleaned(p);
            postings[p] = UnicityEstimator.CollectPostings(used, globals[p], query, cancellationToken);
        }, cancellationToken);
        UnicityResult unicity = UnicityEstimator.Estimate(query, postings, stages.Counter(), cancellationToken);
        stages.End(unicity.SampledDevices, "devices");
        return new AuditSweeps(mobility, profile, unicity, siteHits, whatIfSample);
    }

    /// <summary>The audit's methods (ad-tech stays, default places and home/work) with <paramref name="threads"/> threads per stage.</summary>
    private static PipelineOptions StagePipeline(AuditOptions options, int threads)
    {
        PipelineOptions p = options.Pipeline;
        return p with
        {
            Stays = p.Stays with { Method = StayMethod.Adtech, MaxDegreeOfParallelism = threads },
            Places = p.Places with { Method = PlaceMethod.Default, MaxDegreeOfParallelism = threads },
            HomeWork = p.HomeWork with { Method = HomeWorkMethod.Default, MaxDegreeOfParallelism = threads },
        };
    }

    /// <summary>
    /// Runs <paramref name="body"/> for each partition, <paramref name="parallel"/> at a time; the first failure (or the
    /// cancellation) stops the others and is rethrown as itself.
    /// </summary>
    private static void ForEach(int count, int parallel, Action<int> body, CancellationToken cancellationToken)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken };
        try
        {
            Parallel.For(0, count, options, body);
        }
        catch (AggregateException aggregate) when (aggregate.InnerExceptions.Count > 0)
        {
            // One failure is what the user needs to see (the others are usually the same problem or its cancellation).
            Exception first = aggregate.InnerExceptions.FirstOrDefault(e => e is not OperationCanceledException) ?? aggregate.InnerExceptions[0];
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
            throw;
        }
    }
}
