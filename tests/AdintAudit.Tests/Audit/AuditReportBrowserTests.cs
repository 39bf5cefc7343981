using AdintAudit.Reporting;
using AdintAudit.Tests.Reporting;

namespace AdintAudit.Tests.Audit;

/// <summary>The real audit report (not a sample document) in headless Chromium: renders, is not blank, loads nothing.</summary>
public sealed class AuditReportBrowserTests(AuditFixture fixture) : IClassFixture<AuditFixture>
{
    [Fact]
    public void Audit_report_renders_in_chromium_without_any_request()
    {
        string chromium = ChromiumBrowser.Require();
        string folder = fixture.NewFolder("report-browser");
        AuditReportWriter.Write(fixture.Result, folder, overwrite: false);
        string png = fixture.NewFolder("report-browser.png");

        ScreenshotRun run = ChromiumBrowser.Screenshot(chromium, Path.Combine(folder, "report.html"), png, 1200, 3000, TimeSpan.FromSeconds(120));

        Assert.True(run.ExitCode == 0, $"chromium exited with {run.ExitCode}");
        Assert.True(run.PageRequests.Count == 0, "the report requested: " + string.Join(", ", run.PageRequests));
        PngImage image = PngImage.Decode(File.ReadAllBytes(png));
        Assert.Equal(1200, image.Width);
        Assert.True(image.NonWhiteShare() > 0.02, $"only {image.NonWhiteShare():P2} of the page is not white");
        Assert.True(image.DistinctColors() >= 16, $"only {image.DistinctColors()} colours");
    }
}
