using System.Globalization;
using AdintAudit.Synthetic.Emission;

namespace AdintAudit.Synthetic.Tests.Emission;

public sealed class LocationSourcesTests
{
    [Fact]
    public void RepeatDigits_keeps_three_decimals_and_repeats_them()
    {
        double value = LocationSources.RepeatDigits(43.3158792);

        Assert.Equal(43.315315, value);
    }

    [Theory]
    [InlineData(4, "52.1234")]
    [InlineData(5, "52.12345")]
    [InlineData(6, "52.123457")]
    [InlineData(7, "52.1234568")]
    public void Serialise_decimals_truncates_or_rounds(int decimals, string expected)
    {
        double value = LocationSources.Serialise(52.12345678, decimals);

        Assert.Equal(expected, value.ToString("R", CultureInfo.InvariantCulture));
    }
}
