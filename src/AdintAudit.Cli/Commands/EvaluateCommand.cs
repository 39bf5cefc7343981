using System.CommandLine;
using AdintAudit.Data;
using AdintAudit.Mobility;

namespace AdintAudit.Cli.Commands;

/// <summary><c>adint evaluate --homes FILE --truth truth_devices.parquet [--pings INPUT...]</c>: accuracy as JSON on stdout.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        Option<string> homes = new("--homes") { Description = "Output of 'adint homes' (.csv or .parquet).", Required = true };
        Option<string> truth = new("--truth") { Description = "The generator's truth_devices.parquet.", Required = true };
        Option<string[]> pings = new("--pings")
        {
            Description = "The pings (files or folders), for the pings-per-day deciles and --min-nights.",
            AllowMultipleArgumentsPerToken = true,
        };
        Option<int> minNights = new("--min-nights") { Description = "Only devices with at least this many nights of data (needs --pings).", DefaultValueFactory = _ => 0 };
        Command command = new("evaluate",
            "Score inferred homes and work places against the truth: share with a home, home and work recall and precision within "
            + "100/200/500 m, by persona and by pings-per-day decile; prints JSON.\nExit codes: 0 done; 2 usage; 3 bad input.")
        {
            homes, truth, pings, minNights,
        };
        command.SetAction((parse, cancellationToken) => Task.FromResult(CliRunner.Run(parse.GetValue(CommonOptions.Verbose), () =>
        {
            string[] pingInputs = parse.GetValue(pings) ?? [];
            int nights = parse.GetValue(minNights);
            if (nights > 0 && pingInputs.Length == 0)
            {
                throw new CliFailure(ExitCodes.Usage, "--min-nights needs --pings");
            }

            PingTable? table = null;
            if (pingInputs.Length > 0)
            {
                try
                {
                    table = PingTableLoader.Load(pingInputs).Table;
                }
                catch (PingInputException ex)
                {
                    throw new CliFailure(ExitCodes.BadInput, $"{ex.FilePath}: {ex.Message}", ex);
                }
            }

            string homesPath = parse.GetValue(homes)!;
            string truthPath = parse.GetValue(truth)!;
            CliRunner.OnInput(homesPath, () => File.Exists(homesPath) ? 0 : throw new FileNotFoundException(homesPath));
            CliRunner.OnInput(truthPath, () => File.Exists(truthPath) ? 0 : throw new FileNotFoundException(truthPath));
            string json;
            try
            {
                json = HomeWorkEvaluation.Evaluate(homesPath, truthPath, table, new EvaluationOptions { MinNights = nights });
            }
            catch (InputFormatException ex)
            {
                throw new CliFailure(ExitCodes.BadInput, ex.Message, ex);
            }
            catch (Parquet.ParquetFormatException ex)
            {
                throw new CliFailure(ExitCodes.BadInput, ex.Message, ex);
            }

            Console.Out.WriteLine(json);
            return ExitCodes.Success;
        })));
        return command;
    }
}
