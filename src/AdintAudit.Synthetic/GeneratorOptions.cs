namespace AdintAudit.Synthetic;

/// <summary>
/// Every parameter of the synthetic data generator, with the defaults of GENERATOR-SPEC.md §2 (the <c>mixed</c> preset).
/// The output is a pure function of these options: the same options give the same dataset, byte for byte.
/// </summary>
/// <remarks>
/// Sources are tagged as in the spec: [V] verified in a primary source, [S] secondary reporting, [A] our assumption.
/// Start from <see cref="Mixed"/>, <see cref="Bidstream"/>, <see cref="SdkPanel"/> or <see cref="ForPreset"/> and
/// change single values with <c>with { … }</c>.
/// </remarks>
public sealed record GeneratorOptions
{
    /// <summary>The <c>mixed</c> preset (the default): spec §2 defaults and §4 row <c>mixed</c>.</summary>
    public static GeneratorOptions Mixed { get; } = new();

    /// <summary>The <c>bidstream</c> preset: spec §2 ranges and §4 row <c>bidstream</c>.</summary>
    public static GeneratorOptions Bidstream { get; } = new()
    {
        Preset = GeneratorPreset.Bidstream,
        ActiveC0 = -2.0,
        ActiveC1 = 1.8,
        RateM0 = 0.0,
        RateM1 = 0.9,
        BackgroundSdkShare = 0,
        BidstreamShareOfForeground = 1.0,
        Sources = new SourceMix(0.35, 0.10, 0.10, 0.05, 0.40),
    };

    /// <summary>The <c>sdk_panel</c> preset: spec §2 ranges and §4 row <c>sdk_panel</c>.</summary>
    public static GeneratorOptions SdkPanel { get; } = new()
    {
        Preset = GeneratorPreset.SdkPanel,
        EphemeralIdRatio = 0,
        ActiveC0 = -2.5,
        ActiveC1 = 1.6,
        RateM0 = Math.Log(2),
        RateM1 = 1.2,
        BackgroundSdkShare = 0.6,
        BidstreamShareOfForeground = 0,
        Sources = new SourceMix(0.75, 0.15, 0.05, 0.03, 0.02),
    };

    /// <summary>Which preset these options started from (recorded in the manifest).</summary>
    public GeneratorPreset Preset { get; init; } = GeneratorPreset.Mixed;

    /// <summary>Seed of every random stream (spec §2 <c>seed</c>, default 42).</summary>
    public ulong Seed { get; init; } = 42;

    /// <summary>Persistent devices (spec §2 <c>n_devices</c>, default 50,000; range 1 to 10 M). Ephemeral IDs come on top.</summary>
    public int Devices { get; init; } = 50_000;

    /// <summary>Days in the window (spec §2 <c>days</c>, default 28; 1 to 366).</summary>
    public int Days { get; init; } = 28;

    /// <summary>First local day of the window (default Monday 2024-06-03 [A], fixed so that output never depends on today).</summary>
    public DateOnly StartDate { get; init; } = new(2024, 6, 3);

    /// <summary>IANA time zone of the metro area; schedules are in its local time (default <c>Europe/Berlin</c> [A]).</summary>
    public string TimeZoneId { get; init; } = "Europe/Berlin";

    /// <summary>Latitude of the metro area's centre in degrees (default 52.45 [A]: a fictional metro in Germany).</summary>
    public double MetroCenterLatitude { get; init; } = 52.45;

    /// <summary>Longitude of the metro area's centre in degrees (default 13.40 [A]).</summary>
    public double MetroCenterLongitude { get; init; } = 13.40;

    /// <summary>Single-day or short-lived IDs per persistent device over the window (spec §2, default 1.5; bidstream 1.5–4; sdk_panel 0) [V].</summary>
    public double EphemeralIdRatio { get; init; } = 1.5;

    /// <summary>Intercept of <c>p_active = sigmoid(c0 + c1·z)</c> (spec §2, default −1.5; bidstream −2.0; sdk_panel −2.5).</summary>
    public double ActiveC0 { get; init; } = -1.5;

    /// <summary>Engagement slope of <c>p_active</c> (spec §2, default 2.0; bidstream 1.8; sdk_panel 1.6).</summary>
    public double ActiveC1 { get; init; } = 2.0;

    /// <summary>Intercept of <c>λ = exp(m0 + m1·z + σ·N)</c>, the mean pings per active day (spec §2, default 0.5; bidstream 0; sdk_panel ln 2).</summary>
    public double RateM0 { get; init; } = 0.5;

    /// <summary>Engagement slope of <c>λ</c> (spec §2, default 1.2; bidstream 0.9; sdk_panel 1.2).</summary>
    public double RateM1 { get; init; } = 1.2;

