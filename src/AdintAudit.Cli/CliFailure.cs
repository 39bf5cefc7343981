namespace AdintAudit.Cli;

/// <summary>A failure reported to the user as one line <c>adint: message</c> with a documented exit code.</summary>
internal sealed class CliFailure(int exitCode, string message, Exception? inner = null) : Exception(message, inner)
{
    public int ExitCode { get; } = exitCode;
}
