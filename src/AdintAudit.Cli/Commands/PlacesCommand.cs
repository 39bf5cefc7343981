using System.CommandLine;
using AdintAudit.Mobility;

namespace AdintAudit.Cli.Commands;

/// <summary><c>adint places INPUT --out FILE [--method default|skmob|trackintel]</c>.</summary>
internal static class PlacesCommand
{
    public static Command Create()
    {
        var cli = new MobilityCli();
        Option<string> method = new("--method") { Description = "Place clustering; skmob and trackintel also use that library's stays.", DefaultValueFactory = _ => "default" };
        method.AcceptOnlyFromAmong("default", "skmob", "trackintel");
        Option<string?> stays = new("--stays") { Description = "Stay detector (default: adtech for the default method, else the method's own)." };
        stays.AcceptOnlyFromAmong("adtech", "skmob", "trackintel");
        Command command = new("places",
            "Cluster each device's stays into places (DBSCAN) and write device_id,place_id,lat,lon,n_stays.\n"
            + "Exit codes: 0 done; 2 usage; 3 bad input; 4 output not written.")
        {
            method, stays,
        };
        cli.AddTo(command);
        command.SetAction((parse, cancellationToken) => Task.FromResult(CliRunner.Run(parse.GetValue(CommonOptions.Verbose), () =>
        {
            cli.CheckOutput(parse);
            (PlaceMethod places, StayMethod own) = parse.GetValue(method) switch
            {
                "skmob" => (PlaceMethod.Skmob, StayMethod.Skmob),
                "trackintel" => (PlaceMethod.Trackintel, StayMethod.Trackintel),
                _ => (PlaceMethod.Default, StayMethod.Adtech),
            };
            StayMethod stayMethod = parse.GetValue(stays) is string s ? HomesCommand.ParseStays(s) : own;
            var loaded = cli.Load(parse, cancellationToken);
            MobilityRun run = MobilityCli.Run(loaded.Table, PipelineStage.Places, cli.Options(parse, stayMethod, places, HomeWorkMethod.Default), cancellationToken);
            cli.Write(parse, MobilityOutputs.Places(run.Places!), "places");
            return ExitCodes.Success;
        })));
        return command;
    }
}
