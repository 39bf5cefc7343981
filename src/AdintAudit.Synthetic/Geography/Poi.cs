namespace AdintAudit.Synthetic.Geography;

/// <summary>A point of interest: an axis-aligned rectangle (in the local metric projection) with a kind and a name.</summary>
/// <param name="Id">Index in the catalog; also the <c>poi_id</c> written to files.</param>
/// <param name="Kind">What the place is.</param>
/// <param name="Name">Display name.</param>
/// <param name="XMeters">East offset of the centre, metres.</param>
/// <param name="YMeters">North offset of the centre, metres.</param>
/// <param name="HalfWidthMeters">Half the east-west size, metres.</param>
/// <param name="HalfHeightMeters">Half the north-south size, metres.</param>
internal readonly record struct Poi(int Id, PoiKind Kind, string Name, double XMeters, double YMeters, double HalfWidthMeters, double HalfHeightMeters)
{
    public bool Contains(double x, double y) =>
        Math.Abs(x - XMeters) <= HalfWidthMeters && Math.Abs(y - YMeters) <= HalfHeightMeters;
}
