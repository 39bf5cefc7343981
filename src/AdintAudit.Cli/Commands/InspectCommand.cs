using System.CommandLine;
using AdintAudit.Parquet.Reading;

namespace AdintAudit.Cli.Commands;

/// <summary><c>adint inspect FILE</c>: schema, row groups and per-chunk codec, encodings, sizes and statistics.</summary>
internal static class InspectCommand
{
    public static Command Create()
    {
        Argument<string> file = new("file") { Description = "Parquet file to describe." };
        Option<bool> json = new("--json") { Description = "Write the description as JSON." };
        Command command = new("inspect", "Describe a Parquet file: schema, row groups, codecs, encodings, statistics.") { file, json };
        command.SetAction(parse => CliRunner.Run(parse.GetValue(CommonOptions.Verbose), () =>
        {
            string path = parse.GetValue(file)!;
            string text = CliRunner.OnInput(path, () =>
            {
                using ParquetFileReader reader = ParquetFileReader.Open(path);
                long size = new FileInfo(path).Length;
                return parse.GetValue(json) ? FileDescription.ToJson(reader, path, size) : FileDescription.ToText(reader, path, size);
            });
            Console.Out.Write(text);
            return ExitCodes.Success;
        }));
        return command;
    }
}
