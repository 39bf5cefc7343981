using System.Text;
using AdintAudit.Data;

namespace AdintAudit.Tests.Data;

/// <summary>
/// Mutation fuzzing of CSV input through both CSV entry points: <see cref="TableConverter"/> (CSV reading, type
/// inference, Parquet writing) and <see cref="PingTableLoader"/> (the audit's loader). Every mutated file converts or
/// loads, or raises our <see cref="InputFormatException"/>; nothing else, no hang, no allocation beyond
/// <see cref="FuzzCampaign.AllocationBound"/>. Seeds: hand-written edge cases and the heads of interop-corpus CSVs.
/// <c>tools/fuzz.sh --target csv</c> runs long campaigns; failing inputs saved under <c>Fuzzing/regressions/</c> are
/// replayed by <see cref="Regression_inputs_convert_and_load_or_fail_with_input_format_exception"/>.
/// </summary>
public sealed class CsvFuzzTests
{
    private static readonly string s_regressions = Path.Combine(SharedData.RepoRoot, "tests", "AdintAudit.Tests", "Data", "Fuzzing", "regressions");

    private static readonly string[] s_handWritten =
    [
        "device_id,timestamp,lat,lon,horizontal_accuracy\r\na1,1717200000000,52.52,13.405,8.5\r\na1,1717200060000,52.5201,13.4049,\r\nb2,1717200120000,48.85,2.35,12\r\n",
        "uid,lat,lng,datetime\n1,43.8430139,10.507994,2011-02-03 08:34:04\n2,43.54427,10.32615,2011-02-03T09:34:04Z\n",
        "name,note\n\"a, b\",\"say \"\"hi\"\"\"\n\"\",\n\"multi\nline\",x\n",
        "x\n007\n1e5\n-0\nNaN\n\n",
        "maid,ts,latitude,longitude\nm1,1717200000.5,52.5,13.4\nm1,1717200600.25,52.5,13.4\n",
    ];

    private static readonly byte[] s_special = [(byte)'"', (byte)',', (byte)'\r', (byte)'\n', 0x00, 0xFF, 0xC3, (byte)'-', (byte)'.', (byte)'e', (byte)'9', (byte)'T', (byte)':'];

    [Fact]
    public void Mutated_csv_converts_or_fails_with_input_format_exception() => RunCampaign("csv-convert", 6000, 0, Convert);

    [Fact]
    public void Mutated_csv_loads_as_pings_or_fails_with_input_format_exception() => RunCampaign("csv-pings", 4000, 0x5EED, LoadPings);

