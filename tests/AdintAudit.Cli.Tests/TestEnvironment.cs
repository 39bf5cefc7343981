using System.Diagnostics;

namespace AdintAudit.Cli.Tests;

/// <summary>Runs the built <c>adint</c> and the DuckDB harness as child processes; finds the repository and ../shared.</summary>
internal static class TestEnvironment
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>shared/parquet-interop beside the repository, or null when absent.</summary>
    public static string? InteropRoot
    {
        get
        {
            string candidate = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "parquet-interop"));
            return Directory.Exists(candidate) ? candidate : null;
        }
    }

    /// <summary>Returns shared/parquet-interop, or skips (fails under CI=true) when it is missing.</summary>
    public static string RequireInterop()
    {
        if (InteropRoot is string root)
        {
            return root;
        }

        string message = $"../shared/parquet-interop not found next to {RepoRoot}";
        if (IsCi)
        {
            Assert.Fail(message + " (CI=true, so this is a failure)");
        }

        Assert.Skip(message);
        return string.Empty;
    }

    /// <summary>Runs <c>adint</c> with <paramref name="args"/>; returns exit code, stdout and stderr.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Adint(params string[] args) =>
        Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "adint.dll"), .. args]);

    /// <summary>
    /// Runs <c>node tools/duckdb/duckdb-sql.mjs</c>. When DuckDB cannot run, skips with the reason, or fails when CI=true.
    /// </summary>
    public static string DuckDb(params string[] args)
    {
        string script = Path.Combine(RepoRoot, "tools", "duckdb", "duckdb-sql.mjs");
        (int code, string stdout, string stderr) result;
        try
        {
            result = Run("node", [script, .. args]);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Unavailable($"node cannot be started ({ex.Message})");
            throw;
        }

        if (result.code != 0)
        {
            string detail = result.stderr.Trim();
            if (detail.Contains("is not installed", StringComparison.Ordinal) || detail.Contains("Cannot find module", StringComparison.Ordinal))
            {
                Unavailable(detail);
            }

            Assert.Fail($"duckdb-sql {string.Join(' ', args)} failed: {detail}");
        }

        return result.stdout;
    }

    private static void Unavailable(string reason)
    {
        string message = $"DuckDB is not available: {reason}. Install it with: bash tools/duckdb/install.sh";
        if (IsCi)
        {
            Assert.Fail(message + " (CI=true, so this is a failure)");
        }

        Assert.Skip(message);
    }

    private static (int, string, string) Run(string program, string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        using Process process = Process.Start(start)!; // Start only returns null for shell-executed documents
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in 3 minutes");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string FindRepoRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AdintAudit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AdintAudit.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A fresh temporary folder per test, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = Directory.CreateTempSubdirectory("adint-test-").FullName;
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Leftovers in /tmp are harmless.
        }
    }
}
