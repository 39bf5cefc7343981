using AdintAudit.Risk.Unicity;

namespace AdintAudit.Tests.Risk.Unicity;

public sealed class NormalQuantileTests
{
    [Fact]
    public void Of_matches_tabulated_values_within_the_approximation_error()
    {
        // Acklam's approximation: relative error below 1.15e-9, so 7 decimals on these.
        Assert.Equal(1.959963985, NormalQuantile.Of(0.975), 7);
        Assert.Equal(-2.326347874, NormalQuantile.Of(0.01), 7);
        Assert.Equal(0, NormalQuantile.Of(0.5), 12);
        Assert.Equal(3.090232306, NormalQuantile.Of(0.999), 7);
    }
}
