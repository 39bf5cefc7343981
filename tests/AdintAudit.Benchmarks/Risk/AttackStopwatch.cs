using System.Diagnostics;
using System.Globalization;
using AdintAudit.Mobility;
using AdintAudit.Risk.Attacks;
using AdintAudit.Synthetic;
using Pings = AdintAudit.Data.PingTable;

namespace AdintAudit.Benchmarks.Risk;

/// <summary>
/// <c>attacks-stopwatch [--devices N] [--days D] [--kmax K] [--max-instances M] [--only default|skmob|shared]</c>: generates a
/// synthetic dataset (default 10,000 devices over 28 days: 930,920 pings of 23,725 ids), builds the default input (stays -&gt; 250 m
/// cells) the skmob-compat input (raw points) and a hard case "shared" (raw points rounded to 3 decimals, so that many devices
/// share busy places), runs all 8 attacks for k = 2..K (default 5) and prints one row per
/// (mode, attack, k): wall seconds, process CPU seconds, mean risk, share with risk 1, truncated devices and a digest of the risks (to check that
/// a speed change leaves every risk identical).
/// </summary>
internal static class AttackStopwatch
{
    public static int Run(string[] args)
    {
        int devices = 10_000;
        int days = 28;
        int kMax = 5;
        long maxInstances = new AttackOptions().MaxInstancesPerDevice;
        string only = "all";
        for (int i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--devices":
                    devices = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--days":
                    days = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--kmax":
                    kMax = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--max-instances":
                    maxInstances = long.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--only":
                    only = args[++i];
                    break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}");
                    return 2;
            }
        }

        var make = Stopwatch.StartNew();
        SyntheticDataset data = SyntheticGenerator.Generate(GeneratorOptions.Mixed with { Devices = devices, Days = days });
        SyntheticPings p = data.Pings;
        string[] ids = new string[p.Count];
        for (int r = 0; r < ids.Length; r++)
        {
            ids[r] = p.Ids[p.IdIndices[r]];
        }

        Pings table = Pings.FromRows(ids, p.TimestampsMs, p.Latitudes, p.Longitudes, p.AccuracyMeters);
        MobilityRun run = MobilityPipeline.Run(table, PipelineStage.Homes, new PipelineOptions { TimeZone = "Europe/Berlin" });
        var inputs = new List<(string Mode, AttackInput Input, bool Compat)>();
        if (only is "all" or "default")
        {
            inputs.Add(("default", AttackInputBuilder.FromStays(run), false));
        }

        if (only is "all" or "skmob")
        {
            inputs.Add(("skmob", AttackInputBuilder.FromRawPings(table), true));
        }

        if (only is "all" or "shared")
        {
            // The hard case: raw points rounded to 3 decimals (~100 m), so that many devices share a few busy places.
            double[] lat = new double[table.Count];
            double[] lon = new double[table.Count];
            for (int r = 0; r < lat.Length; r++)
            {
                lat[r] = Math.Round(table.Lat[r], 3);
                lon[r] = Math.Round(table.Lon[r], 3);
            }

            inputs.Add(("shared", AttackInput.FromPoints(table.Device, lat, lon, table.TimeMs, table.DeviceCount), true));
        }

        Console.WriteLine(FormattableString.Invariant(
            $"made {table.Count:N0} pings of {table.DeviceCount:N0} ids ({devices:N0} persistent devices, {days} days) in {make.Elapsed.TotalSeconds:F1} s (not timed); runtime {Environment.Version}, {Environment.ProcessorCount} cores, bound {maxInstances:N0} instances/device"));
        foreach ((string mode, AttackInput input, _) in inputs)
        {
            Console.WriteLine(FormattableString.Invariant($"{mode}: {input.RecordCount:N0} records of {input.DeviceCount:N0} devices"));
        }

        Console.WriteLine("mode     attack           k   seconds  cpu s   mean risk  risk=1  truncated  digest");
        double total = 0;
        double totalCpu = 0;
        using var process = Process.GetCurrentProcess();
        foreach ((string mode, AttackInput input, bool compat) in inputs)
        {
            foreach (AttackKind kind in Enum.GetValues<AttackKind>())
            {
                for (int k = 2; k <= kMax; k++)
                {
                    if (kind == AttackKind.HomeWork && k > 2)
                    {
                        continue; // home-work knowledge is the pair; k does not apply
                    }

                    var options = new AttackOptions
                    {
                        Kind = kind,
                        KnowledgeLength = k,
                        SkmobCompat = compat,
                        Tolerance = kind is AttackKind.Frequency or AttackKind.Probability or AttackKind.Proportion ? 0.1 : 0,
                        MaxInstancesPerDevice = maxInstances,
                    };
                    process.Refresh();
                    TimeSpan cpuBefore = process.TotalProcessorTime;
                    var clock = Stopwatch.StartNew();
                    AttackResult result = BackgroundKnowledgeAttack.Run(input, options);
                    double seconds = clock.Elapsed.TotalSeconds;
                    process.Refresh();
                    double cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
                    total += seconds;
                    totalCpu += cpu;
                    (double mean, double unique, ulong digest) = Summarise(result);
                    Console.WriteLine(FormattableString.Invariant(
                        $"{mode,-8} {kind,-16} {(kind == AttackKind.HomeWork ? "-" : k.ToString(CultureInfo.InvariantCulture)),-3} {seconds,7:F3}  {cpu,6:F2}  {mean,9:F4}  {unique,6:P1}  {result.TruncatedCount,9:N0}  {digest:X16}"));
                }
            }
        }

        Console.WriteLine(FormattableString.Invariant($"total {total:F2} s, cpu {totalCpu:F2} s (both cores: wall time suffers from other load, CPU time less)"));
        return 0;
    }

    private static (double Mean, double Unique, ulong Digest) Summarise(AttackResult result)
    {
        double sum = 0;
        int count = 0;
        int unique = 0;
        ulong hash = 14_695_981_039_346_656_037UL;
        foreach (double risk in result.Risk)
        {
            hash = (hash ^ (ulong)BitConverter.DoubleToInt64Bits(risk)) * 1_099_511_628_211UL;
            if (double.IsNaN(risk))
            {
                continue;
            }

            sum += risk;
            count++;
            unique += risk == 1 ? 1 : 0;
        }

        return count == 0 ? (double.NaN, double.NaN, hash) : (sum / count, (double)unique / count, hash);
    }
}
