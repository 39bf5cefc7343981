using AdintAudit.Data;
using AdintAudit.Mobility;

namespace AdintAudit.Tests.Mobility;

public sealed class LocalTimeTests
{
    [Fact]
    public void FromTimeZone_berlinSummerAndWinter_offsetsTwoAndOneHours()
    {
        long summer = MobilityFixtures.Ms("2024-06-10 12:00");
        long winter = MobilityFixtures.Ms("2024-01-10 12:00");
        LocalTime berlin = LocalTime.FromTimeZone("Europe/Berlin", winter, summer);

        long localSummer = berlin.ToLocalMs(summer);
        long localWinter = berlin.ToLocalMs(winter);

        Assert.Equal(2 * 3_600_000L, localSummer - summer);
        Assert.Equal(3_600_000L, localWinter - winter);
    }

    [Fact]
    public void FromTimeZone_dayOfTheSpringTransition_convertedExactly()
    {
        long before = MobilityFixtures.Ms("2024-03-31 00:30");
        long after = MobilityFixtures.Ms("2024-03-31 01:30");
        LocalTime berlin = LocalTime.FromTimeZone("Europe/Berlin", before, after);

        Assert.Equal(3_600_000L, berlin.ToLocalMs(before) - before);
        Assert.Equal(7_200_000L, berlin.ToLocalMs(after) - after);
    }

    [Fact]
    public void FromMedianLongitude_berlinPings_plusOneHourStated()
    {
        PingTable trace = MobilityFixtures.SparseTrace();

        LocalTime local = LocalTime.FromMedianLongitude(trace);

        Assert.Equal(3_600_000L, local.ToLocalMs(0));
        Assert.Contains("median longitude", local.Description, StringComparison.Ordinal);
    }
}
