namespace AdintAudit.Synthetic.Geography;

/// <summary>Geohash encoding (Niemeyer 2008): base-32, interleaved longitude/latitude bits, longitude first.</summary>
internal static class Geohash
{
    private const string Alphabet = "0123456789bcdefghjkmnpqrstuvwxyz";

    /// <summary>Encodes a point; precision 7 is a cell of 0.001373° × 0.001373° (about 153 m north-south).</summary>
    public static string Encode(double latitude, double longitude, int precision)
    {
        Span<char> chars = stackalloc char[12];
        precision = Math.Clamp(precision, 1, 12);
        double latLow = -90, latHigh = 90, lonLow = -180, lonHigh = 180;
        bool even = true;
        int bit = 0, value = 0, length = 0;
        while (length < precision)
        {
            if (even)
            {
                double mid = (lonLow + lonHigh) / 2;
                if (longitude >= mid)
                {
                    value = (value << 1) | 1;
                    lonLow = mid;
                }
                else
                {
                    value <<= 1;
                    lonHigh = mid;
                }
            }
            else
            {
                double mid = (latLow + latHigh) / 2;
                if (latitude >= mid)
                {
                    value = (value << 1) | 1;
                    latLow = mid;
                }
                else
                {
                    value <<= 1;
                    latHigh = mid;
                }
            }

            even = !even;
            if (++bit == 5)
            {
                chars[length++] = Alphabet[value];
                bit = 0;
                value = 0;
            }
        }

        return new string(chars[..length]);
    }
}
