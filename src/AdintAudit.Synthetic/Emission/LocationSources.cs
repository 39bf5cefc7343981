using System.Runtime.CompilerServices;
using AdintAudit.Synthetic.Geography;
using AdintAudit.Synthetic.Randomness;

namespace AdintAudit.Synthetic.Emission;

/// <summary>
/// The location sources of spec §1.5 and §2: what each reports for a true position — accuracy, error, snapping and
/// serialisation (decimals, repeated digits).
/// </summary>
/// <remarks>
/// GPS and Wi-Fi: log-normal reported accuracy a (GPS median 8 m, 90th percentile 25 m, clamped 3–50 m; Wi-Fi 30 m,
/// 100 m, clamped 15–150 m); the error is a 2-D normal with per-axis σ = a / 1.5096, so that P(error ≤ a) = 0.68
/// (Rayleigh: 1 − exp(−a²/2σ²) = 0.68). Coarse: reported accuracy from {500, 1000, 1414, 2000, 3000} m (20 % with
/// ±10 % noise), true error Rayleigh with median 2 km, 6 dp, 5 % repeated digits. iOS reduced: snapped to a POI in
/// the same 2 km cell (else a 1 km grid point), accuracy log-uniform 1–20 km. IP: the nearest town's centre rounded
/// to 0.01°, accuracy its equal-area radius or null; 2 % the country centroid.
/// </remarks>
internal sealed class LocationSources
{
    private const double SigmaPerAccuracy = 1.0 / 1.5096;
    private const double Z90 = 1.2815515655446004;
    private static readonly float[] s_coarseAccuracies = [500f, 1000f, 1414f, 2000f, 3000f];
    private static readonly double[] s_coarseCumulative = [0.30, 0.60, 0.70, 0.90, 1.0];
    private static readonly double[] s_powersOfTen = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8];

    private readonly GeneratorOptions _options;
    private readonly SyntheticModel _model;
    private readonly LocalProjection _projection;
    private readonly double _gpsSigmaLog;
    private readonly double _wifiSigmaLog;
    private readonly double _coarseErrorSigma;
    private readonly double[] _townLatitudes;
    private readonly double[] _townLongitudes;

    public LocationSources(SyntheticModel model)
    {
        _model = model;
        _options = model.Options;
        _projection = model.Metro.Projection;
        _gpsSigmaLog = Math.Log(_options.GpsAccuracyP90Meters / _options.GpsAccuracyMedianMeters) / Z90;
        _wifiSigmaLog = Math.Log(_options.WifiAccuracyP90Meters / _options.WifiAccuracyMedianMeters) / Z90;
        _coarseErrorSigma = _options.CoarseErrorMedianMeters / Math.Sqrt(2 * Math.Log(2));
        Town[] towns = model.Metro.Towns;
        _townLatitudes = new double[towns.Length];
        _townLongitudes = new double[towns.Length];
        for (int i = 0; i < towns.Length; i++)
        {
            _townLatitudes[i] = Math.Round(_projection.Latitude(towns[i].YMeters), 2);
            _townLongitudes[i] = Math.Round(_projection.Longitude(towns[i].XMeters), 2);
        }
    }

    /// <summary>Builds a device's cumulative source table: iOS-reduced only on iOS, rescaled so the population mix matches the preset.</summary>
    public double[] CumulativeMix(bool ios)
    {
        SourceMix mix = _options.Sources;
        double iosShare = ios && _options.IdfaShare > 0 ? Math.Min(1, mix.IosReduced / _options.IdfaShare) : 0;
        double rest = 1 - mix.IosReduced;
        double scale = rest > 0 ? (1 - iosShare) / rest : 0;
        double gps = mix.Gps * scale, wifi = mix.Wifi * scale, coarse = mix.Coarse * scale;
        return [gps, gps + wifi, gps + wifi + coarse, gps + wifi + coarse + iosShare, 1.0];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SourceClass Draw(double[] cumulative, double u) =>
        u < cumulative[0] ? SourceClass.Gps
        : u < cumulative[1] ? SourceClass.Wifi
        : u < cumulative[2] ? SourceClass.Coarse
        : u < cumulative[3] ? SourceClass.IosReduced
        : SourceClass.Ip;

    /// <summary>Returns what <paramref name="source"/> reports for the true point (x, y) in metres.</summary>
    public ObservedPoint Observe(SourceClass source, double x, double y, int decimals, ref SplitMix64 rng)
    {
        switch (source)
        {
            case SourceClass.Gps:
            case SourceClass.Wifi:
                {
                    bool gps = source == SourceClass.Gps;
                    double accuracy = gps
                        ? Math.Clamp(rng.NextLogNormal(_options.GpsAccuracyMedianMeters, _gpsSigmaLog), 3, 50)
                        : Math.Clamp(rng.NextLogNormal(_options.WifiAccuracyMedianMeters, _wifiSigmaLog), 15, 150);
                    accuracy = Math.Round(accuracy, 1);
                    (double ex, double ey) = rng.NextNormalPair();
                    double sigma = accuracy * SigmaPerAccuracy;
                    double lat = Serialise(_projection.Latitude(y + (ey * sigma)), decimals);
                    double lon = Serialise(_projection.Longitude(x + (ex * sigma)), decimals);
                    return new ObservedPoint(lat, lon, (float)accuracy, ArtifactKind.None);
                }

            case SourceClass.Coarse:
                {
                    double u = rng.NextDouble();
                    int k = 0;
                    while (k < s_coarseCumulative.Length - 1 && u >= s_coarseCumulative[k])
                    {
                        k++;
                    }

                    float accuracy = s_coarseAccuracies[k];
                    if (rng.Chance(0.2))
                    {
                        accuracy = MathF.Round(accuracy * (float)rng.Uniform(0.9, 1.1));
                    }

                    (double ex, double ey) = rng.NextNormalPair();
                    double lat = Math.Round(_projection.Latitude(y + (ey * _coarseErrorSigma)), 6);
                    double lon = Math.Round(_projection.Longitude(x + (ex * _coarseErrorSigma)), 6);
                    if (rng.Chance(_options.RepeatedDigitShare))
                    {
                        return new ObservedPoint(RepeatDigits(lat), RepeatDigits(lon), accuracy, ArtifactKind.RepeatedDigit);
                    }

                    return new ObservedPoint(lat, lon, accuracy, ArtifactKind.None);
                }

            case SourceClass.IosReduced:
                {
                    ulong bits = rng.NextUInt64();
                    int poi = _model.Pois.SnapTarget(x, y, bits);
                    double sx, sy;
                    if (poi >= 0)
                    {
                        sx = _model.Pois.Pois[poi].XMeters;
                        sy = _model.Pois.Pois[poi].YMeters;
                    }
                    else
                    {
                        sx = Math.Round(x / 1000) * 1000;
                        sy = Math.Round(y / 1000) * 1000;
                    }

                    double accuracy = Math.Round(Math.Exp(rng.Uniform(Math.Log(1_000), Math.Log(20_000))));
                    return new ObservedPoint(Math.Round(_projection.Latitude(sy), 6), Math.Round(_projection.Longitude(sx), 6), (float)accuracy, ArtifactKind.None);
                }

            default:
                {
                    bool nullAccuracy = rng.Chance(_options.IpNullAccuracyShare);
                    if (rng.Chance(_options.IpCountryFallbackShare))
                    {
                        return new ObservedPoint(
                            Math.Round(_model.Metro.CountryCentroidLatitude, 2),
                            Math.Round(_model.Metro.CountryCentroidLongitude, 2),
                            nullAccuracy ? float.NaN : 250_000f,
                            ArtifactKind.None);
                    }

                    int town = _model.Metro.NearestTown(x, y);
                    float radius = (float)_model.Metro.Towns[town].IpRadiusMeters;
                    return new ObservedPoint(_townLatitudes[town], _townLongitudes[town], nullAccuracy ? float.NaN : radius, ArtifactKind.None);
                }
        }
    }

    /// <summary>Rounds to 6 or 7 decimals (raw writers) or truncates to 4 or 5 (truncating suppliers).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Serialise(double degrees, int decimals)
    {
        double scale = s_powersOfTen[decimals];
        return decimals >= 6 ? Math.Round(degrees * scale) / scale : Math.Truncate(degrees * scale) / scale;
    }

    /// <summary>The repeated-digit artefact: keeps 3 decimals and repeats them, 43.315 → 43.315315.</summary>
    public static double RepeatDigits(double degrees)
    {
        double sign = degrees < 0 ? -1 : 1;
        long thousandths = (long)Math.Truncate(Math.Abs(degrees) * 1000);
        long repeated = (thousandths * 1000) + (thousandths % 1000);
        return sign * repeated / 1e6;
    }
}
