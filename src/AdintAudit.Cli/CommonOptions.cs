using System.CommandLine;

namespace AdintAudit.Cli;

/// <summary>Options shared by every command.</summary>
internal static class CommonOptions
{
    public static Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Print the full exception (stack trace) when a command fails.",
        Recursive = true,
    };
}
