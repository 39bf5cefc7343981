using AdintAudit.Risk.Unicity;

namespace AdintAudit.Tests.Risk.Unicity;

public sealed class DeviceUnicityTests
{
    [Fact]
    public void Binomial_is_exact_below_the_cap_and_caps_above_it()
    {
        // C(12, 3) = 12 * 11 * 10 / 6 = 220; C(n, 0) = 1; C(10^6, 6) is far above 20, so 20 + 1.
        Assert.Equal(220, DeviceUnicity.Binomial(12, 3, 1000));
        Assert.Equal(1, DeviceUnicity.Binomial(5, 0, 10));
        Assert.Equal(21, DeviceUnicity.Binomial(1_000_000, 6, 20));
    }
}