    /// <summary>σ of the per-device log-rate noise ε (spec §1.2, default 0.7).</summary>
    public double RateNoiseSigma { get; init; } = 0.7;

    /// <summary>Shape k of the day multiplier <c>g ~ Gamma(k, 1/k)</c> (spec §1.2, default 1.5).</summary>
    public double DayMultiplierShape { get; init; } = 1.5;

    /// <summary>Cap on pings per device-day (spec §2 <c>max_pings_per_day</c>, default 15,000; NYT "&gt;14,000 times a day" [S]).</summary>
    public int MaxPingsPerDay { get; init; } = 15_000;

    /// <summary>Mean μ of an ephemeral ID's pings per day, <c>1 + Poisson(μ)</c> (spec §2, default 0.8) [A].</summary>
    public double EphemeralPingsMean { get; init; } = 0.8;

    /// <summary>Share of ephemeral IDs that live 2–3 days instead of one (spec §2, default 0.2) [A].</summary>
    public double EphemeralMultiDayShare { get; init; } = 0.2;

    /// <summary>Mean μ of app sessions per active day, <c>1 + Poisson(μ)</c> (spec §2, default 2) [A].</summary>
    public double SessionsPerDayMean { get; init; } = 2;

    /// <summary>Share of persistent devices with a background SDK (spec §2, default 0.3; sdk_panel 0.6; bidstream 0) [V/S].</summary>
    public double BackgroundSdkShare { get; init; } = 0.3;

    /// <summary>
    /// Share of the other (foreground-only) persistent devices whose rows come from the bidstream rather than a
    /// foreground SDK (default 0.5 [A]; bidstream 1; sdk_panel 0). Only changes <c>collection_mode</c>.
    /// </summary>
    public double BidstreamShareOfForeground { get; init; } = 0.5;

    /// <summary>Share of a background device's day count spent in motion bursts while travelling (default 0.5 [A]; InMarket [S]).</summary>
    public double BackgroundBurstShare { get; init; } = 0.5;

    /// <summary>Shortest ping interval while moving in background mode, seconds (spec §2, default 5) [S].</summary>
    public double MovingIntervalMinSeconds { get; init; } = 5;

    /// <summary>Longest ping interval while moving in background mode, seconds (spec §2, default 60) [S].</summary>
    public double MovingIntervalMaxSeconds { get; init; } = 60;

    /// <summary>Source mix gps / wifi / coarse / ios_reduced / ip (spec §2, default 0.55 / 0.15 / 0.08 / 0.04 / 0.18) [V/S].</summary>
    public SourceMix Sources { get; init; } = new(0.55, 0.15, 0.08, 0.04, 0.18);

    /// <summary>Median reported GPS accuracy, metres (spec §2, default 8; X-Mode, Android 68 % semantics [S/V]).</summary>
    public double GpsAccuracyMedianMeters { get; init; } = 8;

    /// <summary>90th percentile of reported GPS accuracy, metres (spec §2, default 25).</summary>
    public double GpsAccuracyP90Meters { get; init; } = 25;

    /// <summary>Median reported Wi-Fi accuracy, metres (spec §2, default 30; Android balanced "about 100 m" [V]).</summary>
    public double WifiAccuracyMedianMeters { get; init; } = 30;

    /// <summary>90th percentile of reported Wi-Fi accuracy, metres (spec §2, default 100).</summary>
    public double WifiAccuracyP90Meters { get; init; } = 100;

    /// <summary>Median true error of coarse (cell) points, metres (spec §2 "true error ~2 km"; Factual [V]).</summary>
    public double CoarseErrorMedianMeters { get; init; } = 2_000;

    /// <summary>Share of IP points whose accuracy is null rather than the town radius (spec §2 "or null"; default 0.3 [A]).</summary>
    public double IpNullAccuracyShare { get; init; } = 0.3;

    /// <summary>Share of IP points that fall back to the country centroid, the "Kansas farm" (spec §2, default 0.02) [V].</summary>
    public double IpCountryFallbackShare { get; init; } = 0.02;

    /// <summary>Share of apps (suppliers) that truncate GPS and Wi-Fi coordinates to 5 decimals (spec §2, default 0.10) [A].</summary>
    public double Truncate5DecimalsShare { get; init; } = 0.10;

    /// <summary>Share of apps (suppliers) that truncate GPS and Wi-Fi coordinates to 4 decimals (spec §2, default 0.05) [A].</summary>
    public double Truncate4DecimalsShare { get; init; } = 0.05;

    /// <summary>Share of coarse points with the repeated-digit artefact such as 43.315315 (spec §2, default 0.05; Factual [V]).</summary>
    public double RepeatedDigitShare { get; init; } = 0.05;

