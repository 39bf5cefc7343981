using System.Diagnostics;
using System.Text;

namespace AdintAudit.Tests.Notebooks;

/// <summary>
/// Runs <c>tools/nbexec.cs</c> (the notebook runner, a file-based app) as a separate <c>dotnet run</c> process and
/// captures what it prints; kills the whole process tree when it overruns.
/// </summary>
/// <remarks>
/// The runner runs the notebooks it is given one after another (parallel <c>dotnet run</c> builds of the library
/// could collide), each with its own limit, so one call per test is enough. MSBuild variables that <c>dotnet test</c>
/// puts into this process's environment are removed from the child's, so its builds resolve the SDK on their own.
/// </remarks>
internal static class NotebookRunner
{
    public static string ToolPath { get; } = Path.Combine(SharedData.RepoRoot, "tools", "nbexec.cs");

    public static Result Run(TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = SharedData.RepoRoot,
        };
        foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.ArgumentList.Add("run");
        start.ArgumentList.Add(ToolPath);
        start.ArgumentList.Add("--");
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new Result(-1, $"killed after {timeout.TotalSeconds:F0} s{Environment.NewLine}{Text(output)}");
        }

        process.WaitForExit(); // drains the asynchronous output readers
        return new Result(process.ExitCode, Text(output));
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    internal sealed record Result(int ExitCode, string Output);
}
