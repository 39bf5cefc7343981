namespace AdintAudit.Synthetic;

/// <summary>
/// One row of <c>truth_visits.parquet</c>: a planted stay at a POI on a day the identifier has data, with its pings
/// that fell inside the POI polygon (spec §2 "Visit-count rule for truth": ≥ 1 ping inside; also the old Veraset
/// rule, 2 pings ≥ 4 min apart).
/// </summary>
/// <param name="PersonId">The person.</param>
/// <param name="DeviceId">The identifier in use at arrival.</param>
/// <param name="PoiId">The POI (see <c>pois.parquet</c>).</param>
/// <param name="ArrivalMs">UTC epoch milliseconds of arrival.</param>
/// <param name="DepartureMs">UTC epoch milliseconds of departure.</param>
/// <param name="PingsInPolygon">Rows of this identifier during the stay whose reported point is inside the POI polygon.</param>
/// <param name="VerasetRule">Whether two of those rows are at least 4 minutes apart.</param>
public readonly record struct TruthVisit(
    int PersonId,
    string DeviceId,
    int PoiId,
    long ArrivalMs,
    long DepartureMs,
    int PingsInPolygon,
    bool VerasetRule);
