using System.Globalization;
using System.Text;

namespace AdintAudit.Parquet.Text;

/// <summary>
/// Formats doubles the way JavaScript's <c>Number.prototype.toString</c> does: the shortest digits that parse back to
/// the same double, plain notation for 1e-7 &lt; |x| &lt; 1e21, otherwise <c>1.5e+21</c> / <c>5e-324</c>.
/// This is the interop corpus's convention, so our text can be compared with DuckDB's, arrow-rs's and hyparquet's.
/// </summary>
internal static class JsNumberFormatter
{
    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsPositiveInfinity(value))
        {
            return "Infinity";
        }

        if (double.IsNegativeInfinity(value))
        {
            return "-Infinity";
        }

        if (value == 0)
        {
            return double.IsNegative(value) ? "-0" : "0";
        }

        // .NET's "R" is the shortest round-trip representation; only its layout differs from JavaScript's.
        string roundTrip = value.ToString("R", CultureInfo.InvariantCulture);
        bool negative = roundTrip[0] == '-';
        string body = negative ? roundTrip[1..] : roundTrip;
        int exponentAt = body.IndexOfAny(['E', 'e']);
        int exponent = 0;
        if (exponentAt >= 0)
        {
            exponent = int.Parse(body.AsSpan(exponentAt + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            body = body[..exponentAt];
        }

        int point = body.IndexOf('.', StringComparison.Ordinal);
        string digits = point >= 0 ? body.Remove(point, 1) : body;
        int integerDigits = point >= 0 ? point : body.Length;

        // Normalise to digits d1..dk with value = 0.d1..dk * 10^n (ECMA-262 Number::toString's k and n).
        int leadingZeros = 0;
        while (leadingZeros < digits.Length - 1 && digits[leadingZeros] == '0')
        {
            leadingZeros++;
        }

        digits = digits[leadingZeros..].TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }

        int n = integerDigits - leadingZeros + exponent;
        int k = digits.Length;
        var text = new StringBuilder(32);
        if (negative)
        {
            text.Append('-');
        }

        if (k <= n && n <= 21)
        {
            text.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            text.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            text.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            int e = n - 1;
            text.Append(digits[0]);
            if (k > 1)
            {
                text.Append('.').Append(digits, 1, k - 1);
            }

            text.Append('e').Append(e < 0 ? '-' : '+').Append(Math.Abs(e).ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
