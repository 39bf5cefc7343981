namespace AdintAudit.Risk.Unicity;

/// <summary>The unicity curves of a dataset and how they were obtained.</summary>
public sealed class UnicityResult
{
    internal UnicityResult(UnicityOptions options, int totalDevices, int sampledDevices, UnicityCurve[] curves)
    {
        Options = options;
        TotalDevices = totalDevices;
        SampledDevices = sampledDevices;
        Curves = curves;
    }

    /// <summary>The options used (points sorted ascending and deduplicated).</summary>
    public UnicityOptions Options { get; }

    /// <summary>Devices in the table; every one of them counts when judging whether a subset is unique.</summary>
    public int TotalDevices { get; }

    /// <summary>Devices evaluated: all of them, or a seeded uniform sample of <see cref="UnicityOptions.MaxDevices"/>.</summary>
    public int SampledDevices { get; }

    /// <summary>The seed of the sample and of the draws.</summary>
    public ulong Seed => Options.Seed;

    /// <summary>One curve per resolution, in the order of <see cref="UnicityOptions.Resolutions"/>.</summary>
    public IReadOnlyList<UnicityCurve> Curves { get; }
}
