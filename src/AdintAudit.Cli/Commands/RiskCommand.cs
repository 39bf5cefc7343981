using System.CommandLine;
using AdintAudit.Audit;
using AdintAudit.Reporting;

namespace AdintAudit.Cli.Commands;

/// <summary><c>adint risk INPUT... [--sites FILE] [--json]</c>: every risk figure, without writing a report folder.</summary>
internal static class RiskCommand
{
    public static Command Create()
    {
        var cli = new AuditCli();
        Argument<string[]> inputs = new("input")
        {
            Description = "Parquet or CSV files, or folders of them.",
            Arity = ArgumentArity.OneOrMore,
        };
        Option<bool> json = new("--json") { Description = "Print every figure as JSON (the report.json of `adint audit`) on stdout." };
        Command command = new("risk",
            "Compute every risk figure (unicity, anonymity sets, attacks, sensitive sites, linkage, what-ifs, verdict) and print them: "
            + "a summary, or with --json the full report.json on stdout.\n"
            + "Exit codes: 0 done; 2 usage; 3 bad input; 130 interrupted.")
        {
            inputs, json,
        };
        cli.AddTo(command);
        command.SetAction((parse, cancellationToken) => Task.FromResult(CliRunner.Run(parse.GetValue(CommonOptions.Verbose), () =>
        {
            AuditOptions options = cli.Options(parse);
            var input = new AuditInput(parse.GetValue(inputs) ?? [], parse.GetValue(cli.Sites), parse.GetValue(cli.Truth));
            AuditResult result = AuditCli.Run(input, options, cancellationToken);
            if (parse.GetValue(json))
            {
                using Stream stdout = Console.OpenStandardOutput();
                ReportJsonWriter.Write(result, stdout);
                stdout.WriteByte((byte)'\n');
            }
            else
            {
                AuditCli.PrintSummary(result);
            }

            return ExitCodes.Success;
        })));
        return command;
    }
}
