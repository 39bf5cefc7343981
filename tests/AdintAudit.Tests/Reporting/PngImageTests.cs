using System.Buffers.Binary;
using System.IO.Compression;
using FsCheck;
using FsCheck.Fluent;

namespace AdintAudit.Tests.Reporting;

public sealed class PngImageTests
{
    [Fact]
    public void Decode_undoes_every_filter_type_for_rgb_and_rgba() =>
        Prop.ForAll(
            Gen.Choose(1, 9).Two().Select(t => (Width: t.Item1, Height: t.Item2)).ToArbitrary(),
            Gen.Elements(3, 4).ToArbitrary(),
            Gen.Choose(0, int.MaxValue).ToArbitrary(),
            (size, channels, seed) =>
            {
                var random = new Random(seed);
                byte[] pixels = new byte[size.Width * size.Height * channels];
                random.NextBytes(pixels);
                byte[] filters = [.. Enumerable.Range(0, size.Height).Select(y => (byte)(y % 5))];

                PngImage image = PngImage.Decode(Encode(size.Width, size.Height, channels, pixels, filters));

                for (int p = 0; p < size.Width * size.Height; p++)
                {
                    for (int c = 0; c < 3; c++)
                    {
                        Assert.Equal(pixels[(p * channels) + c], image.Rgba[(p * 4) + c]);
                    }

                    Assert.Equal(channels == 4 ? pixels[(p * channels) + 3] : 255, image.Rgba[(p * 4) + 3]);
                }

                return image.Width == size.Width && image.Height == size.Height;
            }).Check(Config.QuickThrowOnFailure.WithMaxTest(100));

    [Fact]
    public void Paeth_picks_the_neighbour_nearest_the_gradient()
    {
        // p = a + b - c: (10, 20, 15) -> p = 15, distances 5, 5, 0 -> c = 15.
        Assert.Equal(15, PngImage.Paeth(10, 20, 15));
        // (10, 20, 20) -> p = 10, distances 0, 10, 10 -> a = 10.
        Assert.Equal(10, PngImage.Paeth(10, 20, 20));
        // (10, 20, 10) -> p = 20, distances 10, 0, 10 -> b = 20.
        Assert.Equal(20, PngImage.Paeth(10, 20, 10));
    }

    [Fact]
    public void Decode_rejects_a_file_that_is_not_png()
    {
        Assert.Throws<InvalidDataException>(() => PngImage.Decode([1, 2, 3, 4, 5, 6, 7, 8, 9]));
    }

    /// <summary>Brute-force encoder: filters each row with the given type (the inverse of the decoder's arithmetic).</summary>
    private static byte[] Encode(int width, int height, int channels, byte[] pixels, byte[] filters)
    {
        int stride = width * channels;
        byte[] raw = new byte[height * (stride + 1)];
        for (int y = 0; y < height; y++)
        {
            raw[y * (stride + 1)] = filters[y];
            for (int i = 0; i < stride; i++)
            {
                int x = pixels[(y * stride) + i];
                int a = i >= channels ? pixels[(y * stride) + i - channels] : 0;
                int b = y > 0 ? pixels[((y - 1) * stride) + i] : 0;
                int c = y > 0 && i >= channels ? pixels[((y - 1) * stride) + i - channels] : 0;
                int predictor = filters[y] switch { 0 => 0, 1 => a, 2 => b, 3 => (a + b) / 2, _ => PngImage.Paeth(a, b, c) };
                raw[(y * (stride + 1)) + 1 + i] = (byte)(x - predictor);
            }
        }

        using var png = new MemoryStream();
        png.Write([137, 80, 78, 71, 13, 10, 26, 10]);
        byte[] header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = (byte)(channels == 4 ? 6 : 2);
        WriteChunk(png, "IHDR", header);
        using var compressed = new MemoryStream();
        using (var deflater = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            deflater.Write(raw);
        }

        // Split the stream over two IDAT chunks, as encoders do for large images.
        byte[] data = compressed.ToArray();
        WriteChunk(png, "IDAT", data.AsSpan(0, data.Length / 2));
        WriteChunk(png, "IDAT", data.AsSpan(data.Length / 2));
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        png.Write(System.Text.Encoding.ASCII.GetBytes(type));
        png.Write(data);
        png.Write([0, 0, 0, 0]); // CRC: the decoder does not check it
    }
}
