namespace AdintAudit.Mobility;

/// <summary>How stays are detected.</summary>
public enum StayMethod
{
    /// <summary>Our detector for sparse ad-tech data (ALGORITHMS.md §1.3).</summary>
    Adtech,

    /// <summary>scikit-mobility <c>stay_locations</c>, quirks included (§1.1).</summary>
    Skmob,

    /// <summary>trackintel <c>generate_staypoints</c> sliding, quirks included (§1.2).</summary>
    Trackintel,
}

/// <summary>How stays are clustered into places.</summary>
public enum PlaceMethod
{
    /// <summary>DBSCAN, correct haversine, duration-weighted centre (§2).</summary>
    Default,

    /// <summary>scikit-mobility <c>cluster</c>: labels re-ranked by size (§2).</summary>
    Skmob,

    /// <summary>trackintel <c>generate_locations</c>: (lon, lat) swapped into the haversine (§2).</summary>
    Trackintel,
}

/// <summary>How home and work are inferred.</summary>
public enum HomeWorkMethod
{
    /// <summary>Most distinct nights at a place; work by weekday daytime dwell (§3).</summary>
    Default,

    /// <summary>scikit-mobility <c>home_location</c> over raw pings; no work.</summary>
    Skmob,

    /// <summary>trackintel FREQ: longest total stay duration = home, second = work.</summary>
    Freq,

    /// <summary>trackintel OSNA: time-of-week weighted durations.</summary>
    Osna,
}

/// <summary>Every setting of stay detection, with the defaults of ALGORITHMS.md §1.</summary>
public sealed record StayOptions
{
    /// <summary>The detector (default <see cref="StayMethod.Adtech"/>).</summary>
    public StayMethod Method { get; init; } = StayMethod.Adtech;

    /// <summary>Adtech: radius of a stay in meters (default 200).</summary>
    public double RadiusMeters { get; init; } = 200;

    /// <summary>Adtech: minimum duration of a stay in minutes (default 20).</summary>
    public double MinDurationMinutes { get; init; } = 20;

    /// <summary>Adtech: longest gap between two pings inside the radius that a stay may bridge, in minutes (default 720 = 12 h).</summary>
    public double MaxGapMinutes { get; init; } = 720;

    /// <summary>Adtech: pings with a worse (larger) accuracy in meters are ignored (default 500).</summary>
    public double MaxAccuracyMeters { get; init; } = 500;

    /// <summary>Adtech: accuracy assumed for pings without one, for the centre's weights, in meters (default 50).</summary>
    public double UnknownAccuracyMeters { get; init; } = 50;

    /// <summary>scikit-mobility <c>spatial_radius_km</c> (default 0.2).</summary>
    public double SkmobSpatialRadiusKm { get; init; } = 0.2;

    /// <summary>scikit-mobility <c>minutes_for_a_stop</c> (default 20).</summary>
    public double SkmobMinutesForAStop { get; init; } = 20;

    /// <summary>scikit-mobility <c>leaving_time</c>: a stay ends at the first point outside (default true).</summary>
    public bool SkmobLeavingTime { get; init; } = true;

    /// <summary>scikit-mobility <c>no_data_for_minutes</c> (default 1e12, never).</summary>
    public double SkmobNoDataForMinutes { get; init; } = 1e12;

    /// <summary>trackintel <c>dist_threshold</c> in meters (default 100).</summary>
    public double TrackintelDistThresholdMeters { get; init; } = 100;

    /// <summary>trackintel <c>time_threshold</c> in minutes (default 5).</summary>
    public double TrackintelTimeThresholdMinutes { get; init; } = 5;

    /// <summary>trackintel <c>gap_threshold</c> in minutes (default 15).</summary>
    public double TrackintelGapThresholdMinutes { get; init; } = 15;

    /// <summary>trackintel <c>include_last</c> (default false).</summary>
    public bool TrackintelIncludeLast { get; init; }

    /// <summary>Threads used; 0 for all cores (default). Results do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; }
}

