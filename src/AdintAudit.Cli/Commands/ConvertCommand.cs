using System.CommandLine;
using AdintAudit.Data;
using AdintAudit.Parquet.Metadata;

namespace AdintAudit.Cli.Commands;

/// <summary><c>adint convert IN OUT</c>: CSV to Parquet, Parquet to CSV, Parquet to Parquet (re-encoded).</summary>
internal static class ConvertCommand
{
    public static Command Create()
    {
        Argument<string> input = new("in") { Description = "Input file: .csv or .parquet (other names: Parquet if it starts with PAR1, else CSV)." };
        Argument<string> output = new("out") { Description = "Output file: .csv or .parquet (.pq, .parq)." };
        Option<string> codec = new("--codec")
        {
            Description = "Compression of Parquet output.",
            DefaultValueFactory = _ => "snappy",
        };
        codec.AcceptOnlyFromAmong("snappy", "gzip", "none");
        Option<int> rowGroupSize = new("--row-group-size")
        {
            Description = "Maximum rows per Parquet row group; also the CSV rows held in memory at once.",
            DefaultValueFactory = _ => 1 << 20,
        };
        rowGroupSize.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--row-group-size must be at least 1.");
            }
        });
        Option<string[]> types = new("--types")
        {
            Description = "CSV column types, overriding inference: col=type[,col=type...]. Types: " + CsvColumnTypes.AllNames + ".",
            AllowMultipleArgumentsPerToken = true,
        };
        Option<bool> force = new("--force") { Description = "Replace OUT if it exists (otherwise exit 4)." };

        Command command = new("convert",
            "Convert a table: CSV -> Parquet, Parquet -> CSV (as 'adint cat'), Parquet -> Parquet (re-encoded).\n"
            + "CSV column types are inferred from the first 10,000 rows: integers -> INT64, other numbers -> DOUBLE, "
            + "else STRING; --types overrides. The output is written to a temporary file and renamed when complete.\n"
            + "Exit codes: 0 done; 2 usage; 3 bad input (one line naming the file, line and column); "
            + "4 output not written (including: OUT exists and --force was not given).")
        {
            input, output, codec, rowGroupSize, types, force,
        };
        command.SetAction((parse, cancellationToken) => Task.FromResult(CliRunner.Run(parse.GetValue(CommonOptions.Verbose), () =>
        {
            string inPath = parse.GetValue(input)!;
            string outPath = parse.GetValue(output)!;
            var options = new ConvertOptions
            {
                Codec = parse.GetValue(codec) switch
                {
                    "gzip" => CompressionCodec.Gzip,
                    "none" => CompressionCodec.Uncompressed,
                    _ => CompressionCodec.Snappy,
                },
                RowGroupSize = parse.GetValue(rowGroupSize),
                ColumnTypes = ParseTypes(parse.GetValue(types) ?? []),
                Overwrite = parse.GetValue(force),
            };
            try
            {
                TableConverter.FormatOfOutput(outPath);
            }
            catch (ArgumentException ex)
            {
                throw new CliFailure(ExitCodes.Usage, ex.Message.Split(" (Parameter", 2)[0], ex);
            }

            ConvertResult result;
            try
            {
                result = CliRunner.OnInput(inPath, () => TableConverter.Convert(inPath, outPath, options, cancellationToken));
            }
            catch (OutputWriteException ex)
            {
                throw new CliFailure(ExitCodes.OutputFailed, $"{outPath}: {ex.Message}", ex);
            }
            catch (InputFormatException ex)
            {
                throw new CliFailure(ExitCodes.BadInput, $"{inPath}: {ex.Message}", ex);
            }
            catch (ArgumentException ex)
            {
                throw new CliFailure(ExitCodes.Usage, ex.Message.Split(" (Parameter", 2)[0], ex);
            }

            Console.Error.WriteLine(
                $"adint: wrote {outPath}: {result.Rows:N0} rows, {FormatName(result.InputFormat)} -> {FormatName(result.OutputFormat)} ({string.Join(", ", result.Columns)})");
            return ExitCodes.Success;
        })));
        return command;
    }

    private static Dictionary<string, CsvColumnType> ParseTypes(string[] specs)
    {
        var result = new Dictionary<string, CsvColumnType>(StringComparer.Ordinal);
        foreach (string spec in specs.SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            int at = spec.LastIndexOf('=');
            if (at <= 0 || !CsvColumnTypes.TryParse(spec[(at + 1)..], out CsvColumnType type))
            {
                throw new CliFailure(ExitCodes.Usage, $"--types: '{spec}' is not col=type (types: {CsvColumnTypes.AllNames})");
            }

            result[spec[..at]] = type;
        }

        return result;
    }

    private static string FormatName(TableFormat format) => format == TableFormat.Csv ? "CSV" : "Parquet";
}
