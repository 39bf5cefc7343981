using System.CommandLine;
using System.Text;
using AdintAudit.Parquet.Reading;
using AdintAudit.Parquet.Text;

namespace AdintAudit.Cli.Commands;

/// <summary><c>adint cat FILE</c>: decoded rows on stdout as CSV (the interop corpus's conventions) or JSON lines.</summary>
internal static class CatCommand
{
    public static Command Create()
    {
        Argument<string> file = new("file") { Description = "Parquet file to print." };
        Option<string?> columns = new("--columns")
        {
            Description = "Comma-separated top-level columns to print, in this order (default: all).",
        };
        Option<string> format = new("--format")
        {
            Description = "Output format.",
            DefaultValueFactory = _ => "csv",
        };
        format.AcceptOnlyFromAmong("csv", "jsonl");
        Option<long?> limit = new("--limit") { Description = "Print at most this many rows." };
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<long?>() is < 0)
            {
                result.AddError("--limit must not be negative.");
            }
        });

        Command command = new("cat", "Print the rows of a Parquet file as CSV or JSON lines.") { file, columns, format, limit };
        command.SetAction((parse, cancellationToken) => Task.FromResult(CliRunner.Run(parse.GetValue(CommonOptions.Verbose), () =>
        {
            string path = parse.GetValue(file)!;
            string[]? names = parse.GetValue(columns)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            TableTextFormat textFormat = parse.GetValue(format) == "jsonl" ? TableTextFormat.JsonLines : TableTextFormat.Csv;
            using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
            return CliRunner.OnInput(path, () =>
            {
                using ParquetFileReader reader = ParquetFileReader.Open(path);
                try
                {
                    ParquetTableWriter.Write(reader, output, textFormat, names, parse.GetValue(limit), cancellationToken);
                    output.Flush();
                }
                catch (ArgumentException ex)
                {
                    throw new CliFailure(ExitCodes.Usage, $"{path}: {ex.Message.Split(" (Parameter", 2)[0]}", ex);
                }
                catch (IOException ex) when (StandardStreams.IsClosedPipe(ex))
                {
                    // The reader of our output (such as `head`) stopped early: that is not an error.
                }

                return ExitCodes.Success;
            });
        })));
        return command;
    }
}
