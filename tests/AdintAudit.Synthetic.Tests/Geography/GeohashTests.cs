using AdintAudit.Synthetic.Geography;

namespace AdintAudit.Synthetic.Tests.Geography;

public sealed class GeohashTests
{
    [Theory]
    [InlineData(57.64911, 10.40744, 11, "u4pruydqqvj")]
    [InlineData(52.5200, 13.4050, 7, "u33dc0c")]
    [InlineData(-23.5505, -46.6333, 5, "6gyf4")]
    public void Encode_known_points_match_reference(double latitude, double longitude, int precision, string expected)
    {
        string hash = Geohash.Encode(latitude, longitude, precision);

        Assert.Equal(expected, hash);
    }
}
