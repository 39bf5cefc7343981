using System.CommandLine;
using AdintAudit.Cli.Commands;

namespace AdintAudit.Cli;

/// <summary>The root of the <c>adint</c> command line.</summary>
internal static class AdintCommand
{
    public static RootCommand Create()
    {
        RootCommand root = new("AdintAudit: re-identification risk audit for ad-tech location data.")
        {
            CommonOptions.Verbose,
            DemoCommand.Create(),
            AuditCommand.Create(),
            RiskCommand.Create(),
            InspectCommand.Create(),
            CatCommand.Create(),
            ConvertCommand.Create(),
            StaysCommand.Create(),
            PlacesCommand.Create(),
            HomesCommand.Create(),
            AttackCommand.Create(),
            EvaluateCommand.Create(),
            GenerateCommand.Create(),
        };
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        ParseResult parse = Create().Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (System.CommandLine.Parsing.ParseError error in parse.Errors)
            {
                Console.Error.WriteLine($"adint: {error.Message}");
            }

            Console.Error.WriteLine("Run 'adint --help' for usage.");
            return ExitCodes.Usage;
        }

        return await parse.InvokeAsync().ConfigureAwait(false);
    }
}
