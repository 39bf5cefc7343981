using System.CommandLine;
using AdintAudit.Audit;
using AdintAudit.Reporting;

namespace AdintAudit.Cli.Commands;

/// <summary><c>adint audit INPUT... [--sites FILE] [--timezone TZ] [--truth FILE] [--out DIR] [--force]</c>: the whole pipeline to a report folder.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var cli = new AuditCli();
        Argument<string[]> inputs = new("input")
        {
            Description = "Parquet or CSV files, or folders of them (hive-style partitions included).",
            Arity = ArgumentArity.OneOrMore,
        };
        Option<string> output = new("--out") { Description = "Report folder to create (must be missing or empty unless --force).", DefaultValueFactory = _ => "adint-report" };
        Option<bool> force = new("--force") { Description = "Replace the report in a non-empty --out folder (otherwise exit 4)." };
        Option<bool> perDevice = new("--per-device") { Description = "Also write devices.csv, one row per device (ids as salted hashes)." };
        Option<bool> revealIds = new("--reveal-ids") { Description = "With --per-device: write the raw advertising IDs instead of salted hashes." };
        Option<string?> idSalt = new("--id-salt") { Description = "Salt of the device hashes (default: random, never stored, so hashes cannot be joined back)." };
        Command command = new("audit",
            "Audit a location dataset for re-identification risk: load, screen, stays, places, home and work, unicity, anonymity sets, attacks, "
            + "sensitive sites, linkage and mitigation what-ifs. Writes report.html (self-contained), report.md, report.json, plots/*.svg, "
            + "homes_grid.geojson and sites.geojson into --out, all at once when complete.\n"
            + "Exit codes: 0 done; 2 usage; 3 bad input (the message names the file); 4 output not written; 130 interrupted.")
        {
            inputs, output, force, perDevice, revealIds, idSalt,
        };
        cli.AddTo(command);
        command.SetAction((parse, cancellationToken) => Task.FromResult(CliRunner.Run(parse.GetValue(CommonOptions.Verbose), () =>
        {
            string outPath = parse.GetValue(output)!;
            bool overwrite = parse.GetValue(force);
            if (parse.GetValue(revealIds) && !parse.GetValue(perDevice))
            {
                throw new CliFailure(ExitCodes.Usage, "--reveal-ids: only with --per-device");
            }

            AuditOptions options = cli.Options(parse);
            AuditCli.CheckOutput(outPath, overwrite);
            var input = new AuditInput(parse.GetValue(inputs) ?? [], parse.GetValue(cli.Sites), parse.GetValue(cli.Truth));
            AuditResult result = AuditCli.Run(input, options, cancellationToken);
            AuditCli.Publish(result, outPath, overwrite, new ReportOutputOptions
            {
                PerDevice = parse.GetValue(perDevice),
                RevealIds = parse.GetValue(revealIds),
                IdSalt = parse.GetValue(idSalt),
            });
            return ExitCodes.Success;
        })));
        return command;
    }
}
