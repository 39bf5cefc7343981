namespace AdintAudit.Risk.Attacks;

/// <summary>Parameters of a background-knowledge attack. Defaults follow scikit-mobility's.</summary>
public sealed record AttackOptions
{
    /// <summary>Which attack.</summary>
    public AttackKind Kind { get; init; } = AttackKind.Location;

    /// <summary>k: how many records (or distinct places) the adversary knows; a target with fewer contributes all it has.</summary>
    public int KnowledgeLength { get; init; } = 2;

    /// <summary>Relative tolerance in [0, 1] for frequency, probability and proportion matching.</summary>
    public double Tolerance { get; init; }

    /// <summary>Time bucket of the location-time attack (default Hour).</summary>
    public TimePrecision Precision { get; init; } = TimePrecision.Hour;

    /// <summary>
    /// Reproduce scikit-mobility exactly, quirks included: its "Hour" (and Minute, Second) buckets are built from the
    /// string year+month+day+month, so Hour is really Day and unpadded numbers collide (2011-1-11 and 2011-11-1);
    /// its home-work attack takes each device's two LEAST frequent places (its frequency vector is sorted ascending).
    /// </summary>
    public bool SkmobCompat { get; init; }

    /// <summary>
    /// Most background-knowledge instances searched per target. Distinct instances are enumerated with pruning and
    /// stop at risk 1; past this bound the search stops and the target's risk is a lower bound, flagged in the result.
    /// </summary>
    public long MaxInstancesPerDevice { get; init; } = 2_000_000;

    /// <summary>Threads to use; results do not depend on it. Default: all cores.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}
