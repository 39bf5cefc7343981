using System.Diagnostics;
using System.Globalization;

namespace AdintAudit.TestSupport;

/// <summary>
/// Runs a mutation-fuzzing campaign against one decoder and checks the hostile-input property on every input: it
/// either decodes or throws one of our own format exceptions; never another exception type, never longer than
/// <see cref="PerInputLimit"/> (a hang), never more allocation than <see cref="AllocationBound"/> of its size.
/// </summary>
/// <remarks>
/// CI runs the fixed-seed default budget of each fuzz test. Longer campaigns (<c>tools/fuzz.sh</c>) set
/// <c>ADINT_FUZZ_ITERATIONS</c>, <c>ADINT_FUZZ_SECONDS</c> (stop after this wall time), <c>ADINT_FUZZ_SEED</c>,
/// <c>ADINT_FUZZ_SAVE</c> (folder that receives each failing input; default <c>artifacts/fuzz-crashes</c>) and
/// <c>ADINT_FUZZ_LOG</c> (file that receives one summary line per campaign).
/// </remarks>
internal static class FuzzCampaign
{
    /// <summary>Longest time one input may take to decode: 10 s, far above the slowest corpus file (well under 1 s).</summary>
    public static readonly TimeSpan PerInputLimit = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Most bytes one decode may allocate (on its own thread): 64 MiB plus 1,024 bytes per input byte. Decoded values
    /// and the text rendered from them are proportional to the decoded data, which codecs bound by a constant ratio of
    /// the compressed bytes; a header that claims a huge length must not make the reader allocate it up front.
    /// </summary>
    public static long AllocationBound(int inputBytes) => (64L << 20) + (1024L * inputBytes);

    /// <summary>Runs the campaign; <paramref name="mutate"/> makes input number i, <paramref name="decode"/> consumes it.</summary>
    /// <param name="target">Short name for messages, saved files and the log (parquet, csv, geojson).</param>
    /// <param name="defaultIterations">The CI budget when <c>ADINT_FUZZ_ITERATIONS</c> is unset.</param>
    /// <param name="mutate">Makes input <c>i</c> from the campaign's seed (deterministic).</param>
    /// <param name="decode">Decodes one input fully; throws the allowed exception to reject it.</param>
    /// <param name="isAllowed">True for the exception types that mean "rejected cleanly".</param>
    /// <param name="extension">File extension of saved failing inputs (".parquet").</param>
    public static FuzzOutcome Run(string target, int defaultIterations, Func<ulong, int, byte[]> mutate, Action<byte[]> decode,
        Func<Exception, bool> isAllowed, string extension)
    {
        int iterations = int.TryParse(Environment.GetEnvironmentVariable("ADINT_FUZZ_ITERATIONS"), CultureInfo.InvariantCulture, out int n) ? n : defaultIterations;
        double seconds = double.TryParse(Environment.GetEnvironmentVariable("ADINT_FUZZ_SECONDS"), CultureInfo.InvariantCulture, out double s) ? s : double.PositiveInfinity;
        ulong seed = ulong.TryParse(Environment.GetEnvironmentVariable("ADINT_FUZZ_SEED"), CultureInfo.InvariantCulture, out ulong v) ? v : 20261122;
        var outcome = new FuzzOutcome(target, seed);
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < iterations && outcome.Failures.Count < 20 && clock.Elapsed.TotalSeconds < seconds; i++)
        {
            byte[] input = mutate(seed, i);
            string? failure = Check(input, decode, isAllowed, out bool decoded, out long allocated);
            outcome.Iterations++;
            outcome.MaxAllocatedBytes = Math.Max(outcome.MaxAllocatedBytes, allocated);
            if (failure is not null)
            {
                outcome.Failures.Add($"{target} iteration {i} (input saved as {Save(input, target, seed, i, extension)}): {failure}");
            }
            else if (decoded)
            {
                outcome.Decoded++;
            }
            else
            {
                outcome.Rejected++;
            }
        }

        outcome.Elapsed = clock.Elapsed;
        if (Environment.GetEnvironmentVariable("ADINT_FUZZ_LOG") is { Length: > 0 } log)
        {
            File.AppendAllText(log, outcome + Environment.NewLine);
        }

        return outcome;
    }

    /// <summary>Decodes one input on its own thread; returns a failure description, or null when the behaviour is allowed.</summary>
    public static string? Check(byte[] input, Action<byte[]> decode, Func<Exception, bool> isAllowed, out bool decoded, out long allocated)
    {
        bool ok = false;
        string? failure = null;
        long used = 0;
        var thread = new Thread(() =>
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                decode(input);
                ok = true;
            }
            catch (Exception ex) when (isAllowed(ex))
            {
            }
            catch (Exception ex)
            {
                failure = $"{ex.GetType().Name}: {ex.Message}\n{ex.StackTrace}";
            }

            used = GC.GetAllocatedBytesForCurrentThread() - before;
        }, maxStackSize: 16 << 20)
        { IsBackground = true };
        thread.Start();
        if (!thread.Join(PerInputLimit))
        {
            decoded = false;
            allocated = 0;
            return $"no result after {PerInputLimit.TotalSeconds:F0} s (hang?)";
        }

        long bound = AllocationBound(input.Length);
        if (failure is null && used > bound)
        {
            failure = $"allocated {used:N0} bytes for a {input.Length:N0}-byte input (bound {bound:N0})";
        }

        decoded = ok;
        allocated = used;
        return failure;
    }

    /// <summary>The committed failing inputs of <paramref name="folder"/> (regression fixtures), in ordinal order.</summary>
    public static string[] Regressions(string folder, string extension) =>
        Directory.Exists(folder) ? [.. Directory.GetFiles(folder, "*" + extension).Order(StringComparer.Ordinal)] : [];

    /// <summary>Checks every regression fixture of <paramref name="folder"/>; returns one line per failure.</summary>
    public static List<string> Replay(string folder, string extension, Action<byte[]> decode, Func<Exception, bool> isAllowed)
    {
        var failures = new List<string>();
        foreach (string path in Regressions(folder, extension))
        {
            if (Check(File.ReadAllBytes(path), decode, isAllowed, out _, out _) is string failure)
            {
                failures.Add($"{Path.GetFileName(path)}: {failure}");
            }
        }

        return failures;
    }

    private static string Save(byte[] input, string target, ulong seed, int iteration, string extension)
    {
        string folder = Environment.GetEnvironmentVariable("ADINT_FUZZ_SAVE") is { Length: > 0 } save
            ? save
            : Path.Combine(SharedData.RepoRoot, "artifacts", "fuzz-crashes");
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{target}-{seed}-{iteration}{extension}"));
        File.WriteAllBytes(path, input);
        return path;
    }
}
