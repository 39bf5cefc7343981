using System.Diagnostics;

namespace AdintAudit.Cli.Tests;

/// <summary>Runs the built <c>adint</c> as a separate process, as a user would, and captures what it prints.</summary>
internal static class AdintProcess
{
    public static Result Run(params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "adint.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"adint {string.Join(' ', args)} did not finish in 2 minutes");
        }

        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    internal sealed record Result(int ExitCode, string Stdout, string Stderr);
}
