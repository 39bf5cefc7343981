using System.Globalization;
using System.Text.Json;

namespace AdintAudit.Synthetic.Output;

/// <summary>Writes <c>manifest.json</c>: generator version, preset, seed, every parameter, window, counts and files. Contains no wall-clock time, so it is reproducible.</summary>
internal static class ManifestWriter
{
    public static void Write(string path, GeneratorOptions options, GenerationSummary summary, long windowStartMs, long windowEndMs)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("generator", "AdintAudit.Synthetic");
        json.WriteString("generator_version", SyntheticGenerator.Version);
        json.WriteString("specification", "GENERATOR-SPEC.md");
        json.WriteString("preset", GeneratorOptions.PresetName(options.Preset));
        json.WriteNumber("seed", options.Seed);
        json.WriteStartObject("window");
        json.WriteString("start_date", options.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteNumber("days", options.Days);
        json.WriteString("time_zone", options.TimeZoneId);
        json.WriteString("start_utc", DateTimeOffset.FromUnixTimeMilliseconds(windowStartMs).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        json.WriteString("end_utc", DateTimeOffset.FromUnixTimeMilliseconds(windowEndMs).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        json.WriteEndObject();
        json.WriteStartObject("parameters");
        WriteProperties(json, options);
        json.WriteEndObject();
        json.WriteStartObject("counts");
        json.WriteNumber("pings", summary.Pings);
        json.WriteNumber("identifiers", summary.Identifiers);
        json.WriteNumber("persistent_devices", summary.PersistentDevices);
        json.WriteNumber("ephemeral_ids", summary.EphemeralIds);
        json.WriteNumber("persons", summary.Persons);
        json.WriteNumber("zeroed_idfa_rows", summary.ZeroedIdfaRows);
        json.WriteNumber("visits", summary.Visits);
        json.WriteNumber("pois", summary.Pois);
        json.WriteNumber("sensitive_sites", summary.SensitiveSites);
        json.WriteEndObject();
        json.WriteStartObject("files");
        json.WriteString("pings", "pings.parquet");
        json.WriteString("truth_pings", "truth_pings.parquet (row = row index in pings.parquet)");
        json.WriteString("truth_devices", "truth_devices.parquet");
        json.WriteString("truth_visits", "truth_visits.parquet");
        json.WriteString("pois", "pois.parquet");
        json.WriteString("sites", "sites.geojson");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteProperties(Utf8JsonWriter json, GeneratorOptions options)
    {
        foreach (var property in typeof(GeneratorOptions).GetProperties())
        {
            if (property.GetMethod is not { IsStatic: false, IsPublic: true })
            {
                continue;
            }

            string name = property.Name;
            object? value = property.GetValue(options);
            switch (value)
            {
                case double d:
                    json.WriteNumber(name, d);
                    break;
                case int i:
                    json.WriteNumber(name, i);
                    break;
                case ulong u:
                    json.WriteNumber(name, u);
                    break;
                case string s:
                    json.WriteString(name, s);
                    break;
                case GeneratorPreset p:
                    json.WriteString(name, GeneratorOptions.PresetName(p));
                    break;
                case DateOnly date:
                    json.WriteString(name, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    break;
                case SourceMix m:
                    json.WriteStartObject(name);
                    json.WriteNumber("gps", m.Gps);
                    json.WriteNumber("wifi", m.Wifi);
                    json.WriteNumber("coarse", m.Coarse);
                    json.WriteNumber("ios_reduced", m.IosReduced);
                    json.WriteNumber("ip", m.Ip);
                    json.WriteEndObject();
                    break;
                case PersonaMix m:
                    json.WriteStartObject(name);
                    json.WriteNumber("worker_9to5", m.Worker9To5);
                    json.WriteNumber("shift_worker", m.ShiftWorker);
                    json.WriteNumber("student", m.Student);
                    json.WriteNumber("home_based", m.HomeBased);
                    json.WriteNumber("retiree", m.Retiree);
                    json.WriteEndObject();
                    break;
                case SensitiveVisitRates r:
                    json.WriteStartObject(name);
                    json.WriteNumber("reproductive_health", r.ReproductiveHealth);
                    json.WriteNumber("mental_health", r.MentalHealth);
                    json.WriteNumber("shelter", r.Shelter);
                    json.WriteNumber("union", r.Union);
                    json.WriteNumber("protest", r.Protest);
                    json.WriteNumber("lgbtq", r.Lgbtq);
                    json.WriteNumber("correctional", r.Correctional);
                    json.WriteEndObject();
                    break;
                default:
                    json.WriteString(name, Convert.ToString(value, CultureInfo.InvariantCulture));
                    break;
            }
        }
    }
}
