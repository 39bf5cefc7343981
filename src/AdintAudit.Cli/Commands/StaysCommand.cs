using System.CommandLine;
using AdintAudit.Mobility;

namespace AdintAudit.Cli.Commands;

/// <summary><c>adint stays INPUT --out FILE [--method adtech|skmob|trackintel]</c>.</summary>
internal static class StaysCommand
{
    public static Command Create()
    {
        var cli = new MobilityCli();
        Option<string> method = new("--method") { Description = "Stay detector.", DefaultValueFactory = _ => "adtech" };
        method.AcceptOnlyFromAmong("adtech", "skmob", "trackintel");
        Command command = new("stays",
            "Detect stays (where each device stood still, from when to when) and write device_id,lat,lon,start_ms,end_ms,n_pings.\n"
            + "adtech (default) runs on the quality-screened table; skmob and trackintel reproduce those libraries on all rows.\n"
            + "Exit codes: 0 done; 2 usage; 3 bad input; 4 output not written.")
        {
            method,
        };
        cli.AddTo(command);
        command.SetAction((parse, cancellationToken) => Task.FromResult(CliRunner.Run(parse.GetValue(CommonOptions.Verbose), () =>
        {
            cli.CheckOutput(parse);
            StayMethod stays = parse.GetValue(method) switch
            {
                "skmob" => StayMethod.Skmob,
                "trackintel" => StayMethod.Trackintel,
                _ => StayMethod.Adtech,
            };
            var loaded = cli.Load(parse, cancellationToken);
            MobilityRun run = MobilityCli.Run(loaded.Table, PipelineStage.Stays, cli.Options(parse, stays, PlaceMethod.Default, HomeWorkMethod.Default), cancellationToken);
            cli.Write(parse, MobilityOutputs.Stays(run.Stays!), "stays");
            return ExitCodes.Success;
        })));
        return command;
    }
}
