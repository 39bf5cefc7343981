using AdintAudit.Reporting;

namespace AdintAudit.Tests.Reporting;

/// <summary>Renders the HTML report in a real browser (headless Chromium) and checks the screenshot is a page, not a blank.</summary>
public sealed class ReportBrowserTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public void Html_report_renders_in_chromium_as_a_non_blank_page_without_external_requests()
    {
        string chromium = ChromiumBrowser.Require();
        string folder = Directory.CreateTempSubdirectory("adint-report-").FullName;
        try
        {
            string htmlPath = Path.Combine(folder, "report.html");
            string pngPath = Path.Combine(folder, "report.png");
            using (var writer = new StreamWriter(htmlPath))
            {
                HtmlReportRenderer.Render(SampleReport.Build(), writer);
            }

            ScreenshotRun run = ChromiumBrowser.Screenshot(chromium, htmlPath, pngPath, 1200, 2000, s_timeout);
            CopyForInspection(folder);

            Assert.True(run.ExitCode == 0, $"chromium exited with {run.ExitCode}:\n{Tail(run.Log)}");
            Assert.True(run.PageRequests.Count == 0, "the report requested: " + string.Join(", ", run.PageRequests));
            PngImage image = PngImage.Decode(File.ReadAllBytes(pngPath));
            Assert.Equal(1200, image.Width);
            Assert.Equal(2000, image.Height);
            double nonWhite = image.NonWhiteShare();
            Assert.True(nonWhite > 0.02, $"only {nonWhite:P2} of the screenshot is not white");
            int colors = image.DistinctColors();
            Assert.True(colors >= 16, $"the screenshot has only {colors} distinct colours");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Request_detection_reports_a_missing_file_and_an_external_image()
    {
        string chromium = ChromiumBrowser.Require();
        string folder = Directory.CreateTempSubdirectory("adint-report-").FullName;
        try
        {
            string htmlPath = Path.Combine(folder, "leaky.html");
            File.WriteAllText(htmlPath,
                "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>t</title></head><body><p>x</p>"
                + "<img src=\"missing.png\" alt=\"\"><img src=\"https://example.invalid/pixel.png\" alt=\"\"></body></html>");

            ScreenshotRun run = ChromiumBrowser.Screenshot(chromium, htmlPath, Path.Combine(folder, "leaky.png"), 400, 300, s_timeout);

            Assert.Contains(new Uri(Path.Combine(folder, "missing.png")).AbsoluteUri, run.PageRequests);
            Assert.Contains("https://example.invalid/pixel.png", run.PageRequests);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void PageRequests_ignores_the_page_and_the_browsers_own_background_requests()
    {
        string log = """
            [1:2:VERBOSE1:file_url_loader_factory.cc:477] FileURLLoader::Start: file:///tmp/r/report.html
            [1:2:VERBOSE1:network_delegate.cc:38] NetworkDelegate::NotifyBeforeURLRequest: https://update.googleapis.com/service/update2/json?x=1
            [1:2:VERBOSE1:network_delegate.cc:38] NetworkDelegate::NotifyBeforeURLRequest: http://clients2.google.com/time/1/current
            [1:2:VERBOSE1:network_delegate.cc:38] NetworkDelegate::NotifyBeforeURLRequest: https://fonts.example.org/a.woff2
            [1:2:VERBOSE1:file_url_loader_factory.cc:477] FileURLLoader::Start: file:///tmp/r/plots/a.svg
            """;

        IReadOnlyList<string> requests = ChromiumBrowser.PageRequests(log, "file:///tmp/r/report.html");

        Assert.Equal(["https://fonts.example.org/a.woff2", "file:///tmp/r/plots/a.svg"], requests);
    }

    /// <summary>With ADINT_REPORT_SAMPLE_DIR set, keeps the sample report and its screenshot there for a human to look at.</summary>
    private static void CopyForInspection(string folder)
    {
        string? target = Environment.GetEnvironmentVariable("ADINT_REPORT_SAMPLE_DIR");
        if (string.IsNullOrEmpty(target))
        {
            return;
        }

        Directory.CreateDirectory(target);
        foreach (string file in Directory.GetFiles(folder))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }
    }

    private static string Tail(string log) => log.Length <= 4000 ? log : log[^4000..];
}
