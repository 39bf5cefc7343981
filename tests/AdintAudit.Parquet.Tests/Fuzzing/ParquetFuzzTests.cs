using System.Diagnostics;
using AdintAudit.Parquet.Reading;
using AdintAudit.Parquet.Text;

namespace AdintAudit.Parquet.Tests.Fuzzing;

/// <summary>
/// Mutation fuzzing of the reader over the interop corpus: every mutated file either decodes or raises
/// <see cref="ParquetFormatException"/>; nothing else, no hang, no allocation far beyond the file's size.
/// CI runs a fixed-seed budget; <c>ADINT_FUZZ_ITERATIONS</c> and <c>ADINT_FUZZ_SEED</c> run longer campaigns.
/// </summary>
public sealed class ParquetFuzzTests
{
    private static readonly TimeSpan s_perInputLimit = TimeSpan.FromSeconds(10);

    [Fact]
    public void Mutated_corpus_files_decode_or_fail_with_format_exception()
    {
        string folder = SharedData.Require("parquet-interop");
        byte[][] corpus = [.. Directory.GetFiles(Path.Combine(folder, "generated"), "*.parquet")
            .Concat(Directory.GetFiles(Path.Combine(folder, "parquet-testing"), "*.parquet"))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllBytes)];
        int iterations = int.TryParse(Environment.GetEnvironmentVariable("ADINT_FUZZ_ITERATIONS"), out int n) ? n : 4000;
        ulong seed = ulong.TryParse(Environment.GetEnvironmentVariable("ADINT_FUZZ_SEED"), out ulong s) ? s : 20261122;
        var mutator = new ByteMutator(seed);
        var failures = new List<string>();
        int decoded = 0;
        int rejected = 0;

        for (int i = 0; i < iterations && failures.Count < 5; i++)
        {
            byte[] original = corpus[i % corpus.Length];
            byte[] mutated = mutator.Mutate(original, corpus[(i * 7 + 3) % corpus.Length]);
            string? failure = Run(mutated, out bool ok);
            if (failure is not null)
            {
                string saved = SaveCrash(mutated, seed, i);
                failures.Add($"iteration {i} (input saved as {saved}): {failure}");
            }
            else if (ok)
            {
                decoded++;
            }
            else
            {
                rejected++;
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(rejected > 0 && decoded > 0, $"decoded {decoded}, rejected {rejected}: the mutations should produce both");
    }

    /// <summary>Decodes every row of <paramref name="bytes"/>; returns a failure description, or null when the behaviour is allowed.</summary>
    internal static string? Run(byte[] bytes, out bool decoded)
    {
        bool ok = false;
        string? failure = null;
        long allocated = 0;
        var thread = new Thread(() =>
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                using ParquetFileReader reader = ParquetFileReader.Open(bytes);
                ParquetTableWriter.Write(reader, TextWriter.Null, TableTextFormat.Csv);
                ok = true;
            }
            catch (ParquetFormatException)
            {
            }
            catch (Exception ex)
            {
                failure = $"{ex.GetType().Name}: {ex.Message}\n{ex.StackTrace}";
            }

            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }, maxStackSize: 16 << 20);
        var watch = Stopwatch.StartNew();
        thread.Start();
        if (!thread.Join(s_perInputLimit))
        {
            decoded = false;
            return $"no result after {watch.Elapsed.TotalSeconds:F0} s (hang?)";
        }

        // Typed buffers and rendered text are proportional to the decoded data; the decoded data is bounded by the
        // codecs' expansion ratios over the file's bytes. 1 GB is far above what any corpus mutation needs.
        long bound = (1L << 30) + (bytes.Length * 4096L);
        if (failure is null && allocated > bound)
        {
            failure = $"allocated {allocated:N0} bytes for a {bytes.Length:N0}-byte input";
        }

        decoded = ok;
        return failure;
    }

    private static string SaveCrash(byte[] bytes, ulong seed, int iteration)
    {
        string folder = Path.Combine(SharedData.RepoRoot, "artifacts", "fuzz-crashes");
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, $"parquet-{seed}-{iteration}.parquet");
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
