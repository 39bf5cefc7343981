using AdintAudit.Synthetic.Randomness;

namespace AdintAudit.Synthetic.Emission;

/// <summary>
/// The row-level serialisation artefacts of spec §1.6: wrong timestamps, bogus points, teleports, duplicates and
/// near-duplicates. Each method rewrites or appends one row of a <see cref="PingBuffer"/>.
/// </summary>
internal static class ArtefactInjector
{
    private const long DayMs = 86_400_000;

    /// <summary>Far-away cities in other countries, for teleports: Lisbon, Istanbul, New York, São Paulo, Bangkok, Lagos.</summary>
    private static readonly (double Lat, double Lon)[] s_farCities =
        [(38.7223, -9.1393), (41.0082, 28.9784), (40.7128, -74.0060), (-23.5505, -46.6333), (13.7563, 100.5018), (6.5244, 3.3792)];

    /// <summary>Replaces the timestamp of <paramref name="row"/>: 1970, the future, outside the window, or seconds read as milliseconds.</summary>
    public static void BadTimestamp(PingBuffer rows, int row, ref SplitMix64 rng)
    {
        long t = rows.TimestampMs[row];
        rows.TimestampMs[row] = rng.NextInt(4) switch
        {
            0 => rng.NextInt((int)DayMs), // 1970-01-01: a zero epoch plus a time of day
            1 => t + ((365 + rng.NextInt(5 * 365)) * DayMs), // the future
            2 => t + ((rng.Chance(0.5) ? -1 : 1) * (30 + rng.NextInt(270)) * DayMs), // outside the window
            _ => t / 1000, // epoch seconds written as milliseconds: January 1970
        };
        rows.Artifact[row] = (byte)ArtifactKind.BadTimestamp;
    }

    /// <summary>Replaces the point of <paramref name="row"/> by (0, 0), a South Atlantic rectangle or an Arctic (Greenland) rectangle.</summary>
    public static void Bogus(PingBuffer rows, int row, ref SplitMix64 rng)
    {
        double u = rng.NextDouble();
        (rows.Latitude[row], rows.Longitude[row]) = u switch
        {
            < 0.5 => (0.0, 0.0),
            < 0.8 => (Math.Round(rng.Uniform(-40, -20), 6), Math.Round(rng.Uniform(-30, -10), 6)),
            _ => (Math.Round(rng.Uniform(75, 80), 6), Math.Round(rng.Uniform(-40, -30), 6)),
        };
        rows.Artifact[row] = (byte)ArtifactKind.Bogus;
    }

    /// <summary>Moves the point of <paramref name="row"/> to a city in another country (a one-ping jump).</summary>
    public static void Teleport(PingBuffer rows, int row, ref SplitMix64 rng)
    {
        (double lat, double lon) = s_farCities[rng.NextInt(s_farCities.Length)];
        rows.Latitude[row] = Math.Round(lat + rng.Uniform(-0.05, 0.05), 6);
        rows.Longitude[row] = Math.Round(lon + rng.Uniform(-0.05, 0.05), 6);
        rows.Artifact[row] = (byte)ArtifactKind.Teleport;
    }

    /// <summary>Appends an exact copy of <paramref name="row"/> (an overlapping supplier's resend).</summary>
    public static void Duplicate(PingBuffer rows, int row)
    {
        rows.CopyRow(rows, row, 0);
        rows.Artifact[rows.Count - 1] = (byte)ArtifactKind.Duplicate;
    }

    /// <summary>Appends a near-duplicate of <paramref name="row"/>: another supplier, up to 1 s later, a few metres away.</summary>
    public static void NearDuplicate(PingBuffer rows, int row, int supplierCount, double metersPerDegreeLon, ref SplitMix64 rng)
    {
        rows.CopyRow(rows, row, 0);
        int copy = rows.Count - 1;
        rows.TimestampMs[copy] += rng.NextInt(1001);
        (double dx, double dy) = rng.NextNormalPair();
        rows.Latitude[copy] = Math.Round(rows.Latitude[copy] + (dy * 3 / 111_194.9), 7);
        rows.Longitude[copy] = Math.Round(rows.Longitude[copy] + (dx * 3 / metersPerDegreeLon), 7);
        rows.Supplier[copy] = (byte)((rows.Supplier[copy] + 1 + rng.NextInt(supplierCount - 1)) % supplierCount);
        rows.Artifact[copy] = (byte)ArtifactKind.NearDuplicate;
    }
}
