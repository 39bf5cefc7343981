using AdintAudit.Data;
using AdintAudit.Sites;

namespace AdintAudit.Tests.Sites;

/// <summary>
/// Mutation fuzzing of the site loader: byte flips, special bytes, insertions, deletions, truncations, splices and
/// inflated numbers/nesting of the committed sample's <c>sites.geojson</c> either load or throw
/// <see cref="InputFormatException"/> naming the file; nothing else, no hang, no allocation beyond
/// <see cref="FuzzCampaign.AllocationBound"/>. <c>tools/fuzz.sh --target geojson</c> runs long campaigns; failing
/// inputs saved under <c>Fuzzing/regressions/</c> are replayed by <see cref="Regression_inputs_load_or_fail_with_input_format_exception"/>.
/// </summary>
public sealed class SiteCatalogFuzzTests
{
    private static readonly string s_regressions = Path.Combine(SharedData.RepoRoot, "tests", "AdintAudit.Tests", "Sites", "Fuzzing", "regressions");

    [Fact]
    public void Mutated_site_files_load_or_fail_with_input_format_exception()
    {
        byte[] sample = File.ReadAllBytes(Path.Combine(SharedData.RepoRoot, "data-synthetic", "sample", "sites.geojson"));
        // A small prefix keeps the fuzz fast: the first three features, closed properly; every tenth input is the whole file.
        byte[] small = Small(sample);

        FuzzOutcome outcome = FuzzCampaign.Run("geojson", 3000, (seed, i) => Mutate(i % 10 == 0 ? sample : small, sample, seed, i),
            Load, IsAllowed, ".geojson");

        TestContext.Current.SendDiagnosticMessage(outcome.ToString());
        outcome.AssertClean();
    }

    [Fact]
    public void Regression_inputs_load_or_fail_with_input_format_exception()
    {
        List<string> failures = FuzzCampaign.Replay(s_regressions, ".geojson", Load, IsAllowed);

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static void Load(byte[] input) => SiteCatalog.Parse(input, "fuzz.geojson");

    private static bool IsAllowed(Exception ex) =>
        ex is InputFormatException && ex.Message.StartsWith("fuzz.geojson: ", StringComparison.Ordinal);

    private static byte[] Small(byte[] sample)
    {
        int features = 0;
        int depth = 0;
        for (int i = 0; i < sample.Length; i++)
        {
            depth += sample[i] == '{' ? 1 : sample[i] == '}' ? -1 : 0;
            if (sample[i] == '}' && depth == 1 && ++features == 3)
            {
                return [.. sample[..(i + 1)], .. "]}"u8.ToArray()];
            }
        }

        return sample;
    }

    private static byte[] Mutate(byte[] input, byte[] donor, ulong seed, int iteration)
    {
        var random = new FuzzRandom(seed ^ ((ulong)iteration * 0x9E3779B97F4A7C15UL));
        byte[] special = "[]{},:\"-.e09 \u00ff\0"u8.ToArray();
        string[] inflations = ["1e400", "-1e999", "99999999999999999999999", "NaN", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", "{\"radius_m\":1e308}", "\"\\ud800\""];
        var bytes = new List<byte>(input);
        int rounds = 1 + random.Next(4);
        for (int r = 0; r < rounds && bytes.Count > 0; r++)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(7))
            {
                case 0:
                    bytes[at] = special[random.Next(special.Length)];
                    break;
                case 1:
                    bytes.Insert(at, special[random.Next(special.Length)]);
                    break;
                case 2:
                    bytes.RemoveAt(at);
                    break;
                case 3:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 4:
                    int from = random.Next(donor.Length);
                    bytes.InsertRange(at, donor.AsSpan(from, Math.Min(donor.Length - from, 1 + random.Next(256))).ToArray());
                    break;
                case 5:
                    bytes.InsertRange(at, System.Text.Encoding.UTF8.GetBytes(inflations[random.Next(inflations.Length)]));
                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at); // truncation
                    break;
            }
        }

        return [.. bytes];
    }
}
