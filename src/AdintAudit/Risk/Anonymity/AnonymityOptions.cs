namespace AdintAudit.Risk.Anonymity;

/// <summary>Parameters of the anonymity-set stages (<see cref="HomeWorkAnonymity"/>, <see cref="TopPlacesAnonymity"/>).</summary>
public sealed record AnonymityOptions
{
    /// <summary>
    /// Grid cell edges in meters at which places are coarsened (<see cref="Geo.GridCell"/>), finest first; each gives one
    /// summary. Default 200, 1,000, 5,000 and 20,000 m: roughly a block, a neighbourhood, a district and a city, the
    /// range over which Golle and Partridge (2009) report home/work pairs going from mostly unique to mostly hidden.
    /// Each value must be at least 1 m.
    /// </summary>
    public IReadOnlyList<double> CellMeters { get; init; } = [200, 1_000, 5_000, 20_000];

    /// <summary>
    /// k: a device "shares its pair with fewer than k devices" when its anonymity set holds fewer than k devices
    /// (itself included). Default 5, the usual k-anonymity bar (and the map layers' minimum, see DESIGN.md). At least 1.
    /// </summary>
    public int SmallSetThreshold { get; init; } = 5;

    /// <summary>
    /// Threshold of the ARX "records at risk" figure: the share of records whose prosecutor risk 1 / set size is
    /// strictly above it. Default 0.2 (set sizes below 5 are at risk, matching <see cref="SmallSetThreshold"/>: 1/5 is
    /// not above 0.2). Must lie in [0, 1].
    /// </summary>
    public double RiskThreshold { get; init; } = 0.2;

    /// <summary>
    /// Largest N of the top-N places (<see cref="TopPlacesAnonymity"/>): summaries for N = 1 .. this value. Default 3,
    /// as in Zang and Bolot (2011). Between 1 and 8.
    /// </summary>
    public int MaxTopPlaces { get; init; } = 3;

    /// <summary>Checks every value; throws <see cref="ArgumentOutOfRangeException"/> naming the first bad one.</summary>
    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(CellMeters, nameof(CellMeters));
        if (CellMeters.Count == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(CellMeters), "at least one cell size is needed");
        }

        foreach (double cell in CellMeters)
        {
            if (!(cell >= 1.0) || double.IsInfinity(cell))
            {
                throw new ArgumentOutOfRangeException(nameof(CellMeters), cell, "cell sizes must be finite and at least 1 m");
            }
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(SmallSetThreshold, 1, nameof(SmallSetThreshold));
        if (!(RiskThreshold is >= 0.0 and <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(RiskThreshold), RiskThreshold, "the risk threshold must lie in [0, 1]");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTopPlaces, 1, nameof(MaxTopPlaces));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxTopPlaces, 8, nameof(MaxTopPlaces));
    }
}
