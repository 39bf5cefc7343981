using System.Globalization;
using AdintAudit.Geo;

namespace AdintAudit.Risk.Mitigation;

/// <summary>
/// One what-if mitigation: its kind, its parameter and a label for the before/after table. Create one with the static
/// factories (they validate the parameter); apply it with <see cref="Mitigations.Apply"/>.
/// </summary>
/// <remarks>
/// The label and glossary id are derived from the kind and parameter, so they always describe what is applied. (Named
/// WhatIfMitigation, not Mitigation, so that it does not share its name with its namespace, which would make code in
/// AdintAudit.Risk.* resolve "Mitigation" to the namespace.)
/// </remarks>
public sealed record WhatIfMitigation
{
    private WhatIfMitigation(MitigationKind kind, double parameter, ulong seed)
    {
        Kind = kind;
        Parameter = parameter;
        Seed = seed;
    }

    /// <summary>What the mitigation does.</summary>
    public MitigationKind Kind { get; }

    /// <summary>
    /// The parameter, in the unit the kind states: decimals (<see cref="MitigationKind.RoundCoordinates"/>), cell meters
    /// (<see cref="MitigationKind.SnapToGrid"/>), bin minutes (<see cref="MitigationKind.CoarsenTime"/>), radius meters
    /// (<see cref="MitigationKind.DropNearHome"/>), keep probability in [0, 1] (<see cref="MitigationKind.Subsample"/>);
    /// 0 for <see cref="MitigationKind.RemoveSitePings"/>.
    /// </summary>
    public double Parameter { get; }

    /// <summary>Seed of <see cref="MitigationKind.Subsample"/>'s hash; 0 for the other kinds.</summary>
    public ulong Seed { get; }

    /// <summary>Human-readable label, for example <c>round to 3 decimals (~110 m)</c>.</summary>
    public string Label => Kind switch
    {
        MitigationKind.RoundCoordinates => string.Create(CultureInfo.InvariantCulture,
            $"round to {Parameter} decimals (~{FormatMeters(RoundToTwoSignificantDigits(GridCell.MetersPerDegreeLatitude * Math.Pow(10, -Parameter)))})"),
        MitigationKind.SnapToGrid => $"snap to {FormatMeters(Parameter)} grid cells",
        MitigationKind.CoarsenTime => $"coarsen time to {FormatMinutes(Parameter)}",
        MitigationKind.DropNearHome => $"drop pings within {FormatMeters(Parameter)} of home",
        MitigationKind.Subsample => string.Create(CultureInfo.InvariantCulture, $"keep {Parameter * 100:0.##} % of pings"),
        _ => "remove pings at sensitive sites",
    };

    /// <summary>Id of this kind's entry in <see cref="Verdict.MetricGlossary"/>, for example <c>mitigation.round_coordinates</c>.</summary>
    public string GlossaryId => Kind switch
    {
        MitigationKind.RoundCoordinates => "mitigation.round_coordinates",
        MitigationKind.SnapToGrid => "mitigation.snap_to_grid",
        MitigationKind.CoarsenTime => "mitigation.coarsen_time",
        MitigationKind.DropNearHome => "mitigation.drop_near_home",
        MitigationKind.Subsample => "mitigation.subsample",
        _ => "mitigation.remove_site_pings",
    };

    /// <summary>Creates a mitigation that rounds latitude and longitude to <paramref name="decimals"/> decimals.</summary>
    /// <param name="decimals">Decimals kept, 0..15 (3 ≈ 110 m, 2 ≈ 1.1 km of latitude).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decimals"/> is outside 0..15.</exception>
    public static WhatIfMitigation RoundCoordinates(int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 15);
        return new WhatIfMitigation(MitigationKind.RoundCoordinates, decimals, 0);
    }

    /// <summary>Creates a mitigation that moves every ping to the centre of its grid cell.</summary>
    /// <param name="cellMeters">Cell edge in meters (finite, &gt; 0); see <see cref="GridCell"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cellMeters"/> is not a positive finite number.</exception>
    public static WhatIfMitigation SnapToGrid(double cellMeters)
    {
        ThrowIfNotPositiveFinite(cellMeters);
        return new WhatIfMitigation(MitigationKind.SnapToGrid, cellMeters, 0);
    }

    /// <summary>Creates a mitigation that floors timestamps to bins of <paramref name="binMinutes"/> minutes (UTC epoch based).</summary>
    /// <param name="binMinutes">Bin length in minutes, &gt; 0 (60 = hour, 1440 = UTC day).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="binMinutes"/> is not positive.</exception>
    public static WhatIfMitigation CoarsenTime(int binMinutes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(binMinutes);
        return new WhatIfMitigation(MitigationKind.CoarsenTime, binMinutes, 0);
    }

    /// <summary>Creates a mitigation that drops every ping within <paramref name="radiusMeters"/> of the device's inferred home.</summary>
    /// <param name="radiusMeters">Radius in meters (finite, &gt; 0); a ping exactly at the radius is dropped.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="radiusMeters"/> is not a positive finite number.</exception>
    public static WhatIfMitigation DropNearHome(double radiusMeters)
    {
        ThrowIfNotPositiveFinite(radiusMeters);
        return new WhatIfMitigation(MitigationKind.DropNearHome, radiusMeters, 0);
    }

    /// <summary>Creates a mitigation that keeps each ping with probability <paramref name="keepProbability"/>.</summary>
    /// <param name="keepProbability">Probability in [0, 1] of keeping a ping (0.1 keeps about 10 %).</param>
    /// <param name="seed">Seed of the hash that decides; the same seed keeps the same pings on every machine.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="keepProbability"/> is outside [0, 1].</exception>
    public static WhatIfMitigation Subsample(double keepProbability, ulong seed = 1)
    {
        if (!(keepProbability >= 0 && keepProbability <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(keepProbability), keepProbability, "must be in [0, 1]");
        }

        return new WhatIfMitigation(MitigationKind.Subsample, keepProbability, seed);
    }

    /// <summary>Creates a mitigation that removes the pings flagged in <see cref="MitigationContext.AtSite"/>.</summary>
    public static WhatIfMitigation RemoveSitePings() => new(MitigationKind.RemoveSitePings, 0, 0);

    private static void ThrowIfNotPositiveFinite(double value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!(value > 0 && double.IsFinite(value)))
        {
            throw new ArgumentOutOfRangeException(name, value, "must be a positive finite number");
        }
    }

    private static double RoundToTwoSignificantDigits(double value)
    {
        double scale = Math.Pow(10, Math.Floor(Math.Log10(value)) - 1);
        return Math.Round(value / scale) * scale;
    }

    private static string FormatMeters(double meters) => meters >= 1000
        ? string.Create(CultureInfo.InvariantCulture, $"{meters / 1000:0.##} km")
        : string.Create(CultureInfo.InvariantCulture, $"{meters:0.##} m");

    private static string FormatMinutes(double minutes) => minutes switch
    {
        _ when minutes % 1440 == 0 => string.Create(CultureInfo.InvariantCulture, $"{minutes / 1440} {(minutes == 1440 ? "day" : "days")}"),
        _ when minutes % 60 == 0 => string.Create(CultureInfo.InvariantCulture, $"{minutes / 60} h"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{minutes} min"),
    };
}
