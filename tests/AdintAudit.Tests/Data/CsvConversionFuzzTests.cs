using System.Text;
using AdintAudit.Data;

namespace AdintAudit.Tests.Data;

/// <summary>
/// Mutation fuzzing of CSV input through <see cref="TableConverter"/> (CSV reading, type inference, Parquet writing):
/// every mutated file converts or raises our <see cref="InputFormatException"/>; nothing else, no hang.
/// <c>ADINT_FUZZ_ITERATIONS</c> / <c>ADINT_FUZZ_SEED</c> run longer campaigns.
/// </summary>
public sealed class CsvConversionFuzzTests
{
    private static readonly string[] s_seeds =
    [
        "device_id,timestamp,lat,lon,horizontal_accuracy\r\na1,1717200000000,52.52,13.405,8.5\r\na1,1717200060000,52.5201,13.4049,\r\nb2,1717200120000,48.85,2.35,12\r\n",
        "uid,lat,lng,datetime\n1,43.8430139,10.507994,2011-02-03 08:34:04\n2,43.54427,10.32615,2011-02-03T09:34:04Z\n",
        "name,note\n\"a, b\",\"say \"\"hi\"\"\"\n\"\",\n\"multi\nline\",x\n",
        "x\n007\n1e5\n-0\nNaN\n\n",
    ];

    [Fact]
    public void Mutated_csv_converts_or_fails_with_input_format_exception()
    {
        int iterations = int.TryParse(Environment.GetEnvironmentVariable("ADINT_FUZZ_ITERATIONS"), out int n) ? n : 1500;
        ulong seed = ulong.TryParse(Environment.GetEnvironmentVariable("ADINT_FUZZ_SEED"), out ulong s) ? s : 20261122;
        string folder = Directory.CreateTempSubdirectory("adint-csv-fuzz-").FullName;
        var failures = new List<string>();
        int converted = 0;
        int rejected = 0;
        var random = new SplitMix(seed);
        try
        {
            for (int i = 0; i < iterations && failures.Count < 5; i++)
            {
                byte[] input = Mutate(Encoding.UTF8.GetBytes(s_seeds[i % s_seeds.Length]), random);
                string csv = Path.Combine(folder, "in.csv");
                string parquet = Path.Combine(folder, "out.parquet");
                File.WriteAllBytes(csv, input);
                try
                {
                    TableConverter.Convert(csv, parquet, new ConvertOptions { Overwrite = true }, TestContext.Current.CancellationToken);
                    converted++;
                }
                catch (InputFormatException)
                {
                    rejected++;
                }
                catch (Exception ex)
                {
                    failures.Add($"iteration {i}: {ex.GetType().Name}: {ex.Message} for input {Convert.ToBase64String(input)}");
                }
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(converted > 0 && rejected > 0, $"converted {converted}, rejected {rejected}: mutations should produce both");
    }

    private static byte[] Mutate(byte[] input, SplitMix random)
    {
        byte[] special = [(byte)'"', (byte)',', (byte)'\r', (byte)'\n', 0x00, 0xFF, 0xC3, (byte)'-', (byte)'.', (byte)'e', (byte)'9'];
        var bytes = new List<byte>(input);
        int rounds = 1 + random.Next(4);
        for (int r = 0; r < rounds; r++)
        {
            int at = random.Next(bytes.Count + 1);
            switch (random.Next(4))
            {
                case 0 when bytes.Count > 0 && at < bytes.Count:
                    bytes[at] = special[random.Next(special.Length)];
                    break;
                case 1:
                    bytes.Insert(at, special[random.Next(special.Length)]);
                    break;
                case 2 when at < bytes.Count:
                    bytes.RemoveAt(at);
                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }

        return [.. bytes];
    }

    private sealed class SplitMix(ulong seed)
    {
        private ulong _state = seed;

        public int Next(int bound)
        {
            ulong z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return bound <= 1 ? 0 : (int)(z % (ulong)bound);
        }
    }
}
