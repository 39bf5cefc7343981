using AdintAudit.Data;

namespace AdintAudit.Cli.Commands;

/// <summary>Turns the loading options every ping-reading command shares (--map, --timestamp-unit, --max-memory) into <see cref="PingLoadOptions"/>.</summary>
internal static class PingLoadArguments
{
    /// <summary>Parses the values; a malformed one is a usage error (exit 2) naming its option.</summary>
    public static PingLoadOptions Parse(string[]? map, string? timestampUnit, long? maxMemoryBytes)
    {
        ColumnMapping mapping;
        try
        {
            mapping = ColumnMapping.Parse(map ?? []);
        }
        catch (ArgumentException ex)
        {
            throw new CliFailure(ExitCodes.Usage, ex.Message.Split(" (Parameter", 2)[0], ex);
        }

        TimestampUnit? unit = timestampUnit switch
        {
            null => null,
            "s" => TimestampUnit.Seconds,
            "ms" => TimestampUnit.Milliseconds,
            "us" => TimestampUnit.Microseconds,
            "ns" => TimestampUnit.Nanoseconds,
            string other => throw new CliFailure(ExitCodes.Usage, $"--timestamp-unit: '{other}' is not s, ms, us or ns"),
        };
        return new PingLoadOptions { Mapping = mapping, TimestampUnit = unit, MaxMemoryBytes = maxMemoryBytes };
    }
}
