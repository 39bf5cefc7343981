namespace AdintAudit.Tests.Reporting;

/// <summary>Outcome of one Chromium screenshot run.</summary>
/// <param name="ExitCode">Chromium's exit code (0 on success).</param>
/// <param name="PageRequests">URLs the page asked for besides itself; empty for a self-contained page.</param>
/// <param name="Log">Chromium's combined stdout and stderr, for failure messages.</param>
internal sealed record ScreenshotRun(int ExitCode, IReadOnlyList<string> PageRequests, string Log);
