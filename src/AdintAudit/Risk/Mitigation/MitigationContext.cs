namespace AdintAudit.Risk.Mitigation;

/// <summary>What some mitigations need besides the pings: inferred homes and the sensitive-site mask.</summary>
/// <remarks>
/// Empty memory means "not supplied"; <see cref="Mitigations.CanApply"/> says whether a mitigation can run with it.
/// The arrays are read, never written. A context belongs to the table it is applied to: homes are indexed by that table's
/// device numbers (a <see cref="Mobility.HomeWorkTable"/> inferred from the same table has them: pass its HomeLat and
/// HomeLon arrays), the mask by its rows. To chain two mitigations, build the second context for the first one's output
/// (device numbers are kept, so homes carry over; a row mask does not).
/// </remarks>
public sealed record MitigationContext
{
    /// <summary>A context with nothing supplied (enough for rounding, grid snapping, time coarsening and sub-sampling).</summary>
    public static MitigationContext None { get; } = new();

    /// <summary>
    /// Home latitude of each device in degrees, indexed by device number of the table the mitigation is applied to;
    /// NaN when the device has no inferred home. Default: empty (not supplied).
    /// </summary>
    public ReadOnlyMemory<double> HomeLatDegrees { get; init; }

    /// <summary>Home longitude of each device in degrees, same indexing as <see cref="HomeLatDegrees"/>. Default: empty.</summary>
    public ReadOnlyMemory<double> HomeLonDegrees { get; init; }

    /// <summary>One flag per ping row of the table: true when the ping is at a sensitive site. Default: empty (not supplied).</summary>
    public ReadOnlyMemory<bool> AtSite { get; init; }
}
