using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using AdintAudit.Parquet.Compression;

namespace AdintAudit.Parquet.Tests.Compression;

/// <summary>Deterministic payloads, fixture access and an LZ4 frame parser shared by the codec tests.</summary>
internal static class CodecTestData
{
    public static readonly string[] FixtureInputs = ["gps-latitudes.bin", "timestamps-ms.bin", "text.txt", "mixed-runs.bin"];

    public static readonly string[] PayloadKinds = ["gps", "timestamps", "dictionary", "text", "runs", "random", "zeros"];

    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Compression", "Fixtures", name);

    public static byte[] ReadFixture(string name) => File.ReadAllBytes(FixturePath(name));

    /// <summary>Makes a Parquet-page-like payload of the given kind and length from a fixed seed.</summary>
    public static byte[] Payload(string kind, int length, ulong seed = 42)
    {
        var rng = new SplitMix64(seed);
        byte[] data = new byte[length];
        switch (kind)
        {
            case "gps":
                double lat = 52.52;
                for (int i = 0; i + 8 <= length; i += 8)
                {
                    lat += (rng.NextDouble() - 0.5) * 0.001;
                    BinaryPrimitives.WriteDoubleLittleEndian(data.AsSpan(i), Math.Round(lat, 6));
                }

                break;
            case "timestamps":
                long t = 1_717_000_000_000;
                for (int i = 0; i + 8 <= length; i += 8)
                {
                    t += 1000 + (long)(rng.NextUInt64() % 80) - 40;
                    BinaryPrimitives.WriteInt64LittleEndian(data.AsSpan(i), t);
                }

                break;
            case "dictionary":
                for (int i = 0; i < length; i++)
                {
                    data[i] = (byte)(rng.NextUInt64() % 4 == 0 ? rng.NextUInt64() % 200 : rng.NextUInt64() % 6);
                }

                break;
            case "text":
                string[] words = ["device", "ping", "berlin", "mitte", "wifi", "gps", "cell", "accuracy", "home", "night"];
                var text = new StringBuilder(length + 16);
                while (text.Length < length)
                {
                    text.Append(words[rng.NextUInt64() % (ulong)words.Length]).Append(rng.NextUInt64() % 7 == 0 ? '\n' : ' ');
                }

                Encoding.ASCII.GetBytes(text.ToString(0, length), data);
                break;
            case "runs":
                for (int i = 0; i < length;)
                {
                    int run = 1 + (int)(rng.NextUInt64() % 300);
                    int period = 1 + (int)(rng.NextUInt64() % 9);
                    for (int k = 0; k < period && i + k < length; k++)
                    {
                        data[i + k] = (byte)rng.NextUInt64();
                    }

                    for (int k = period; k < run && i + k < length; k++)
                    {
                        data[i + k] = data[i + k - period];
                    }

                    i += run;
                }

                break;
            case "random":
                for (int i = 0; i < length; i++)
                {
                    data[i] = (byte)rng.NextUInt64();
                }

                break;
            case "zeros":
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown payload kind");
        }

        return data;
    }

    /// <summary>One block of an LZ4 frame: its bytes and whether the frame stored it uncompressed.</summary>
    public readonly record struct FrameBlock(byte[] Data, bool Uncompressed);

    /// <summary>Splits an LZ4 frame (as the lz4 CLI writes it, independent blocks) into its blocks.</summary>
    public static List<FrameBlock> ParseLz4Frame(byte[] frame)
    {
        Assert.Equal(0x184D2204u, BinaryPrimitives.ReadUInt32LittleEndian(frame));
        byte flags = frame[4];
        Assert.Equal(1, flags >> 6); // version 01
        Assert.True((flags & 0x20) != 0, "fixture must use independent blocks (-BI)");
        bool blockChecksum = (flags & 0x10) != 0;
        bool contentSize = (flags & 0x08) != 0;
        bool contentChecksum = (flags & 0x04) != 0;
        bool dictionaryId = (flags & 0x01) != 0;
        int position = 6 + (contentSize ? 8 : 0) + (dictionaryId ? 4 : 0) + 1; // FLG, BD, options, header checksum
        var blocks = new List<FrameBlock>();
        while (true)
        {
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(frame.AsSpan(position));
            position += 4;
            if (size == 0)
            {
                break;
            }

            int length = (int)(size & 0x7FFFFFFF);
            blocks.Add(new FrameBlock(frame.AsSpan(position, length).ToArray(), (size & 0x80000000) != 0));
            position += length + (blockChecksum ? 4 : 0);
        }

        position += contentChecksum ? 4 : 0;
        Assert.Equal(frame.Length, position);
        return blocks;
    }

    /// <summary>Decodes every block of a parsed LZ4 frame with <see cref="Lz4BlockDecoder"/> and concatenates them.</summary>
    public static byte[] DecodeFrameBlocks(List<FrameBlock> blocks, int maxBlockOutput)
    {
        var output = new List<byte>();
        byte[] buffer = new byte[maxBlockOutput];
        foreach (FrameBlock block in blocks)
        {
            if (block.Uncompressed)
            {
                output.AddRange(block.Data);
                continue;
            }

            int written = Lz4BlockDecoder.Decompress(block.Data, buffer);
            output.AddRange(buffer.AsSpan(0, written).ToArray());
        }

        return [.. output];
    }

    /// <summary>Wraps LZ4 blocks in Hadoop framing: [BE uncompressed size][BE compressed size][block] per block.</summary>
    public static byte[] HadoopFrame(IEnumerable<(byte[] Block, int UncompressedLength)> frames)
    {
        var output = new List<byte>();
        Span<byte> header = stackalloc byte[8];
        foreach ((byte[] block, int uncompressedLength) in frames)
        {
            BinaryPrimitives.WriteInt32BigEndian(header, uncompressedLength);
            BinaryPrimitives.WriteInt32BigEndian(header[4..], block.Length);
            output.AddRange(header.ToArray());
            output.AddRange(block);
        }

        return [.. output];
    }

    /// <summary>Runs the lz4 CLI; returns false (with the reason) when it fails or is not installed.</summary>
    public static bool TryRunLz4(string arguments, out string error)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("lz4", arguments)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                error = "lz4 did not start";
                return false;
            }

            string stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            error = stderr;
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            error = "lz4 is not on PATH: " + exception.Message;
            return false;
        }
    }

    public static bool IsLz4OnPath()
    {
        string? path = Environment.GetEnvironmentVariable("PATH");
        if (path is null)
        {
            return false;
        }

        foreach (string directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (File.Exists(Path.Combine(directory, "lz4")))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Deterministic corruptions of <paramref name="data"/>: each yields a mutated copy.</summary>
    public static IEnumerable<byte[]> Corruptions(byte[] data, int maxPositions = 400)
    {
        int step = Math.Max(1, data.Length / maxPositions);
        byte[] replacements = [0x00, 0xFF, 0x80, 0x7F, 0x01, 0x3C, 0xF0, 0xFD];
        for (int position = 0; position < data.Length; position += step)
        {
            foreach (byte replacement in replacements)
            {
                if (data[position] == replacement)
                {
                    continue;
                }

                byte[] copy = (byte[])data.Clone();
                copy[position] = replacement;
                yield return copy;
            }

            byte[] flipped = (byte[])data.Clone();
            flipped[position] ^= (byte)(1 << (position % 8));
            yield return flipped;
        }
    }

    /// <summary>SplitMix64: the project's deterministic generator.</summary>
    public struct SplitMix64(ulong seed)
    {
        private ulong _state = seed;

        public ulong NextUInt64()
        {
            ulong z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));
    }
}
