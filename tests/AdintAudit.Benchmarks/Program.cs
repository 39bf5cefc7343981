using AdintAudit.Benchmarks.Parquet;
using AdintAudit.Benchmarks.Synthetic;
using BenchmarkDotNet.Running;

if (args.Length > 0 && args[0] == "mobility-stopwatch")
{
    return AdintAudit.Benchmarks.Mobility.MobilityBenchmarks.RunStopwatch(args);
}

if (args.Length > 0 && args[0] == "mobility-digest")
{
    return AdintAudit.Benchmarks.Mobility.MobilityBenchmarks.RunDigest(args);
}

if (args.Length > 0 && args[0] == "sites-stopwatch")
{
    return AdintAudit.Benchmarks.Sites.SiteBenchmarks.RunStopwatch(args);
}

if (args.Length > 0 && args[0] == "linkage-stopwatch")
{
    return AdintAudit.Benchmarks.Risk.LinkageStopwatch.Run(args);
}

if (args.Length > 0 && args[0] == "unicity-stopwatch")
{
    return AdintAudit.Benchmarks.Risk.UnicityBenchmarks.RunStopwatch(args);
}

if (args.Length > 0 && args[0] == "attacks-stopwatch")
{
    return AdintAudit.Benchmarks.Risk.AttackStopwatch.Run(args);
}

if (args.Length > 0 && args[0] == "quality-stopwatch")
{
    return AdintAudit.Benchmarks.Quality.QualityStopwatch.Run(args);
}

if (args.Length > 0 && args[0] == "stress")
{
    return AdintAudit.Benchmarks.Audit.StressRun.Run(args);
}

if (args.Length > 0 && args[0] == "writer-stopwatch")
{
    return WriterBenchmarks.RunStopwatch(args);
}

if (args.Length > 0 && args[0] == "read-columns")
{
    return ReadColumnsStopwatch.Run(args);
}

if (args.Length > 0 && args[0] == "generator-stopwatch")
{
    return GeneratorBenchmarks.RunStopwatch(args);
}

BenchmarkSwitcher.FromAssembly(typeof(WriterBenchmarks).Assembly).Run(args);
return 0;
