using AdintAudit.Data;
using AdintAudit.Sites;

namespace AdintAudit.Tests.Sites;

/// <summary>The committed 2,000-device sample against its own sites.</summary>
public sealed class SiteExposureSampleTests
{
    [Fact]
    public void Compute_on_the_sample_does_not_depend_on_the_thread_count_and_matches_the_mask()
    {
        string folder = Path.Combine(SharedData.RepoRoot, "data-synthetic", "sample");
        PingTable pings = PingTableLoader.Load([Path.Combine(folder, "pings.parquet")], cancellationToken: TestContext.Current.CancellationToken).Table;
        SiteCatalog sites = SiteCatalog.Load(Path.Combine(folder, "sites.geojson"));

        SiteExposureResult one = SiteExposureAnalyzer.Compute(pings, sites, null, null, null, options: new SiteExposureOptions { MaxDegreeOfParallelism = 1 },
            ct: TestContext.Current.CancellationToken);
        SiteExposureResult two = SiteExposureAnalyzer.Compute(pings, sites, null, null, null, options: new SiteExposureOptions { MaxDegreeOfParallelism = 2 },
            ct: TestContext.Current.CancellationToken);
        bool[] mask = SiteExposureAnalyzer.AtSiteMask(pings, sites, ct: TestContext.Current.CancellationToken);

        Assert.Equal(one.Sites.Select(s => (s.Devices, s.Pings, s.Days)), two.Sites.Select(s => (s.Devices, s.Pings, s.Days)));
        Assert.Equal(one.PingsAtAnySite, mask.Count(m => m));
        Assert.True(one.Sites.Count(s => s.Devices > 0) > 50, "the generator plants visits at many sites"); // 83 of 277 when written
        Assert.True(one.DevicesAtAnySite > 100);
    }
}
