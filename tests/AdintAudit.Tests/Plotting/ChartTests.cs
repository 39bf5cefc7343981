using System.Diagnostics;
using System.Xml.Linq;
using AdintAudit.Plotting;

namespace AdintAudit.Tests.Plotting;

public sealed class ChartTests
{
    private static LineChart SampleLineChart() => new()
    {
        Title = "Unicity <by points known> & resolution",
        XLabel = "points known (p)",
        YLabel = "devices singled out",
        YTickFormat = "%",
        YInclude = 0,
        Series =
        [
            new LineSeries("250 m, 1 h", [1, 2, 3, 4, 5, 6], [0.31, 0.72, 0.9, 0.95, 0.97, double.NaN]),
            new LineSeries("1 km, 4 h", [1, 2, 3, 4, 5, 6], [0.08, 0.35, 0.61, 0.77, 0.85, 0.9]),
        ],
    };

    [Fact]
    public void LineChart_svg_is_well_formed_and_escapes_text()
    {
        string svg = SampleLineChart().ToSvg();

        XDocument document = XDocument.Parse(svg);
        Assert.Equal("svg", document.Root!.Name.LocalName);
        Assert.Contains("Unicity &lt;by points known&gt; &amp; resolution", svg, StringComparison.Ordinal);
        Assert.Contains("100 %", svg, StringComparison.Ordinal);
        Assert.Equal(2, document.Descendants().Count(e => e.Name.LocalName == "polyline"));
    }

    [Fact]
    public void LineChart_is_deterministic()
    {
        Assert.Equal(SampleLineChart().ToSvg(), SampleLineChart().ToSvg());
    }

    [Fact]
    public void LineChart_mismatched_series_throws()
    {
        var chart = new LineChart { Title = "t", Series = [new LineSeries("s", [1, 2], [1])] };

        Assert.Throws<ArgumentException>(() => chart.ToSvg());
    }

    [Fact]
    public void BarChart_draws_one_bar_per_finite_value_with_a_tooltip()
    {
        var chart = new BarChart
        {
            Title = "Home/work anonymity",
            YLabel = "share of devices",
            YTickFormat = "%",
            SeriesNames = ["unique", "k < 5"],
            Groups = [new BarGroup("250 m", [0.61, 0.8]), new BarGroup("1 km", [0.22, double.NaN])],
        };

        string svg = chart.ToSvg();

        XDocument document = XDocument.Parse(svg);
        int bars = document.Descendants().Count(e => e.Name.LocalName == "rect" && e.Elements().Any(c => c.Name.LocalName == "title"));
        Assert.Equal(3, bars);
        Assert.Contains("250 m, unique: 61 %", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void LineChart_matches_its_approved_rendering()
    {
        string approvedPath = Path.Combine(RepoRoot(), "tests", "AdintAudit.Tests", "Plotting", "LineChart.approved.svg");
        string actual = SampleLineChart().ToSvg();
        if (Environment.GetEnvironmentVariable("ADINT_ACCEPT_SVG") == "1")
        {
            File.WriteAllText(approvedPath, actual);
        }

        Assert.True(File.Exists(approvedPath) && File.ReadAllText(approvedPath) == actual,
            "the SVG differs from LineChart.approved.svg; look at both, then accept with ADINT_ACCEPT_SVG=1");
    }

    [Fact]
    public void LineChart_renders_to_png_with_rsvg_convert()
    {
        if (!File.Exists("/usr/bin/rsvg-convert"))
        {
            string message = "rsvg-convert (Debian librsvg2-bin) is not installed";
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail(message + "; .ci/install-deps installs it");
            }

            Assert.Skip(message);
        }

        string folder = Directory.CreateTempSubdirectory("adint-svg-").FullName;
        try
        {
            string svgPath = Path.Combine(folder, "chart.svg");
            string pngPath = Path.Combine(folder, "chart.png");
            File.WriteAllText(svgPath, SampleLineChart().ToSvg());
            using Process process = Process.Start(new ProcessStartInfo("/usr/bin/rsvg-convert", ["-b", "white", "-o", pngPath, svgPath])
            {
                RedirectStandardError = true,
            })!;
            string errors = process.StandardError.ReadToEnd();
            process.WaitForExit();

            Assert.True(process.ExitCode == 0, errors);
            byte[] png = File.ReadAllBytes(pngPath);
            Assert.True(png.Length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "not a PNG");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string RepoRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AdintAudit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AdintAudit.sln not found");
    }
}
