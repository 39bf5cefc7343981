using System.Buffers.Binary;
using System.IO.Compression;

namespace AdintAudit.Tests.Reporting;

/// <summary>
/// A minimal PNG decoder for screenshots: 8-bit RGB or RGBA, not interlaced. Concatenates the IDAT chunks, inflates them
/// with <see cref="ZLibStream"/> and undoes the per-row filters (None, Sub, Up, Average, Paeth). Pixels come out as RGBA.
/// </summary>
internal sealed class PngImage
{
    private static readonly byte[] s_signature = [137, 80, 78, 71, 13, 10, 26, 10];

    private PngImage(int width, int height, byte[] rgba)
    {
        Width = width;
        Height = height;
        Rgba = rgba;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Pixels row by row, four bytes each (red, green, blue, alpha; alpha 255 for RGB images).</summary>
    public byte[] Rgba { get; }

    public static PngImage Decode(byte[] png)
    {
        if (png.Length < 8 || !png.AsSpan(0, 8).SequenceEqual(s_signature))
        {
            throw new InvalidDataException("not a PNG: bad signature");
        }

        int width = 0, height = 0, channels = 0;
        using var compressed = new MemoryStream();
        for (int offset = 8; offset + 12 <= png.Length;)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            string type = System.Text.Encoding.ASCII.GetString(png, offset + 4, 4);
            ReadOnlySpan<byte> data = png.AsSpan(offset + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                byte bitDepth = data[8], colorType = data[9], interlace = data[12];
                if (bitDepth != 8 || colorType is not (2 or 6) || interlace != 0)
                {
                    throw new NotSupportedException($"PNG with bit depth {bitDepth}, colour type {colorType}, interlace {interlace}");
                }

                channels = colorType == 6 ? 4 : 3;
            }
            else if (type == "IDAT")
            {
                compressed.Write(data);
            }
            else if (type == "IEND")
            {
                break;
            }

            offset += 12 + length; // length, type, data, CRC
        }

        if (channels == 0)
        {
            throw new InvalidDataException("PNG without IHDR");
        }

        compressed.Position = 0;
        using var inflater = new ZLibStream(compressed, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflater.CopyTo(raw);
        return new PngImage(width, height, Unfilter(raw.GetBuffer().AsSpan(0, (int)raw.Length), width, height, channels));
    }

    /// <summary>Share of pixels that are not (near) white: any channel below 245.</summary>
    public double NonWhiteShare()
    {
        long nonWhite = 0;
        for (int i = 0; i < Rgba.Length; i += 4)
        {
            if (Rgba[i] < 245 || Rgba[i + 1] < 245 || Rgba[i + 2] < 245)
            {
                nonWhite++;
            }
        }

        return (double)nonWhite / (Width * (long)Height);
    }

    /// <summary>Number of distinct RGB colours.</summary>
    public int DistinctColors()
    {
        var colors = new HashSet<int>();
        for (int i = 0; i < Rgba.Length; i += 4)
        {
            colors.Add((Rgba[i] << 16) | (Rgba[i + 1] << 8) | Rgba[i + 2]);
        }

        return colors.Count;
    }

    private static byte[] Unfilter(ReadOnlySpan<byte> raw, int width, int height, int channels)
    {
        int stride = width * channels;
        if (raw.Length < height * (stride + 1))
        {
            throw new InvalidDataException($"PNG data holds {raw.Length} bytes, {height} rows of {stride + 1} need more");
        }

        byte[] current = new byte[stride];
        byte[] previous = new byte[stride];
        byte[] rgba = new byte[width * height * 4];
        for (int y = 0; y < height; y++)
        {
            ReadOnlySpan<byte> row = raw.Slice(y * (stride + 1), stride + 1);
            byte filter = row[0];
            for (int i = 0; i < stride; i++)
            {
                int a = i >= channels ? current[i - channels] : 0;
                int b = previous[i];
                int c = i >= channels ? previous[i - channels] : 0;
                int predictor = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"PNG row {y} has filter type {filter}"),
                };
                current[i] = (byte)(row[i + 1] + predictor);
            }

            for (int x = 0; x < width; x++)
            {
                int target = ((y * width) + x) * 4;
                current.AsSpan(x * channels, 3).CopyTo(rgba.AsSpan(target));
                rgba[target + 3] = channels == 4 ? current[(x * channels) + 3] : (byte)255;
            }

            (current, previous) = (previous, current);
        }

        return rgba;
    }

    internal static int Paeth(int a, int b, int c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
