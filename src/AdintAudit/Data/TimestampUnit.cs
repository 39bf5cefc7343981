using System.Globalization;

namespace AdintAudit.Data;

/// <summary>The unit of numeric epoch timestamps in an input.</summary>
public enum TimestampUnit
{
    /// <summary>Seconds since 1970-01-01 UTC.</summary>
    Seconds,

    /// <summary>Milliseconds since 1970-01-01 UTC.</summary>
    Milliseconds,

    /// <summary>Microseconds since 1970-01-01 UTC.</summary>
    Microseconds,

    /// <summary>Nanoseconds since 1970-01-01 UTC.</summary>
    Nanoseconds,
}

/// <summary>Detection and conversion of timestamp units.</summary>
public static class TimestampUnits
{
    /// <summary>
    /// Guesses the unit of epoch values by the magnitude of their median absolute value: below 1e11 seconds
    /// (until year 5138), below 1e14 milliseconds, below 1e17 microseconds, else nanoseconds.
    /// </summary>
    /// <param name="values">A sample of values (any order); empty gives milliseconds.</param>
    /// <returns>The unit.</returns>
    public static TimestampUnit Detect(ReadOnlySpan<long> values)
    {
        if (values.IsEmpty)
        {
            return TimestampUnit.Milliseconds;
        }

        long[] magnitudes = new long[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            magnitudes[i] = values[i] == long.MinValue ? long.MaxValue : Math.Abs(values[i]);
        }

        Array.Sort(magnitudes);
        long median = magnitudes[magnitudes.Length / 2];
        return median switch
        {
            < 100_000_000_000L => TimestampUnit.Seconds,
            < 100_000_000_000_000L => TimestampUnit.Milliseconds,
            < 100_000_000_000_000_000L => TimestampUnit.Microseconds,
            _ => TimestampUnit.Nanoseconds,
        };
    }

    /// <summary>Converts an epoch value in <paramref name="unit"/> to milliseconds (truncating toward negative infinity).</summary>
    /// <param name="value">The epoch value.</param>
    /// <param name="unit">Its unit.</param>
    public static long ToMilliseconds(long value, TimestampUnit unit) => unit switch
    {
        TimestampUnit.Seconds => value * 1000,
        TimestampUnit.Microseconds => FloorDivide(value, 1000L),
        TimestampUnit.Nanoseconds => FloorDivide(value, 1_000_000L),
        _ => value,
    };

    internal static long FloorDivide(long value, long divisor)
    {
        long quotient = Math.DivRem(value, divisor, out long remainder);
        return remainder < 0 ? quotient - 1 : quotient;
    }

    /// <summary>The unit's short name (<c>s</c>, <c>ms</c>, <c>us</c>, <c>ns</c>).</summary>
    /// <param name="unit">A unit.</param>
    public static string ShortName(TimestampUnit unit) => unit switch
    {
        TimestampUnit.Seconds => "s",
        TimestampUnit.Microseconds => "us",
        TimestampUnit.Nanoseconds => "ns",
        _ => "ms",
    };

    /// <summary>
    /// Parses ISO-8601 text (<c>2024-01-15 20:00:00</c>, <c>2024-01-15T20:00:00.123Z</c>, <c>…+01:00</c>) to UTC epoch
    /// milliseconds; text without an offset is UTC.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="epochMs">The instant, when the text parses.</param>
    /// <returns>Whether the text is a timestamp.</returns>
    public static bool TryParseIso(ReadOnlySpan<char> text, out long epochMs)
    {
        // Fast path: yyyy-MM-dd[T ]HH:mm:ss[.f+][Z]
        if (text.Length >= 19 && text[4] == '-' && text[7] == '-' && (text[10] == ' ' || text[10] == 'T') && text[13] == ':' && text[16] == ':'
            && Digits(text, 0, 4, out int year) && Digits(text, 5, 2, out int month) && Digits(text, 8, 2, out int day)
            && Digits(text, 11, 2, out int hour) && Digits(text, 14, 2, out int minute) && Digits(text, 17, 2, out int second)
            && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(Math.Max(year, 1), month) && hour < 24 && minute < 60 && second < 60)
        {
            int i = 19;
            int millis = 0;
            if (i < text.Length && text[i] == '.')
            {
                i++;
                int scale = 100;
                int fractionStart = i;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    millis += (text[i] - '0') * scale;
                    scale /= 10;
                    i++;
                }

                if (i == fractionStart)
                {
                    i = -1;
                }
            }

            if (i == text.Length || (i == text.Length - 1 && text[i] == 'Z'))
            {
                long days = new DateOnly(year, month, day).DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;
                epochMs = (days * 86_400_000L) + (hour * 3_600_000L) + (minute * 60_000L) + (second * 1000L) + millis;
                return true;
            }
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out DateTimeOffset instant))
        {
            epochMs = instant.ToUnixTimeMilliseconds();
            return true;
        }

        epochMs = 0;
        return false;
    }

    private static bool Digits(ReadOnlySpan<char> text, int start, int count, out int value)
    {
        value = 0;
        for (int i = start; i < start + count; i++)
        {
            char c = text[i];
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
