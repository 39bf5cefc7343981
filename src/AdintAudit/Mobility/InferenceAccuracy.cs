using System.Globalization;
using AdintAudit.Data;
using AdintAudit.Geo;

namespace AdintAudit.Mobility;

/// <summary>Right answers within one distance.</summary>
/// <param name="RadiusMeters">An inference within this distance of the truth is right.</param>
/// <param name="Recall">Right among all scored devices that have the truth value.</param>
/// <param name="Precision">Right among those answered.</param>
public sealed record AccuracyAtRadius(double RadiusMeters, double Recall, double Precision);

/// <summary>Accuracy of one kind of inference (home or work) against the truth.</summary>
/// <param name="WithTruth">Scored devices that truly have the place.</param>
/// <param name="Answered">Of those, devices given an inference.</param>
/// <param name="ByRadius">Recall and precision at each radius.</param>
/// <param name="ErrorMeters">Sorted distances between inference and truth of the answered devices (no ids).</param>
/// <param name="FalselyAnswered">Devices without the place in truth that were given one anyway (work only; 0 for home).</param>
/// <param name="WithoutTruth">Scored devices without the place in truth.</param>
public sealed record PlaceAccuracy(int WithTruth, int Answered, IReadOnlyList<AccuracyAtRadius> ByRadius, IReadOnlyList<double> ErrorMeters,
    int FalselyAnswered, int WithoutTruth);

/// <summary>How well homes and work places were inferred, against a truth table (the generator's truth_devices).</summary>
/// <param name="TruthPath">The truth file.</param>
/// <param name="ScoredDevices">Devices present in both (ephemeral identifiers excluded).</param>
/// <param name="Home">Home accuracy.</param>
/// <param name="Work">Work accuracy.</param>
public sealed record InferenceAccuracy(string TruthPath, int ScoredDevices, PlaceAccuracy Home, PlaceAccuracy Work)
{
    private static readonly string[] s_truthColumns = ["device_id", "home_lat", "home_lon", "work_lat", "work_lon", "is_ephemeral"];

    /// <summary>Distances at which an inference counts as right (100, 200, 500, 1,000 m).</summary>
    public static IReadOnlyList<double> DefaultRadiiMeters { get; } = [100, 200, 500, 1000];

    /// <summary>Scores <paramref name="homes"/> against the truth file.</summary>
    /// <param name="homes">Inferred homes and work places.</param>
    /// <param name="truthPath">CSV or Parquet with device_id, home_lat, home_lon and optionally work_lat, work_lon, is_ephemeral.</param>
    /// <param name="radiiMeters">Radii; null for <see cref="DefaultRadiiMeters"/>.</param>
    /// <exception cref="InputFormatException">The truth file is unreadable or lacks a required column.</exception>
    public static InferenceAccuracy Score(HomeWorkTable homes, string truthPath, IReadOnlyList<double>? radiiMeters = null)
    {
        ArgumentNullException.ThrowIfNull(homes);
        ArgumentNullException.ThrowIfNull(truthPath);
        IReadOnlyList<double> radii = radiiMeters ?? DefaultRadiiMeters;
        string?[]?[] truth = SmallTableReader.Read(truthPath, s_truthColumns, 3);
        var index = new Dictionary<string, int>(homes.Count, StringComparer.Ordinal);
        for (int d = 0; d < homes.Count; d++)
        {
            index[homes.DeviceIds[d]] = d;
        }

        var home = new Tally(radii);
        var work = new Tally(radii);
        int scored = 0;
        for (int r = 0; r < truth[0]!.Length; r++)
        {
            if (truth[0]![r] is not string id || !index.TryGetValue(id, out int d)
                || (truth[5] is string?[] ephemeral && string.Equals(ephemeral[r], "true", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            scored++;
            home.Add(Number(truth[1]![r]), Number(truth[2]![r]), homes.HomeLat[d], homes.HomeLon[d]);
            work.Add(truth[3] is null ? double.NaN : Number(truth[3]![r]), truth[4] is null ? double.NaN : Number(truth[4]![r]),
                homes.WorkLat[d], homes.WorkLon[d]);
        }

        return new InferenceAccuracy(truthPath, scored, home.Result(), work.Result());
    }

    private static double Number(string? text) =>
        text is not null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : double.NaN;

    private sealed class Tally(IReadOnlyList<double> radii)
    {
        private readonly List<double> _errors = [];
        private int _withTruth;
        private int _answered;
        private int _withoutTruth;
        private int _falselyAnswered;

        public void Add(double trueLat, double trueLon, double lat, double lon)
        {
            bool answered = !double.IsNaN(lat) && !double.IsNaN(lon);
            if (double.IsNaN(trueLat) || double.IsNaN(trueLon))
            {
                _withoutTruth++;
                _falselyAnswered += answered ? 1 : 0;
                return;
            }

            _withTruth++;
            if (answered)
            {
                _answered++;
                _errors.Add(Haversine.Meters(trueLat, trueLon, lat, lon));
            }
        }

        public PlaceAccuracy Result()
        {
            _errors.Sort();
            var byRadius = new AccuracyAtRadius[radii.Count];
            for (int i = 0; i < radii.Count; i++)
            {
                int right = 0;
                foreach (double e in _errors)
                {
                    right += e <= radii[i] ? 1 : 0;
                }

                byRadius[i] = new AccuracyAtRadius(radii[i], _withTruth == 0 ? double.NaN : right / (double)_withTruth,
                    _answered == 0 ? double.NaN : right / (double)_answered);
            }

            return new PlaceAccuracy(_withTruth, _answered, byRadius, _errors, _falselyAnswered, _withoutTruth);
        }
    }
}
