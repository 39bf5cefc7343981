using System.Diagnostics;
using AdintAudit.Parquet.Compression;
using FsCheck;
using FsCheck.Fluent;

namespace AdintAudit.Parquet.Tests.Compression;

public sealed partial class ZstdDecoderTests
{
    public static TheoryData<string> SingleFrameFixtures => new(
        "text-100.l3.zst", "text-8k.l3.zst", "text-8k.l3-nocheck.zst", "text-8k.l3-nosize.zst", "repeats-24k.l19.zst",
        "gps-24k.l1.zst", "random-4k.l3.zst", "empty.l3.zst");

    public static TheoryData<string> CorruptionFixtures => new(
        "text-8k.l1.zst", "text-8k.l3-nocheck.zst", "text-8k.l22.zst", "repeats-24k.l3.zst", "ints-24k.l19.zst",
        "gps-24k.l3-stream.zst", "random-4k.l3.zst", "multi.zst");

    [Theory]
    [MemberData(nameof(SingleFrameFixtures))]
    public void Decompress_everyTruncation_throwsParquetFormatException(string name)
    {
        byte[] compressed = ZstdTestData.ReadFixture(name);
        byte[] destination = new byte[1 << 16];
        int failures = 0;

        for (int length = 1; length < compressed.Length; length++)
        {
            try
            {
                ZstdDecoder.Decompress(compressed.AsSpan(0, length), destination);
            }
            catch (ParquetFormatException error) when (error.Message.StartsWith("zstd: ", StringComparison.Ordinal))
            {
                failures++;
            }
        }

        Assert.Equal(compressed.Length - 1, failures);
    }

    [Theory]
    [MemberData(nameof(CorruptionFixtures))]
    public void Decompress_singleByteCorruptions_throwOnlyParquetFormatException(string name)
    {
        byte[] original = ZstdTestData.ReadFixture(name);
        int capacity = ZstdTestData.Decompress(original).Length;
        byte[] destination = new byte[capacity + 64];
        byte[] corrupted = new byte[original.Length];
        byte[] masks = [0x01, 0x08, 0x80, 0xFF, 0x5A];
        var clock = Stopwatch.StartNew();

        for (int position = 0; position < original.Length; position++)
        {
            foreach (byte mask in masks)
            {
                original.CopyTo(corrupted, 0);
                corrupted[position] ^= mask;
                DecompressExpectingOnlyFormatErrors(corrupted, destination, $"{name} byte {position} ^ 0x{mask:X2}");
            }
        }

        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), $"took {clock.Elapsed}");
    }

    [Theory]
    [MemberData(nameof(SingleFrameFixtures))]
    public void Decompress_everyDestinationTooSmall_throwsDeclaredSize(string name)
    {
        byte[] compressed = ZstdTestData.ReadFixture(name);
        int length = ZstdTestData.Decompress(compressed).Length;
        int step = Math.Max(1, length / 500);

        for (int capacity = 0; capacity < length; capacity += step)
        {
            byte[] destination = new byte[capacity];

            var error = Assert.Throws<ParquetFormatException>(() => ZstdDecoder.Decompress(compressed, destination));

            Assert.Equal($"zstd: data decompresses to more than the {capacity} bytes the page header declares", error.Message);
        }
    }

    [Fact]
    public void Decompress_randomBytesAfterMagic_throwOnlyParquetFormatException()
    {
        byte[] destination = new byte[1 << 17];
        Prop.ForAll(
                ArbMap.Default.ArbFor<byte[]>(),
                tail =>
                {
                    byte[] data = [0x28, 0xB5, 0x2F, 0xFD, .. tail];
                    DecompressExpectingOnlyFormatErrors(data, destination, Convert.ToHexString(data));
                })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(3000));
    }

    [Theory]
    [InlineData("gps-24k.l19.zst")]
    [InlineData("text-8k.l1.zst")]
    [InlineData("repeats-24k.l3.zst")]
    [InlineData("ints-24k.l1.zst")]
    public void Decompress_randomMultiByteCorruptions_throwOnlyParquetFormatException(string name)
    {
        byte[] original = ZstdTestData.ReadFixture(name);
        byte[] destination = new byte[1 << 16];
        Gen<(int Seed, int Count)> corruption = Gen.Choose(0, int.MaxValue).Zip(Gen.Choose(1, 8));
        Prop.ForAll(
                corruption.ToArbitrary(),
                c =>
                {
                    var random = new ZstdTestData.SplitMix64((ulong)c.Seed);
                    byte[] corrupted = (byte[])original.Clone();
                    for (int i = 0; i < c.Count; i++)
                    {
                        corrupted[(int)random.Below((ulong)corrupted.Length)] = (byte)random.NextUInt64();
                    }

                    DecompressExpectingOnlyFormatErrors(corrupted, destination, $"seed {c.Seed} count {c.Count}");
                })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(2000));
    }

    private static void DecompressExpectingOnlyFormatErrors(byte[] data, byte[] destination, string description)
    {
        try
        {
            ZstdDecoder.Decompress(data, destination);
        }
        catch (ParquetFormatException error)
        {
            Assert.True(
                error.Message.StartsWith("zstd: ", StringComparison.Ordinal) && !error.Message.Contains('\n', StringComparison.Ordinal),
                $"{description}: bad message '{error.Message}'");
        }
        catch (Exception error)
        {
            Assert.Fail($"{description}: {error.GetType().Name}: {error.Message}");
        }
    }
}
