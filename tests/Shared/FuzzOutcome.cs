using System.Globalization;

namespace AdintAudit.TestSupport;

/// <summary>What a <see cref="FuzzCampaign"/> did.</summary>
internal sealed class FuzzOutcome(string target, ulong seed)
{
    public int Iterations { get; set; }

    public int Decoded { get; set; }

    public int Rejected { get; set; }

    public long MaxAllocatedBytes { get; set; }

    public TimeSpan Elapsed { get; set; }

    public List<string> Failures { get; } = [];

    /// <summary>Fails the test with every failure, or when the mutations never produced both outcomes.</summary>
    public void AssertClean()
    {
        Assert.True(Failures.Count == 0, string.Join("\n", Failures));
        Assert.True(Decoded > 0 && Rejected > 0, $"{this}: the mutations should produce both decoded and rejected inputs");
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{target} seed {seed}: {Iterations} inputs in {Elapsed.TotalSeconds:F1} s, {Decoded} decoded, {Rejected} rejected, {Failures.Count} failures, max allocation {MaxAllocatedBytes:N0} bytes");
}
