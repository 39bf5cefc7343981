using System.Globalization;
using System.Text;
using System.Text.Json;
using AdintAudit.Data;
using AdintAudit.Geo;

namespace AdintAudit.Mobility;

/// <summary>Settings of <see cref="HomeWorkEvaluation"/>.</summary>
public sealed record EvaluationOptions
{
    /// <summary>Distances at which an inference counts as right, in meters (default 100, 200, 500).</summary>
    public IReadOnlyList<double> RadiiMeters { get; init; } = [100, 200, 500];

    /// <summary>Only devices with at least this many distinct local nights (22:00–07:00) with a ping; needs pings (default 0 = all).</summary>
    public int MinNights { get; init; }
}

/// <summary>Scores inferred homes and work places against the generator's truth table.</summary>
/// <remarks>
/// Devices scored: those of the truth table (ephemeral ones excluded) that appear in the homes table. Per group:
/// share with a home; home recall (right among all) and precision (right among answered) within each radius; for
/// devices with a true work place the same for work; for devices without one, the share wrongly given one.
/// Groups: all, by persona, and, when pings are given, by pings-per-active-day decile.
/// </remarks>
public static class HomeWorkEvaluation
{
    private static readonly string[] s_homeColumns = ["device_id", "home_lat", "home_lon", "work_lat", "work_lon"];
    private static readonly string[] s_truthColumns = ["device_id", "home_lat", "home_lon", "work_lat", "work_lon", "persona", "is_ephemeral"];

    /// <summary>Evaluates a homes file against a truth file and returns the figures as indented JSON.</summary>
    /// <param name="homesPath">CSV or Parquet with <c>device_id,home_lat,home_lon,work_lat,work_lon</c>.</param>
    /// <param name="truthPath">The generator's <c>truth_devices.parquet</c> (or CSV).</param>
    /// <param name="pings">The pings, for deciles and the nights filter; may be null.</param>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="InputFormatException">A file lacks a required column.</exception>
    public static string Evaluate(string homesPath, string truthPath, PingTable? pings, EvaluationOptions? options = null)
    {
        string?[]?[] homes = SmallTableReader.Read(homesPath, s_homeColumns, 5);
        string?[]?[] truth = SmallTableReader.Read(truthPath, s_truthColumns, 3);
        return Evaluate(homes, truth, pings, options ?? new EvaluationOptions());
    }