    [Fact]
    public void Regression_inputs_convert_and_load_or_fail_with_input_format_exception()
    {
        string folder = Directory.CreateTempSubdirectory("adint-csv-fuzz-").FullName;

        List<string> failures = [
            .. FuzzCampaign.Replay(s_regressions, ".csv", input => Convert(input, folder), ex => ex is InputFormatException),
            .. FuzzCampaign.Replay(s_regressions, ".csv", input => LoadPings(input, folder), ex => ex is InputFormatException)];

        Directory.Delete(folder, recursive: true);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void A_short_file_with_a_wide_header_converts_within_the_allocation_bound()
    {
        // Found by the campaign: every column buffer was allocated at the full row-group size up front, so a 115-byte
        // file with 11 columns allocated 70 MB. Here 2,000 columns x (1 M null flags + 4 MB offsets + 1 MB text) would
        // have been about 12 GB; the bound for this 12,890-byte file (8,890 header letters + 2 x 1,999 commas + 2 newlines) is
        // 64 MiB + 1,024 x 12,890 = 80,308,224 bytes.
        string header = string.Join(",", Enumerable.Range(0, 2000).Select(c => $"c{c}"));
        byte[] input = Encoding.UTF8.GetBytes(header + "\n" + new string(',', 1999) + "\n");
        string folder = Directory.CreateTempSubdirectory("adint-csv-fuzz-").FullName;

        string? failure = FuzzCampaign.Check(input, bytes => Convert(bytes, folder), ex => ex is InputFormatException, out bool converted, out _);

        Directory.Delete(folder, recursive: true);
        Assert.Null(failure);
        Assert.True(converted);
    }

    private static void RunCampaign(string target, int ciIterations, ulong salt, Action<byte[], string> decode)
    {
        byte[][] seeds = Seeds();
        string folder = Directory.CreateTempSubdirectory("adint-csv-fuzz-").FullName;
        try
        {
            FuzzOutcome outcome = FuzzCampaign.Run(target, ciIterations, (seed, i) => Mutate(seeds, seed ^ salt, i),
                input => decode(input, folder), ex => ex is InputFormatException, ".csv");

            TestContext.Current.SendDiagnosticMessage(outcome.ToString());
            outcome.AssertClean();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Convert(byte[] input, string folder)
    {
        string csv = Path.Combine(folder, "convert.csv");
        File.WriteAllBytes(csv, input);
        TableConverter.Convert(csv, Path.Combine(folder, "out.parquet"), new ConvertOptions { Overwrite = true }, TestContext.Current.CancellationToken);
    }

    private static void LoadPings(byte[] input, string folder)
    {
        string csv = Path.Combine(folder, "pings.csv");
        File.WriteAllBytes(csv, input);
        _ = PingTableLoader.Load([csv], cancellationToken: TestContext.Current.CancellationToken);
    }

    /// <summary>The hand-written seeds and the first 40 lines of a few interop-corpus CSVs (when ../shared is present).</summary>
    private static byte[][] Seeds()
    {
        var seeds = s_handWritten.Select(Encoding.UTF8.GetBytes).ToList();
        if (SharedData.Root is string shared)
        {
            foreach (string name in new[] { "duckdb_snappy_v1_tsmicros_utc.csv", "polars_snappy_int64ms.csv", "arrowrs_allnull_columns.csv", "duckdb_empty.csv" })
            {
                string path = Path.Combine(shared, "parquet-interop", "generated", name);
                if (File.Exists(path))
                {
                    seeds.Add(Encoding.UTF8.GetBytes(string.Join("\n", File.ReadLines(path).Take(40)) + "\n"));
                }
            }
        }

        return [.. seeds];
    }

    /// <summary>
    /// Input <paramref name="iteration"/> of the campaign: one to four rounds of byte flips, special bytes, insertions,
    /// deletions, truncations, splices from another seed, and inflation (a field or a line repeated many times, a
    /// huge number, a very long quoted field).
    /// </summary>
    private static byte[] Mutate(byte[][] seeds, ulong seed, int iteration)
    {
        var random = new FuzzRandom(seed ^ ((ulong)iteration * 0x9E3779B97F4A7C15UL));
        var bytes = new List<byte>(seeds[iteration % seeds.Length]);
        byte[] donor = seeds[random.Next(seeds.Length)];
        int rounds = 1 + random.Next(4);
        for (int r = 0; r < rounds; r++)
        {
            int at = random.Next(bytes.Count + 1);
            switch (random.Next(8))
            {
                case 0 when at < bytes.Count:
                    bytes[at] = s_special[random.Next(s_special.Length)];
                    break;
                case 1:
                    bytes.Insert(at, s_special[random.Next(s_special.Length)]);
                    break;
                case 2 when at < bytes.Count:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + random.Next(8)));
                    break;
                case 3 when at < bytes.Count:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 4 when donor.Length > 0:
                    int from = random.Next(donor.Length);
                    bytes.InsertRange(at, donor.AsSpan(from, Math.Min(donor.Length - from, 1 + random.Next(64))).ToArray());
                    break;
                case 5 when at < bytes.Count:
                    // Inflation: a chunk repeated up to 2,000 times (many columns, many lines, a giant field).
                    byte[] chunk = [.. bytes.GetRange(at, Math.Min(bytes.Count - at, 1 + random.Next(12)))];
                    int times = 1 + random.Next(2000);
                    for (int k = 0; k < times; k++)
                    {
                        bytes.InsertRange(at, chunk);
                    }

                    break;
                case 6:
                    string[] huge = ["99999999999999999999999999", "-9223372036854775809", "1e400", "\"" + new string('x', 4096), ",,,,,,,,,,,,,,,,"];
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(huge[random.Next(huge.Length)]));
                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }

        return [.. bytes];
    }
}