    /// <summary>Share of rows followed by an exact duplicate (spec §2, default 0.02; Digital Reef, Quadrant [V]).</summary>
    public double DuplicateShare { get; init; } = 0.02;

    /// <summary>Share of rows followed by a near-duplicate from a second supplier, ±1 s and a few metres (spec §2, default 0.01) [A].</summary>
    public double NearDuplicateShare { get; init; } = 0.01;

    /// <summary>Share of rows with a wrong timestamp: 1970, future, outside the window, s/ms confusion (spec §2, default 0.002) [S/A].</summary>
    public double BadTimestampShare { get; init; } = 0.002;

    /// <summary>Share of rows replaced by a bogus point: (0, 0) or a random ocean or Arctic rectangle (spec §2, default 0.001; Factual [V]).</summary>
    public double BogusPointShare { get; init; } = 0.001;

    /// <summary>Share of devices with one teleport to another country within a day (spec §2, default 0.005; Quadrant [V]).</summary>
    public double TeleportDeviceShare { get; init; } = 0.005;

    /// <summary>Share of persistent devices that are iOS with an IDFA; the rest are Android with an AAID (spec §2, default 0.25) [A].</summary>
    public double IdfaShare { get; init; } = 0.25;

    /// <summary>Share of iOS rows whose IDFA is zeroed, <c>00000000-0000-0000-0000-000000000000</c> (spec §2, default 0.005; Quadrant [V]).</summary>
    public double ZeroedIdfaShare { get; init; } = 0.005;

    /// <summary>Share of iOS devices whose rows from one vendor's apps carry a per-vendor IDFV instead (spec §2, default 0.10) [V].</summary>
    public double IdfvDeviceShare { get; init; } = 0.10;

    /// <summary>Probability that a device resets its advertising ID in 30 days (spec §2, default 0.02; range 0–0.07) [S].</summary>
    public double IdResetPer30Days { get; init; } = 0.02;

    /// <summary>Share of persons with a second device, a tablet (spec §2 "1.1 devices per person", default 0.10) [A].</summary>
    public double SecondDeviceShare { get; init; } = 0.10;

    /// <summary>Persona shares (spec §2, default 0.45 / 0.10 / 0.10 / 0.20 / 0.15) [A].</summary>
    public PersonaMix Personas { get; init; } = new(0.45, 0.10, 0.10, 0.20, 0.15);

    /// <summary>Share of nights spent away from home, at a partner's or travelling (spec §2 "Home dwell", default 0.05) [A].</summary>
    public double NightAwayShare { get; init; } = 0.05;

    /// <summary>Standard deviation of work start and end times, minutes (spec §2 "Work schedule", default 45) [V/A].</summary>
    public double WorkTimeSdMinutes { get; init; } = 45;

    /// <summary>Median home-to-work distance, metres (spec §2, default 8,000, log-normal) [A].</summary>
    public double WorkDistanceMedianMeters { get; init; } = 8_000;

    /// <summary>Share of persons who attend a religious service weekly (spec §2, default 0.21; Gallup 2021–23 [V]).</summary>
    public double ReligiousWeeklyShare { get; init; } = 0.21;

    /// <summary>Share of persons who attend almost weekly, three weeks in four (spec §2, default 0.09) [V].</summary>
    public double ReligiousAlmostWeeklyShare { get; init; } = 0.09;

    /// <summary>Share of persons who attend monthly (spec §2, default 0.11) [V].</summary>
    public double ReligiousMonthlyShare { get; init; } = 0.11;

    /// <summary>Medical office visits per person per year (spec §2, default 3.2; NAMCS [V]).</summary>
    public double MedicalVisitsPerYear { get; init; } = 3.2;

    /// <summary>Per-30-day probabilities of the other sensitive visits (spec §2) [S/A].</summary>
    public SensitiveVisitRates SensitiveVisits { get; init; } = SensitiveVisitRates.Default;

    /// <summary>Share of persons whose workplace is a critical site, a military base or the government compound (spec §2, default 0.005) [S/A].</summary>
    public double CriticalSiteWorkerShare { get; init; } = 0.005;

    /// <summary>Rows per row group of the Parquet outputs (default 1,048,576). Changes the file layout, never the content.</summary>
    public int RowGroupRows { get; init; } = 1 << 20;

