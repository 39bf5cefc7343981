using AdintAudit.Data;

namespace AdintAudit.Risk.Mitigation;

/// <summary>Applies what-if mitigations to a ping table, and lists the standard ones the audit runs.</summary>
/// <remarks>
/// Every mitigation is a pure function: it returns a new <see cref="PingTable"/>, sorted by (device, time) with the same
/// device dictionary and numbering as the input (devices left without pings keep an empty slice), and never changes the
/// input. The audit recomputes its headline metrics on the result and reports them in a <see cref="WhatIfTable"/>.
/// </remarks>
public static class Mitigations
{
    /// <summary>
    /// The standard what-if list, mild to strong within each family:
    /// round to 3 decimals (~110 m, the precision many brokers already sell), round to 2 decimals (~1.1 km, city
    /// district), coarsen time to 1 h (de Montjoye 2013's temporal resolution) and to 1 day, drop pings within 200 m of
    /// the inferred home (the stay radius, so the home stay disappears), keep 10 % of pings (seed 1; a sparse bid stream),
    /// remove pings at sensitive sites. Dropping near home needs the homes and removing site pings needs the site mask
    /// (<see cref="CanApply"/>); the audit skips them when those were not computed. Grid snapping is available but not a
    /// default: rounding already covers the same spatial scales in the form data holders actually publish.
    /// </summary>
    public static IReadOnlyList<WhatIfMitigation> Defaults { get; } =
    [
        WhatIfMitigation.RoundCoordinates(3),
        WhatIfMitigation.RoundCoordinates(2),
        WhatIfMitigation.CoarsenTime(60),
        WhatIfMitigation.CoarsenTime(1440),
        WhatIfMitigation.DropNearHome(200),
        WhatIfMitigation.Subsample(0.1, seed: 1),
        WhatIfMitigation.RemoveSitePings(),
    ];

    /// <summary>Returns whether <paramref name="context"/> holds what <paramref name="mitigation"/> needs (non-empty homes or mask).</summary>
    /// <param name="mitigation">The mitigation.</param>
    /// <param name="context">Homes and site mask, possibly empty.</param>
    public static bool CanApply(WhatIfMitigation mitigation, MitigationContext context)
    {
        ArgumentNullException.ThrowIfNull(mitigation);
        ArgumentNullException.ThrowIfNull(context);
        return mitigation.Kind switch
        {
            MitigationKind.DropNearHome => !context.HomeLatDegrees.IsEmpty && !context.HomeLonDegrees.IsEmpty,
            MitigationKind.RemoveSitePings => !context.AtSite.IsEmpty,
            _ => true,
        };
    }

    /// <summary>Returns a new table with <paramref name="mitigation"/> applied to <paramref name="pings"/>.</summary>
    /// <param name="pings">The pings; not changed.</param>
    /// <param name="mitigation">What to apply.</param>
    /// <param name="context">
    /// Homes (one per device of <paramref name="pings"/>) for <see cref="MitigationKind.DropNearHome"/>, the site mask
    /// (one per row) for <see cref="MitigationKind.RemoveSitePings"/>; ignored by the other kinds.
    /// </param>
    /// <returns>The mitigated table: same devices and numbering, rows sorted by (device, time).</returns>
    /// <exception cref="ArgumentException">
    /// The context lacks what the mitigation needs, or its homes or mask do not have one value per device or row.
    /// </exception>
    public static PingTable Apply(PingTable pings, WhatIfMitigation mitigation, MitigationContext context)
    {
        ArgumentNullException.ThrowIfNull(pings);
        ArgumentNullException.ThrowIfNull(mitigation);
        ArgumentNullException.ThrowIfNull(context);
        return mitigation.Kind switch
        {
            MitigationKind.RoundCoordinates => CoordinateRounding.Apply(pings, (int)mitigation.Parameter),
            MitigationKind.SnapToGrid => GridSnapping.Apply(pings, mitigation.Parameter),
            MitigationKind.CoarsenTime => TimeCoarsening.Apply(pings, (long)mitigation.Parameter * 60_000L),
            MitigationKind.DropNearHome => DropNearHome(pings, mitigation, context),
            MitigationKind.Subsample => Subsampling.Apply(pings, mitigation.Parameter, mitigation.Seed),
            _ => RemoveSitePings(pings, context),
        };
    }

    private static PingTable DropNearHome(PingTable pings, WhatIfMitigation mitigation, MitigationContext context)
    {
        ReadOnlySpan<double> lat = context.HomeLatDegrees.Span;
        ReadOnlySpan<double> lon = context.HomeLonDegrees.Span;
        if (lat.Length != pings.DeviceCount || lon.Length != pings.DeviceCount)
        {
            throw new ArgumentException(
                lat.IsEmpty || lon.IsEmpty
                    ? $"'{mitigation.Label}' needs the inferred homes (MitigationContext.HomeLatDegrees/HomeLonDegrees)"
                    : $"'{mitigation.Label}': {lat.Length} home latitudes and {lon.Length} longitudes for {pings.DeviceCount} devices; one per device is needed",
                nameof(context));
        }

        return HomeRadiusFilter.Apply(pings, lat, lon, mitigation.Parameter);
    }

    private static PingTable RemoveSitePings(PingTable pings, MitigationContext context)
    {
        ReadOnlySpan<bool> atSite = context.AtSite.Span;
        if (atSite.Length != pings.Count)
        {
            throw new ArgumentException(
                atSite.IsEmpty
                    ? "removing site pings needs the sensitive-site mask (MitigationContext.AtSite)"
                    : $"the sensitive-site mask has {atSite.Length} flags for {pings.Count} pings; one per ping is needed",
                nameof(context));
        }

        using var mask = new PooledRowMask(pings.Count);
        Span<bool> keep = mask.Flags;
        for (int i = 0; i < keep.Length; i++)
        {
            keep[i] = !atSite[i];
        }

        return pings.Filter(keep);
    }
}
