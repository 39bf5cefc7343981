using System.Globalization;

namespace AdintAudit.Reporting;

/// <summary>How numbers read in reports: invariant culture, thousands separators, percentages with sensible precision.</summary>
public static class ReportFormat
{
    /// <summary>A count: <c>1,234,567</c>.</summary>
    /// <param name="value">The count.</param>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A share as a percentage: <c>93.4 %</c>, <c>0.05 %</c>; an em dash for NaN.</summary>
    /// <param name="share">A share in [0, 1].</param>
    public static string Percent(double share)
    {
        if (!double.IsFinite(share))
        {
            return "—";
        }

        double percent = share * 100;
        string format = percent == 0 || percent >= 10 || percent == 100 ? "0.#" : percent >= 1 ? "0.0#" : "0.0##";
        return percent.ToString(format, CultureInfo.InvariantCulture) + " %";
    }

    /// <summary>A real number with up to <paramref name="decimals"/> decimals; an em dash for NaN.</summary>
    /// <param name="value">The number.</param>
    /// <param name="decimals">Most decimals shown.</param>
    public static string Number(double value, int decimals = 2) =>
        double.IsFinite(value) ? value.ToString("#,0." + new string('#', decimals), CultureInfo.InvariantCulture) : "—";

    /// <summary>A distance: <c>850 m</c> or <c>3.2 km</c>.</summary>
    /// <param name="meters">Meters.</param>
    public static string Meters(double meters) =>
        !double.IsFinite(meters) ? "—"
        : meters >= 1000 ? (meters / 1000).ToString("0.#", CultureInfo.InvariantCulture) + " km"
        : meters.ToString("0", CultureInfo.InvariantCulture) + " m";

    /// <summary>A duration in hours: <c>12.5 h</c>.</summary>
    /// <param name="milliseconds">Milliseconds.</param>
    public static string Hours(double milliseconds) =>
        double.IsFinite(milliseconds) ? (milliseconds / 3_600_000.0).ToString("#,0.#", CultureInfo.InvariantCulture) + " h" : "—";

    /// <summary>A UTC instant: <c>2024-06-03 00:00 UTC</c>.</summary>
    /// <param name="epochMs">UTC epoch milliseconds.</param>
    public static string Instant(long epochMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(epochMs).ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
