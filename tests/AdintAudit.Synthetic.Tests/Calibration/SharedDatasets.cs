namespace AdintAudit.Synthetic.Tests.Calibration;

/// <summary>Datasets shared by several test classes, generated once per test run.</summary>
internal static class SharedDatasets
{
    private static readonly Lazy<SyntheticDataset> s_mixed28 =
        new(() => SyntheticGenerator.Generate(GeneratorOptions.Mixed with { Devices = 4_000, Days = 28, Seed = 11 }));

    /// <summary>The mixed preset, 4,000 devices, 28 days, seed 11.</summary>
    public static SyntheticDataset Mixed28Days => s_mixed28.Value;
}
