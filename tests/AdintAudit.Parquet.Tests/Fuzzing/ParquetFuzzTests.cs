using AdintAudit.Parquet.Reading;
using AdintAudit.Parquet.Text;

namespace AdintAudit.Parquet.Tests.Fuzzing;

/// <summary>
/// Mutation fuzzing of the reader over the interop corpus and our own files: every mutated file either decodes (every
/// row rendered as CSV) or raises <see cref="ParquetFormatException"/>; nothing else, no hang, no allocation beyond
/// <see cref="FuzzCampaign.AllocationBound"/>. CI runs a fixed-seed budget; <c>tools/fuzz.sh --target parquet</c> runs
/// long campaigns and saves each failing input under <c>regressions/</c>, which <see cref="Regression_inputs_decode_or_fail_with_format_exception"/> replays.
/// </summary>
public sealed class ParquetFuzzTests
{
    private static readonly string s_regressions = Path.Combine(SharedData.RepoRoot, "tests", "AdintAudit.Parquet.Tests", "Fuzzing", "regressions");

    [Fact]
    public void Mutated_corpus_files_decode_or_fail_with_format_exception()
    {
        byte[][] corpus = Corpus();

        FuzzOutcome outcome = FuzzCampaign.Run("parquet", 6000, (seed, i) =>
        {
            // One mutator per input, seeded by (seed, i): any iteration can be reproduced alone.
            var mutator = new ByteMutator(seed ^ ((ulong)i * 0x9E3779B97F4A7C15UL));
            return mutator.Mutate(corpus[i % corpus.Length], corpus[((i * 7) + 3) % corpus.Length]);
        }, Decode, ex => ex is ParquetFormatException, ".parquet");

        TestContext.Current.SendDiagnosticMessage(outcome.ToString());
        outcome.AssertClean();
    }

    [Fact]
    public void Regression_inputs_decode_or_fail_with_format_exception()
    {
        List<string> failures = FuzzCampaign.Replay(s_regressions, ".parquet", Decode, ex => ex is ParquetFormatException);

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Decodes every row of <paramref name="bytes"/> as CSV text, as <c>adint cat</c> does.</summary>
    internal static void Decode(byte[] bytes)
    {
        using ParquetFileReader reader = ParquetFileReader.Open(bytes);
        ParquetTableWriter.Write(reader, TextWriter.Null, TableTextFormat.Csv);
    }

    /// <summary>The interop corpus (generated and parquet-testing files) and our own pois.parquet of the committed sample.</summary>
    private static byte[][] Corpus()
    {
        string folder = SharedData.Require("parquet-interop");
        string sample = Path.Combine(SharedData.RepoRoot, "data-synthetic", "sample");
        return [.. Directory.GetFiles(Path.Combine(folder, "generated"), "*.parquet")
            .Concat(Directory.GetFiles(Path.Combine(folder, "parquet-testing"), "*.parquet"))
            .Concat([Path.Combine(sample, "pois.parquet")])
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllBytes)];
    }
}
