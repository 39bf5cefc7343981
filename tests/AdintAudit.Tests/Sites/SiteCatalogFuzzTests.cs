using AdintAudit.Data;
using AdintAudit.Sites;

namespace AdintAudit.Tests.Sites;

/// <summary>
/// Mutation fuzzing of the site loader: byte flips, insertions, deletions and truncations of the committed sample's
/// <c>sites.geojson</c> either load or throw <see cref="InputFormatException"/>, nothing else.
/// <c>ADINT_FUZZ_ITERATIONS</c> (default 2,000) and <c>ADINT_FUZZ_SEED</c> run longer campaigns.
/// </summary>
public sealed class SiteCatalogFuzzTests
{
    [Fact]
    public void Mutated_site_files_load_or_fail_with_input_format_exception()
    {
        int iterations = int.TryParse(Environment.GetEnvironmentVariable("ADINT_FUZZ_ITERATIONS"), out int n) ? n : 2000;
        int seed = int.TryParse(Environment.GetEnvironmentVariable("ADINT_FUZZ_SEED"), out int s) ? s : 20261122;
        byte[] sample = File.ReadAllBytes(Path.Combine(SharedData.RepoRoot, "data-synthetic", "sample", "sites.geojson"));
        // A small prefix keeps the fuzz fast: the first three features, closed properly.
        byte[] small = Small(sample);
        var random = new Random(seed);
        var failures = new List<string>();
        int loaded = 0;
        int rejected = 0;
        for (int i = 0; i < iterations && failures.Count < 5; i++)
        {
            TestContext.Current.CancellationToken.ThrowIfCancellationRequested();
            byte[] input = Mutate(i % 10 == 0 ? sample : small, random);
            try
            {
                SiteCatalog.Parse(input, "fuzz.geojson");
                loaded++;
            }
            catch (InputFormatException e) when (e.Message.StartsWith("fuzz.geojson: ", StringComparison.Ordinal))
            {
                rejected++;
            }
            catch (Exception e)
            {
                failures.Add($"iteration {i}: {e.GetType().Name}: {e.Message}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(loaded > 0 && rejected > 0, $"loaded {loaded}, rejected {rejected}: mutations should produce both");
    }

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

    private static byte[] Mutate(byte[] input, Random random)
    {
        byte[] special = "[]{},:\"-.e09 \u00ff\0"u8.ToArray();
        var bytes = new List<byte>(input);
        int rounds = 1 + random.Next(4);
        for (int r = 0; r < rounds && bytes.Count > 0; r++)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(5))
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
                default:
                    bytes.RemoveRange(at, bytes.Count - at); // truncation
                    break;
            }
        }

        return [.. bytes];
    }
}
