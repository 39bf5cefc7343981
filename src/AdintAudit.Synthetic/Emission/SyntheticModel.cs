using AdintAudit.Synthetic.Devices;
using AdintAudit.Synthetic.Geography;
using AdintAudit.Synthetic.Population;

namespace AdintAudit.Synthetic.Emission;

/// <summary>
/// Everything shared and read-only during generation: options, calendar (UTC start of every local day), metro
/// area, POIs, apps, and the person and device factories. Built once; safe to share between threads.
/// </summary>
internal sealed class SyntheticModel
{
    public SyntheticModel(GeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        TimeZone = options.ResolveTimeZone();
        DayStartUtcMs = new long[options.Days + 1];
        Weekdays = new DayOfWeek[options.Days + 1];
        for (int d = 0; d <= options.Days; d++)
        {
            DateOnly date = options.StartDate.AddDays(d);
            Weekdays[d] = date.DayOfWeek;
            DayStartUtcMs[d] = LocalMidnightUtcMs(date, TimeZone);
        }

        Metro = new MetroArea(options.MetroCenterLatitude, options.MetroCenterLongitude);
        Pois = new PoiCatalog(Metro, options.Seed);
        Apps = new AppCatalog(options);
        Persons = new PersonFactory(options, Metro, Pois);
        Devices = new DeviceFactory(options, Apps, DayStartUtcMs[0], DayStartUtcMs[options.Days]);
    }

    public GeneratorOptions Options { get; }

    public TimeZoneInfo TimeZone { get; }

    /// <summary>UTC milliseconds of local midnight of each day of the window, plus the end of the window.</summary>
    /// <remarks>
    /// A day's local times map to UTC through its midnight, so on the two DST-change days the hours after 02:00 or
    /// 03:00 are shifted by one hour; every other day is exact.
    /// </remarks>
    public long[] DayStartUtcMs { get; }

    public DayOfWeek[] Weekdays { get; }

    public MetroArea Metro { get; }

    public PoiCatalog Pois { get; }

    public AppCatalog Apps { get; }

    public PersonFactory Persons { get; }

    public DeviceFactory Devices { get; }

    public long WindowStartMs => DayStartUtcMs[0];

    public long WindowEndMs => DayStartUtcMs[^1];

    private static long LocalMidnightUtcMs(DateOnly date, TimeZoneInfo zone)
    {
        DateTime local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        DateTime utc = TimeZoneInfo.ConvertTimeToUtc(local, zone);
        return new DateTimeOffset(utc, TimeSpan.Zero).ToUnixTimeMilliseconds();
    }
}
