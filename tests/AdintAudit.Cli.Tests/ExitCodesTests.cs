using System.Diagnostics;
using AdintAudit.Cli.Tests.Commands;

namespace AdintAudit.Cli.Tests;

/// <summary>
/// End to end, one test per exit code of <c>adint audit</c> (0, 2, 3, 4, 130) and the faults behind them: output
/// folder not writable, disk full (a 1 MiB tmpfs), a truncated input, Ctrl-C (SIGINT) during the stages. Every failure is one
/// line <c>adint: ...</c> on stderr without a stack trace, and leaves neither a report nor a hidden temporary folder.
/// </summary>
public sealed class ExitCodesTests(AuditDataFixture data) : IClassFixture<AuditDataFixture>
{
    [Fact]
    public void Success_exits_0_and_leaves_only_the_report()
    {
        using var temp = new TempFolder();
        string report = temp.File("report");

        (int code, _, string stderr) = TestEnvironment.Adint("audit", data.Pings, "--out", report, "--no-what-ifs");

        Assert.True(code == 0, stderr);
        Assert.True(File.Exists(Path.Combine(report, "report.html")));
        Assert.Equal([report], Directory.GetFileSystemEntries(temp.Path));
    }

    [Theory]
    [InlineData("audit", "pings.parquet", "--seed", "minus-one")]
    [InlineData("audit")]
    [InlineData("convert", "only-one-argument.csv")]
    [InlineData("inspect")]
    public void Usage_errors_exit_2_with_adint_lines(params string[] args)
    {
        (int code, _, string stderr) = TestEnvironment.Adint(args);

        Assert.Equal(2, code);
        Assert.StartsWith("adint: ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_parquet_input_exits_3_naming_the_file()
    {
        using var temp = new TempFolder();
        string input = temp.File("cut.parquet");
        byte[] bytes = File.ReadAllBytes(data.Pings);
        File.WriteAllBytes(input, bytes[..(bytes.Length / 2)]); // an export cut off mid-way: no footer
        string report = temp.File("report");

        (int code, _, string stderr) = TestEnvironment.Adint("audit", input, "--out", report);
        (int inspectCode, _, string inspectError) = TestEnvironment.Adint("inspect", input);

        Assert.Equal(3, code);
        AssertOneLineNaming(stderr, "cut.parquet");
        AssertNothingLeft(temp.Path, "report");
        Assert.Equal(3, inspectCode);
        AssertOneLineNaming(inspectError, "cut.parquet");
    }

    [Fact]
    public void Output_under_a_regular_file_exits_4_naming_the_path()
    {
        // chmod does not stop root (CI runs as root); a path whose parent is a regular file fails for everyone (ENOTDIR).
        using var temp = new TempFolder();
        string blocker = temp.File("not-a-folder");
        File.WriteAllText(blocker, "x");
        string report = Path.Combine(blocker, "report");

        (int code, _, string stderr) = TestEnvironment.Adint("audit", data.Pings, "--out", report, "--no-what-ifs");
        (int convertCode, _, string convertError) = TestEnvironment.Adint("convert", data.Truth, Path.Combine(blocker, "out.csv"));

        Assert.Equal(4, code);
        AssertOneLineNaming(stderr, report);
        Assert.Equal(4, convertCode);
        AssertOneLineNaming(convertError, "out.csv");
        Assert.Equal([blocker], Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public void Disk_full_while_writing_the_report_exits_4_and_removes_the_temporary_folder()
    {
        using var temp = new TempFolder();
        string mount = temp.File("tiny");
        Directory.CreateDirectory(mount);
        RequireTmpfs(mount);
        try
        {
            // Leave 64 KiB free: the report (plots, HTML, JSON: several hundred KB) cannot fit, the probe folder can.
            FillTo(mount, 64 << 10);
            string report = Path.Combine(mount, "report");

            (int code, _, string stderr) = TestEnvironment.Adint("audit", data.Pings, "--out", report, "--no-what-ifs");
            (int convertCode, _, string convertError) = TestEnvironment.Adint("convert", data.Pings, Path.Combine(mount, "pings.csv"));

            Assert.Equal(4, code);
            AssertOneLineNaming(stderr, report);
            Assert.Contains("space", stderr, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(4, convertCode); // 10,158 pings as CSV are about 600 KB
            AssertOneLineNaming(convertError, "pings.csv");
            Assert.Equal([Path.Combine(mount, "filler")], Directory.GetFileSystemEntries(mount));
        }
        finally
        {
            Run("umount", mount);
        }
    }

    [Fact]
    public async Task Ctrl_c_during_the_stages_exits_130_and_leaves_nothing()
    {
        // About 950,000 pings: the audit takes several seconds, so the signal lands in the middle of the stages.
        using var temp = new TempFolder();
        string big = temp.File("big");
        (int generated, _, string generateError) = TestEnvironment.Adint("generate", "--out", big, "--devices", "20000", "--days", "14", "--seed", "5");
        Assert.True(generated == 0, generateError);
        string pings = Path.Combine(big, "pings.parquet");

        // The first stage line ("audit: [1/10] load: ...") means the audit is under way; "adint: read" is the end of
        // the stays command's load, before its pipeline (which takes no token: checked after it).
        (int code, string stderr) = await InterruptAsync("audit: [", "audit", pings, "--out", temp.File("report"));
        (int staysCode, string staysError) = await InterruptAsync("adint: read ", "stays", pings, "--out", temp.File("stays.parquet"));

        Assert.True(code == 130, $"exit {code}: {stderr}");
        Assert.Contains("adint: cancelled", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("audit: [10/10]", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        AssertNothingLeft(temp.Path, "report");
        Assert.True(staysCode == 130, $"exit {staysCode}: {staysError}");
        Assert.Contains("adint: cancelled", staysError, StringComparison.Ordinal);
        Assert.Equal([big], Directory.GetFileSystemEntries(temp.Path));
    }

    /// <summary>Runs adint, sends SIGINT (as Ctrl-C does) when stderr shows a line starting with <paramref name="cue"/>.</summary>
    private static async Task<(int Code, string Stderr)> InterruptAsync(string cue, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "adint.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!; // Start returns null only for shell-executed documents
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = new System.Text.StringBuilder();
        string? line;
        while ((line = await process.StandardError.ReadLineAsync(TestContext.Current.CancellationToken)) is not null)
        {
            stderr.AppendLine(line);
            if (line.StartsWith(cue, StringComparison.Ordinal))
            {
                Run("kill", "-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
            }
        }

        stderr.Append(await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken));
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), $"adint {args[0]} did not stop within 30 s of SIGINT");
        _ = await stdout;
        return (process.ExitCode, stderr.ToString());
    }

    private static void AssertOneLineNaming(string stderr, string name)
    {
        string[] lines = stderr.Trim().Split('\n').Where(l => l.StartsWith("adint:", StringComparison.Ordinal)).ToArray();
        Assert.True(lines.Length == 1, stderr);
        Assert.Contains(name, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    private static void AssertNothingLeft(string folder, string report)
    {
        Assert.False(Directory.Exists(Path.Combine(folder, report)), "a report folder was left behind");
        Assert.Empty(Directory.GetFileSystemEntries(folder, $".{report}*"));
    }

    /// <summary>Mounts a 1 MiB tmpfs on <paramref name="mount"/>, or skips when mounting is not permitted here.</summary>
    private static void RequireTmpfs(string mount)
    {
        (int code, string error) = Run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mount);
        if (code != 0)
        {
            Assert.Skip($"cannot mount a tmpfs to simulate a full disk ({error.Trim()}); TableOutput and AuditReportWriter clean-up on IOException is covered by the library tests");
        }
    }

    private static void FillTo(string mount, long freeBytes)
    {
        long free = new DriveInfo(mount).AvailableFreeSpace;
        using FileStream filler = File.Create(Path.Combine(mount, "filler"));
        filler.Write(new byte[Math.Max(0, free - freeBytes)]);
    }

    private static (int Code, string Stderr) Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using Process process = Process.Start(start)!; // Start returns null only for shell-executed documents
            string error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, error);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, ex.Message);
        }
    }
}
