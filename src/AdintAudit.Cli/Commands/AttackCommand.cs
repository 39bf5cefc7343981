using System.CommandLine;
using System.Globalization;
using AdintAudit.Data;
using AdintAudit.Mobility;
using AdintAudit.Risk.Attacks;

namespace AdintAudit.Cli.Commands;

/// <summary>
/// <c>adint attack INPUT --attack NAME --k K [--tolerance T] [--precision P] [--compat skmob] [--cell-meters M] --out FILE</c>.
/// </summary>
internal static class AttackCommand
{
    private static readonly string[] s_attacks =
        ["location", "sequence", "location-time", "unique-location", "frequency", "probability", "proportion", "home-work"];

    public static Command Create()
    {
        var cli = new MobilityCli();
        Option<string> attack = new("--attack") { Description = "Which background-knowledge attack.", Required = true };
        attack.AcceptOnlyFromAmong(s_attacks);
        Option<int> k = new("--k") { Description = "Records (or distinct places) the adversary knows, >= 1 (ignored by home-work).", DefaultValueFactory = _ => 2 };
        Option<double> tolerance = new("--tolerance")
        {
            Description = "Relative tolerance in [0, 1] of frequency, probability and proportion.",
            DefaultValueFactory = _ => 0.0,
        };
        Option<string> precision = new("--precision") { Description = "Time bucket of location-time.", DefaultValueFactory = _ => "hour" };
        precision.AcceptOnlyFromAmong("year", "month", "day", "hour", "minute", "second");
        Option<string?> compat = new("--compat") { Description = "skmob: scikit-mobility's attacks exactly, quirks included, on the raw pings." };
        compat.AcceptOnlyFromAmong("skmob");
        Option<double> cellMeters = new("--cell-meters")
        {
            Description = "Default mode: grid cell edge in meters that makes a place.",
            DefaultValueFactory = _ => AttackInputBuilder.DefaultCellMeters,
        };
        Option<long> maxInstances = new("--max-instances")
        {
            Description = "Most instances searched per device; past it the device's risk is a lower bound and it is counted as truncated.",
            DefaultValueFactory = _ => new AttackOptions().MaxInstancesPerDevice,
        };
        Command command = new("attack",
            "Run a background-knowledge attack (Pellungrini et al. 2017; scikit-mobility privacy.attacks) and write device_id,risk: "
            + "risk = 1 / the number of devices matching the target's most revealing k records (1 = singled out).\n"
            + "Default mode: the records are the STAYS of the quality-screened pings, each placed in the grid cell (--cell-meters, "
            + "default 250 m) of its place's centre and timed at its start; home-work uses the cells of the inferred home and work; "
            + "location-time uses true UTC buckets.\n"
            + "--compat skmob: the records are the raw pings as loaded (no cleaning), a place is an exact (lat, lon) pair; "
            + "scikit-mobility's quirks are kept ('hour' is really the day; home-work uses the two least frequent places).\n"
            + "risk is written round-trip (invariant culture); it is empty for a device without records (default: no stay; "
            + "home-work: no home or no work).\n"
            + "Exit codes: 0 done; 2 usage; 3 bad input; 4 output not written.")
        {
            attack, k, tolerance, precision, compat, cellMeters, maxInstances,
        };
        cli.AddTo(command);
        command.SetAction((parse, cancellationToken) => Task.FromResult(CliRunner.Run(parse.GetValue(CommonOptions.Verbose), () =>
        {
            int knowledge = parse.GetValue(k);
            double t = parse.GetValue(tolerance);
            double cell = parse.GetValue(cellMeters);
            long bound = parse.GetValue(maxInstances);
            if (knowledge < 1)
            {
                throw new CliFailure(ExitCodes.Usage, string.Create(CultureInfo.InvariantCulture, $"--k: {knowledge} is below 1"));
            }

            if (double.IsNaN(t) || t is < 0 or > 1)
            {
                throw new CliFailure(ExitCodes.Usage, string.Create(CultureInfo.InvariantCulture, $"--tolerance: {t} is outside [0, 1]"));
            }

            if (!double.IsFinite(cell) || cell <= 0)
            {
                throw new CliFailure(ExitCodes.Usage, string.Create(CultureInfo.InvariantCulture, $"--cell-meters: {cell} is not a positive number"));
            }

            if (bound < 1)
            {
                throw new CliFailure(ExitCodes.Usage, string.Create(CultureInfo.InvariantCulture, $"--max-instances: {bound} is below 1"));
            }

            cli.CheckOutput(parse);
            bool skmob = parse.GetValue(compat) == "skmob";
            var options = new AttackOptions
            {
                Kind = Kind(parse.GetValue(attack)!),
                KnowledgeLength = knowledge,
                Tolerance = t,
                Precision = Enum.Parse<TimePrecision>(parse.GetValue(precision)!, ignoreCase: true),
                SkmobCompat = skmob,
                MaxInstancesPerDevice = bound,
                MaxDegreeOfParallelism = parse.GetValue(cli.Threads) is int threads and > 0 ? threads : Environment.ProcessorCount,
            };
            PingLoadResult loaded = cli.Load(parse, cancellationToken);
            AttackInput input;
            IReadOnlyList<string> deviceIds;
            if (skmob)
            {
                Console.Error.WriteLine("adint: compat skmob: every ping as loaded is a record at its exact coordinates, without the quality screen");
                input = AttackInputBuilder.FromRawPings(loaded.Table);
                deviceIds = loaded.Table.DeviceIds;
            }
            else
            {
                PipelineStage until = options.Kind == AttackKind.HomeWork ? PipelineStage.Homes : PipelineStage.Places;
                MobilityRun run = MobilityCli.Run(loaded.Table, until, cli.Options(parse, StayMethod.Adtech, PlaceMethod.Default, HomeWorkMethod.Default), cancellationToken);
                input = AttackInputBuilder.FromStays(run, cell);
                deviceIds = run.Stays!.DeviceIds; // the run went at least to places, so stays are set
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"adint: {input.RecordCount:N0} stays as records, places = {cell} m grid cells of the place centres"));
            }

            AttackResult result = BackgroundKnowledgeAttack.Run(input, options, cancellationToken);
            double[] risk = [.. result.Risk];
            Console.Error.WriteLine(Summary(parse.GetValue(attack)!, options, result));
            cli.Write(parse, [OutputColumn.Text("device_id", deviceIds), OutputColumn.Real("risk", risk)], "devices");
            return ExitCodes.Success;
        })));
        return command;
    }

    private static AttackKind Kind(string name) => name switch
    {
        "sequence" => AttackKind.LocationSequence,
        "location-time" => AttackKind.LocationTime,
        "unique-location" => AttackKind.UniqueLocation,
        "frequency" => AttackKind.Frequency,
        "probability" => AttackKind.Probability,
        "proportion" => AttackKind.Proportion,
        "home-work" => AttackKind.HomeWork,
        _ => AttackKind.Location,
    };

    private static string Summary(string name, AttackOptions options, AttackResult result)
    {
        int rated = 0;
        int unique = 0;
        double sum = 0;
        foreach (double value in result.Risk)
        {
            if (!double.IsNaN(value))
            {
                rated++;
                sum += value;
                unique += value == 1 ? 1 : 0;
            }
        }

        string k = options.Kind == AttackKind.HomeWork ? "" : string.Create(CultureInfo.InvariantCulture, $" k={options.KnowledgeLength}");
        string mean = rated == 0 ? "n/a" : (sum / rated).ToString("F4", CultureInfo.InvariantCulture);
        string share = rated == 0 ? "n/a" : ((double)unique / rated).ToString("P1", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture,
            $"adint: {name} attack{k}: {rated:N0} of {result.Risk.Count:N0} devices rated, mean risk {mean}, {share} with risk 1; "
            + $"{result.TruncatedCount:N0} truncated at {options.MaxInstancesPerDevice:N0} instances (risk is a lower bound)");
    }
}
