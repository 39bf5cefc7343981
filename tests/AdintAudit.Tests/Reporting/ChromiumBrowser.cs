using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace AdintAudit.Tests.Reporting;

/// <summary>
/// Runs Debian's headless Chromium to screenshot a local HTML file and lists every URL the page asked for.
/// </summary>
/// <remarks>
/// Requests are read from Chromium's verbose log (<c>--enable-logging=stderr --v=1</c>): file loads appear as
/// <c>FileURLLoader::Start: URL</c> and network loads as <c>NotifyBeforeURLRequest: URL</c>. Chromium 156 also logs a few
/// requests of its own (update, time and account checks on google.com, googleapis.com, gvt1.com) even with background
/// networking disabled; those are filtered out. <c>--host-resolver-rules</c> makes every host name unresolvable, so the
/// run never reaches the network whatever the page holds.
/// </remarks>
internal static partial class ChromiumBrowser
{
    private static readonly string[] s_browserOwnHosts = [".google.com", ".googleapis.com", ".gvt1.com", ".gstatic.com"];

    public static string? ExecutablePath { get; } = Find();

    /// <summary>The flags used besides the screenshot target and the profile folder; also used by tools/report-screenshot.sh.</summary>
    public static IReadOnlyList<string> Flags { get; } =
    [
        "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--no-default-browser-check",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-default-apps",
        "--disable-extensions", "--host-resolver-rules=MAP * ~NOTFOUND", "--enable-logging=stderr", "--v=1",
    ];

    /// <summary>Returns the Chromium path, or skips the test (fails it when CI=true) when Chromium is not installed.</summary>
    public static string Require()
    {
        if (ExecutablePath is null)
        {
            string message = "chromium is not installed (Debian package chromium; .ci/install-deps installs it)";
            if (SharedData.IsCi)
            {
                Assert.Fail(message + " and CI=true, so this is a failure");
            }

            Assert.Skip(message);
        }

        return ExecutablePath;
    }

    /// <summary>Screenshots <paramref name="htmlPath"/> into <paramref name="pngPath"/>; kills the whole process tree on timeout.</summary>
    /// <exception cref="TimeoutException">Chromium did not finish within <paramref name="timeout"/>.</exception>
    public static ScreenshotRun Screenshot(string executable, string htmlPath, string pngPath, int widthPixels, int heightPixels, TimeSpan timeout)
    {
        string profile = Directory.CreateTempSubdirectory("adint-chromium-").FullName;
        string pageUrl = new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri;
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (string flag in Flags)
        {
            start.ArgumentList.Add(flag);
        }

        start.ArgumentList.Add("--user-data-dir=" + profile);
        start.ArgumentList.Add($"--window-size={widthPixels},{heightPixels}");
        start.ArgumentList.Add("--screenshot=" + pngPath);
        start.ArgumentList.Add(pageUrl);
        var log = new StringBuilder();
        try
        {
            using Process process = Process.Start(start)!; // Start with a file name either starts or throws
            process.ErrorDataReceived += (_, e) => Append(log, e.Data);
            process.OutputDataReceived += (_, e) => Append(log, e.Data);
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                throw new TimeoutException($"chromium did not finish within {timeout.TotalSeconds} s screenshotting {htmlPath}");
            }

            process.WaitForExit(); // flushes the asynchronous readers
            string text;
            lock (log)
            {
                text = log.ToString();
            }

            return new ScreenshotRun(process.ExitCode, PageRequests(text, pageUrl), text);
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }

    /// <summary>URLs requested by the page (not the page itself, not the browser's own background requests).</summary>
    internal static IReadOnlyList<string> PageRequests(string log, string pageUrl)
    {
        var urls = new List<string>();
        foreach (Match match in RequestLine().Matches(log))
        {
            string url = match.Groups[1].Value;
            if (url == pageUrl || urls.Contains(url))
            {
                continue;
            }

            if (Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) && uri.Scheme is "http" or "https"
                && s_browserOwnHosts.Any(h => ("." + uri.Host).EndsWith(h, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            urls.Add(url);
        }

        return urls;
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.Append(line).Append('\n');
            }
        }
    }

    private static string? Find()
    {
        foreach (string folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (string name in (string[])["chromium", "chromium-browser"])
            {
                string candidate = Path.Combine(folder, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?:FileURLLoader::Start|NotifyBeforeURLRequest): (\S+)")]
    private static partial Regex RequestLine();
}