    /// <summary>Returns the options of a preset.</summary>
    /// <param name="preset">The preset.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined preset.</exception>
    public static GeneratorOptions ForPreset(GeneratorPreset preset) => preset switch
    {
        GeneratorPreset.Mixed => Mixed,
        GeneratorPreset.Bidstream => Bidstream,
        GeneratorPreset.SdkPanel => SdkPanel,
        _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, "unknown preset"),
    };

    /// <summary>Returns the preset's name as written on the command line and in the manifest: <c>mixed</c>, <c>bidstream</c>, <c>sdk_panel</c>.</summary>
    /// <param name="preset">The preset.</param>
    public static string PresetName(GeneratorPreset preset) => preset switch
    {
        GeneratorPreset.Bidstream => "bidstream",
        GeneratorPreset.SdkPanel => "sdk_panel",
        _ => "mixed",
    };

    /// <summary>Checks every parameter's range.</summary>
    /// <exception cref="ArgumentException">A parameter is out of range; the message names it.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Devices, 1, nameof(Devices));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Devices, 100_000_000, nameof(Devices));
        ArgumentOutOfRangeException.ThrowIfLessThan(Days, 1, nameof(Days));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Days, 366, nameof(Days));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPingsPerDay, 1, nameof(MaxPingsPerDay));
        ArgumentOutOfRangeException.ThrowIfLessThan(RowGroupRows, 1, nameof(RowGroupRows));
        ArgumentNullException.ThrowIfNull(Sources, nameof(Sources));
        ArgumentNullException.ThrowIfNull(Personas, nameof(Personas));
        ArgumentNullException.ThrowIfNull(SensitiveVisits, nameof(SensitiveVisits));
        Sources.Validate();
        Personas.Validate();
        if (!(EphemeralIdRatio >= 0 && EphemeralIdRatio <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(EphemeralIdRatio), EphemeralIdRatio, "must be in [0, 100]");
        }

        if (!(Math.Abs(MetroCenterLatitude) <= 80 && Math.Abs(MetroCenterLongitude) <= 180))
        {
            throw new ArgumentOutOfRangeException(nameof(MetroCenterLatitude), "metro centre must be within ±80° latitude and ±180° longitude");
        }

        foreach ((string name, double share) in (ReadOnlySpan<(string, double)>)[
            (nameof(BackgroundSdkShare), BackgroundSdkShare), (nameof(BidstreamShareOfForeground), BidstreamShareOfForeground),
            (nameof(BackgroundBurstShare), BackgroundBurstShare), (nameof(IpNullAccuracyShare), IpNullAccuracyShare),
            (nameof(IpCountryFallbackShare), IpCountryFallbackShare), (nameof(Truncate5DecimalsShare), Truncate5DecimalsShare),
            (nameof(Truncate4DecimalsShare), Truncate4DecimalsShare), (nameof(RepeatedDigitShare), RepeatedDigitShare),
            (nameof(DuplicateShare), DuplicateShare), (nameof(NearDuplicateShare), NearDuplicateShare),
            (nameof(BadTimestampShare), BadTimestampShare), (nameof(BogusPointShare), BogusPointShare),
            (nameof(TeleportDeviceShare), TeleportDeviceShare), (nameof(IdfaShare), IdfaShare),
            (nameof(ZeroedIdfaShare), ZeroedIdfaShare), (nameof(IdfvDeviceShare), IdfvDeviceShare),
            (nameof(IdResetPer30Days), IdResetPer30Days), (nameof(SecondDeviceShare), SecondDeviceShare),
            (nameof(NightAwayShare), NightAwayShare), (nameof(EphemeralMultiDayShare), EphemeralMultiDayShare),
            (nameof(CriticalSiteWorkerShare), CriticalSiteWorkerShare)])
        {
            if (!(share >= 0 && share <= 1))
            {
                throw new ArgumentOutOfRangeException(name, share, "must be a share in [0, 1]");
            }
        }

        if (Truncate5DecimalsShare + Truncate4DecimalsShare > 1)
        {
            throw new ArgumentException("Truncate5DecimalsShare + Truncate4DecimalsShare must not exceed 1");
        }

        if (!(MovingIntervalMinSeconds > 0 && MovingIntervalMaxSeconds >= MovingIntervalMinSeconds))
        {
            throw new ArgumentException("moving interval must satisfy 0 < min <= max");
        }

        if (!(DayMultiplierShape > 0 && RateNoiseSigma >= 0 && SessionsPerDayMean >= 0 && EphemeralPingsMean >= 0))
        {
            throw new ArgumentException("DayMultiplierShape must be positive; RateNoiseSigma, SessionsPerDayMean and EphemeralPingsMean non-negative");
        }

        _ = ResolveTimeZone();
    }

    /// <summary>Finds <see cref="TimeZoneId"/>.</summary>
    /// <exception cref="ArgumentException">The id is not a known time zone.</exception>
    internal TimeZoneInfo ResolveTimeZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new ArgumentException($"unknown time zone '{TimeZoneId}'", nameof(TimeZoneId), ex);
        }
    }
}
