namespace AdintAudit.Cli;

/// <summary>Facts about the process's standard streams.</summary>
internal static class StandardStreams
{
    /// <summary>Whether an I/O error means the process reading our stdout has gone (EPIPE).</summary>
    public static bool IsClosedPipe(IOException exception) =>
        exception.HResult == 32 || exception.Message.Contains("Broken pipe", StringComparison.OrdinalIgnoreCase);
}
