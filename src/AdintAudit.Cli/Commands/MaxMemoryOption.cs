using System.CommandLine;
using AdintAudit.Data;

namespace AdintAudit.Cli.Commands;

/// <summary>
/// <c>--max-memory</c> of the commands that load pings (audit, risk, stays, places, homes, attack): the budget goes to
/// <see cref="PingLoadOptions.MaxMemoryBytes"/>, and an input estimated above it is refused before loading with exit 3
/// (a property of the input, like a malformed file: "needs about X GiB, more than the budget of Y GiB").
/// </summary>
internal static class MaxMemoryOption
{
    public static Option<string?> Create() => new("--max-memory")
    {
        Description = "Memory budget, e.g. 4G or 512M (binary units), or 'none': refuse before loading (exit 3) when the inputs are estimated to need more. "
            + "Default: this machine's memory, so an input that cannot fit fails in a second with a clear line instead of swapping or being killed.",
    };

    /// <summary>
    /// The budget in bytes: the option's value, null for <c>none</c>, or the memory available to this process when the
    /// option is absent. A malformed size is a usage error (exit 2).
    /// </summary>
    public static long? Bytes(ParseResult parse, Option<string?> option)
    {
        string? text = parse.GetValue(option);
        if (text is null)
        {
            long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
            return available > 0 ? available : null;
        }

        if (string.Equals(text.Trim(), "none", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            return MemoryEstimate.ParseBytes(text);
        }
        catch (FormatException ex)
        {
            throw new CliFailure(ExitCodes.Usage, $"--max-memory: {ex.Message}", ex);
        }
    }
}
