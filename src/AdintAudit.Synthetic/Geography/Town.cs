namespace AdintAudit.Synthetic.Geography;

/// <summary>A town of the metro area: a population and job centre, and the unit that IP geolocation resolves to.</summary>
/// <param name="Name">Display name (fictional).</param>
/// <param name="XMeters">East offset of the centre from the metro centre, metres.</param>
/// <param name="YMeters">North offset of the centre from the metro centre, metres.</param>
/// <param name="PopulationWeight">Relative share of homes.</param>
/// <param name="JobWeight">Relative share of workplaces.</param>
/// <param name="SpreadMeters">Standard deviation of homes around the centre, metres.</param>
/// <param name="IpRadiusMeters">Equal-area radius of the town, metres: the accuracy an IP geolocation database reports (5–25 km).</param>
internal readonly record struct Town(
    string Name, double XMeters, double YMeters, double PopulationWeight, double JobWeight, double SpreadMeters, double IpRadiusMeters);