    private static string Evaluate(string?[]?[] homes, string?[]?[] truth, PingTable? pings, EvaluationOptions options)
    {
        var inferred = new Dictionary<string, (double HLat, double HLon, double WLat, double WLon)>(StringComparer.Ordinal);
        for (int r = 0; r < homes[0]!.Length; r++)
        {
            if (homes[0]![r] is string id)
            {
                inferred[id] = (Num(homes[1]![r]), Num(homes[2]![r]), Num(homes[3]![r]), Num(homes[4]![r]));
            }
        }

        (Dictionary<string, int> nights, Dictionary<string, double> perDay) = PingFacts(pings);
        var rows = new List<Row>();
        for (int r = 0; r < truth[0]!.Length; r++)
        {
            string? id = truth[0]![r];
            if (id is null || !inferred.TryGetValue(id, out var guess))
            {
                continue;
            }

            if (truth[6] is string?[] ephemeral && string.Equals(ephemeral[r], "true", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (options.MinNights > 0 && (!nights.TryGetValue(id, out int n) || n < options.MinNights))
            {
                continue;
            }

            rows.Add(new Row(
                truth[5]?[r] ?? "unknown",
                perDay.TryGetValue(id, out double ppd) ? ppd : double.NaN,
                Num(truth[1]![r]), Num(truth[2]![r]), truth[3] is null ? double.NaN : Num(truth[3]![r]), truth[4] is null ? double.NaN : Num(truth[4]![r]),
                guess.HLat, guess.HLon, guess.WLat, guess.WLon));
        }

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("min_nights", options.MinNights);
            json.WritePropertyName("all");
            WriteGroup(json, rows, options);
            json.WriteStartObject("by_persona");
            foreach (IGrouping<string, Row> group in rows.GroupBy(r => r.Persona).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                json.WritePropertyName(group.Key);
                WriteGroup(json, [.. group], options);
            }

            json.WriteEndObject();
            if (pings is not null)
            {
                json.WriteStartArray("by_pings_per_day_decile");
                List<Row> ordered = [.. rows.Where(r => !double.IsNaN(r.PingsPerDay)).OrderBy(r => r.PingsPerDay)];
                for (int decile = 0; decile < 10 && ordered.Count > 0; decile++)
                {
                    int from = decile * ordered.Count / 10;
                    int to = (decile + 1) * ordered.Count / 10;
                    if (to <= from)
                    {
                        continue;
                    }

                    List<Row> slice = ordered.GetRange(from, to - from);
                    json.WriteStartObject();
                    json.WriteNumber("decile", decile + 1);
                    json.WriteNumber("pings_per_day_min", Math.Round(slice[0].PingsPerDay, 3));
                    json.WriteNumber("pings_per_day_max", Math.Round(slice[^1].PingsPerDay, 3));
                    json.WritePropertyName("figures");
                    WriteGroup(json, slice, options);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteGroup(Utf8JsonWriter json, List<Row> rows, EvaluationOptions options)
    {
        int devices = rows.Count;
        int withHome = rows.Count(r => !double.IsNaN(r.HomeLat));
        List<Row> withTrueWork = [.. rows.Where(r => !double.IsNaN(r.TrueWorkLat))];
        int workAnswered = withTrueWork.Count(r => !double.IsNaN(r.WorkLat));
        int withoutTrueWork = devices - withTrueWork.Count;
        int falseWork = rows.Count(r => double.IsNaN(r.TrueWorkLat) && !double.IsNaN(r.WorkLat));
        json.WriteStartObject();
        json.WriteNumber("devices", devices);
        json.WriteNumber("share_with_home", Share(withHome, devices));
        json.WriteStartObject("home_recall_within_m");
        foreach (double radius in options.RadiiMeters)
        {
            json.WriteNumber(Key(radius), Share(rows.Count(r => Within(r.HomeLat, r.HomeLon, r.TrueHomeLat, r.TrueHomeLon, radius)), devices));
        }

        json.WriteEndObject();
        json.WriteStartObject("home_precision_within_m");
        foreach (double radius in options.RadiiMeters)
        {
            json.WriteNumber(Key(radius), Share(rows.Count(r => Within(r.HomeLat, r.HomeLon, r.TrueHomeLat, r.TrueHomeLon, radius)), withHome));
        }

        json.WriteEndObject();
        json.WriteNumber("devices_with_true_work", withTrueWork.Count);
        json.WriteNumber("share_with_work", Share(workAnswered, withTrueWork.Count));
        json.WriteStartObject("work_recall_within_m");
        foreach (double radius in options.RadiiMeters)
        {
            json.WriteNumber(Key(radius), Share(withTrueWork.Count(r => Within(r.WorkLat, r.WorkLon, r.TrueWorkLat, r.TrueWorkLon, radius)), withTrueWork.Count));
        }

        json.WriteEndObject();
        json.WriteStartObject("work_precision_within_m");
        foreach (double radius in options.RadiiMeters)
        {
            json.WriteNumber(Key(radius), Share(withTrueWork.Count(r => Within(r.WorkLat, r.WorkLon, r.TrueWorkLat, r.TrueWorkLon, radius)), workAnswered));
        }

        json.WriteEndObject();
        json.WriteNumber("devices_without_true_work", withoutTrueWork);
        json.WriteNumber("share_given_false_work", Share(falseWork, withoutTrueWork));
        json.WriteEndObject();
    }

    private static string Key(double radius) => radius.ToString(CultureInfo.InvariantCulture);

    private static double Share(int count, int total) => total == 0 ? 0 : Math.Round((double)count / total, 4);

    private static bool Within(double lat, double lon, double trueLat, double trueLon, double radius) =>
        !double.IsNaN(lat) && !double.IsNaN(trueLat) && Haversine.Meters(lat, lon, trueLat, trueLon) <= radius;

    private static double Num(string? text) =>
        text is not null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : double.NaN;

    private static (Dictionary<string, int> Nights, Dictionary<string, double> PerDay) PingFacts(PingTable? pings)
    {
        var nights = new Dictionary<string, int>(StringComparer.Ordinal);
        var perDay = new Dictionary<string, double>(StringComparer.Ordinal);
        if (pings is null)
        {
            return (nights, perDay);
        }

        LocalTime local = LocalTime.FromMedianLongitude(pings);
        for (int d = 0; d < pings.DeviceCount; d++)
        {
            int nightCount = 0;
            int dayCount = 0;
            long lastNight = long.MinValue;
            long lastDay = long.MinValue;
            for (int i = pings.DeviceStartArray[d]; i < pings.DeviceStartArray[d + 1]; i++)
            {
                long lt = local.ToLocalMs(pings.TimeArray[i]);
                long night = NightClock.NightOf(lt, 22, 7);
                if (night != NightClock.NotNight && night != lastNight)
                {
                    nightCount++;
                    lastNight = night;
                }

                long day = NightClock.DayOf(lt);
                if (day != lastDay)
                {
                    dayCount++;
                    lastDay = day;
                }
            }

            int count = pings.DeviceStartArray[d + 1] - pings.DeviceStartArray[d];
            nights[pings.DeviceIdArray[d]] = nightCount;
            perDay[pings.DeviceIdArray[d]] = dayCount == 0 ? 0 : (double)count / dayCount;
        }

        return (nights, perDay);
    }

    private sealed record Row(string Persona, double PingsPerDay, double TrueHomeLat, double TrueHomeLon, double TrueWorkLat, double TrueWorkLon,
        double HomeLat, double HomeLon, double WorkLat, double WorkLon);
}
