using System.CommandLine;
using AdintAudit.Mobility;

namespace AdintAudit.Cli.Commands;

/// <summary><c>adint homes INPUT --out FILE [--method default|skmob|freq|osna]</c>.</summary>
internal static class HomesCommand
{
    public static Command Create()
    {
        var cli = new MobilityCli();
        Option<string> method = new("--method") { Description = "Home/work method.", DefaultValueFactory = _ => "default" };
        method.AcceptOnlyFromAmong("default", "skmob", "freq", "osna");
        Option<string?> stays = new("--stays") { Description = "Stay detector (default: adtech for default, trackintel for freq and osna)." };
        stays.AcceptOnlyFromAmong("adtech", "skmob", "trackintel");
        Option<string?> places = new("--places") { Description = "Place clustering (default: default for default, trackintel for freq and osna)." };
        places.AcceptOnlyFromAmong("default", "skmob", "trackintel");
        Command command = new("homes",
            "Infer each device's home and work and write device_id,home_lat,home_lon,home_confidence,work_lat,work_lon,work_confidence "
            + "(empty fields when unknown).\nskmob: scikit-mobility home_location on raw pings (no work); freq, osna: trackintel on its own stays and locations.\n"
            + "Exit codes: 0 done; 2 usage; 3 bad input; 4 output not written.")
        {
            method, stays, places,
        };
        cli.AddTo(command);
        command.SetAction((parse, cancellationToken) => Task.FromResult(CliRunner.Run(parse.GetValue(CommonOptions.Verbose), () =>
        {
            cli.CheckOutput(parse);
            (HomeWorkMethod homes, StayMethod ownStays, PlaceMethod ownPlaces) = parse.GetValue(method) switch
            {
                "skmob" => (HomeWorkMethod.Skmob, StayMethod.Skmob, PlaceMethod.Skmob),
                "freq" => (HomeWorkMethod.Freq, StayMethod.Trackintel, PlaceMethod.Trackintel),
                "osna" => (HomeWorkMethod.Osna, StayMethod.Trackintel, PlaceMethod.Trackintel),
                _ => (HomeWorkMethod.Default, StayMethod.Adtech, PlaceMethod.Default),
            };
            StayMethod stayMethod = parse.GetValue(stays) is string s ? ParseStays(s) : ownStays;
            PlaceMethod placeMethod = parse.GetValue(places) switch
            {
                "default" => PlaceMethod.Default,
                "skmob" => PlaceMethod.Skmob,
                "trackintel" => PlaceMethod.Trackintel,
                _ => ownPlaces,
            };
            var loaded = cli.Load(parse, cancellationToken);
            MobilityRun run = MobilityCli.Run(loaded.Table, PipelineStage.Homes, cli.Options(parse, stayMethod, placeMethod, homes), cancellationToken);
            HomeWorkTable table = run.Homes!;
            Console.Error.WriteLine($"adint: {table.DevicesWithHome:N0} of {table.Count:N0} devices have a home, {table.DevicesWithWork:N0} a work place");
            cli.Write(parse, MobilityOutputs.Homes(table), "devices");
            return ExitCodes.Success;
        })));
        return command;
    }

    internal static StayMethod ParseStays(string name) => name switch
    {
        "skmob" => StayMethod.Skmob,
        "trackintel" => StayMethod.Trackintel,
        _ => StayMethod.Adtech,
    };
}