/// <summary>Every setting of place clustering, with the defaults of ALGORITHMS.md §2.</summary>
public sealed record PlaceOptions
{
    /// <summary>The clustering (default <see cref="PlaceMethod.Default"/>).</summary>
    public PlaceMethod Method { get; init; } = PlaceMethod.Default;

    /// <summary>Default and trackintel: DBSCAN eps in meters (default 100).</summary>
    public double EpsMeters { get; init; } = 100;

    /// <summary>scikit-mobility <c>cluster_radius_km</c> (default 0.1; eps = km / 6371.0088 rad).</summary>
    public double SkmobClusterRadiusKm { get; init; } = 0.1;

    /// <summary>DBSCAN minimum points, the point itself included (default 1: every stay belongs to a place).</summary>
    public int MinPoints { get; init; } = 1;

    /// <summary>Threads used; 0 for all cores (default).</summary>
    public int MaxDegreeOfParallelism { get; init; }
}

/// <summary>Every setting of home and work inference, with the defaults of ALGORITHMS.md §3.</summary>
public sealed record HomeWorkOptions
{
    /// <summary>The method (default <see cref="HomeWorkMethod.Default"/>).</summary>
    public HomeWorkMethod Method { get; init; } = HomeWorkMethod.Default;

    /// <summary>Local hour the night window starts (default 22, inclusive).</summary>
    public int NightStartHour { get; init; } = 22;

    /// <summary>Local hour the night window ends (default 7, inclusive of hh:00:00.000).</summary>
    public int NightEndHour { get; init; } = 7;

    /// <summary>Default: local hour the work window starts on weekdays (default 9).</summary>
    public int WorkStartHour { get; init; } = 9;

    /// <summary>Default: local hour the work window ends on weekdays (default 17).</summary>
    public int WorkEndHour { get; init; } = 17;

    /// <summary>Default: distinct weekdays with work-window evidence a work place needs (default 3).</summary>
    public int MinWorkDays { get; init; } = 3;

    /// <summary>
    /// Default: when no place qualifies as work in the weekday window, a place with stays at least this long (any hour)
    /// on <see cref="MinWorkDays"/> distinct days is work (shift workers); 0 disables (default 1 h).
    /// </summary>
    public double FallbackWorkStayHours { get; init; } = 1;

    /// <summary>Default: distinct nights with evidence a home needs (default 2); fewer gives no home.</summary>
    public int MinHomeNights { get; init; } = 2;

    /// <summary>Default: pings outside stays count as evidence for the nearest place within this distance, in meters (default 200).</summary>
    public double PingEvidenceRadiusMeters { get; init; } = 200;

    /// <summary>
    /// Default: night and work-window pings farther than <see cref="PingEvidenceRadiusMeters"/> from every place, with an
    /// accuracy of at most <see cref="OrphanMaxAccuracyMeters"/>, are clustered (DBSCAN, this eps in meters) into extra
    /// candidate places, so sparse devices without stays still get a home; 0 disables (default 100).
    /// </summary>
    public double OrphanEpsMeters { get; init; } = 100;

    /// <summary>Default: the worst accuracy of a ping that may form an extra candidate place, in meters (default 100).</summary>
    public double OrphanMaxAccuracyMeters { get; init; } = 100;

    /// <summary>Default: pings with a worse accuracy in meters are no evidence (default 500).</summary>
    public double MaxAccuracyMeters { get; init; } = 500;

    /// <summary>OSNA: weight of rest time, 02:00 ≤ h &lt; 08:00 (default 0.739).</summary>
    public double OsnaRestWeight { get; init; } = 0.739;

    /// <summary>OSNA: weight of leisure time (default 0.358).</summary>
    public double OsnaLeisureWeight { get; init; } = 0.358;

    /// <summary>OSNA: weight of work time, 08:00 ≤ h &lt; 19:00 (default 1).</summary>
    public double OsnaWorkWeight { get; init; } = 1.0;

    /// <summary>Threads used; 0 for all cores (default).</summary>
    public int MaxDegreeOfParallelism { get; init; }
}
