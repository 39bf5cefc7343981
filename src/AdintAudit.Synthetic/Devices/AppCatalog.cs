using System.Globalization;
using AdintAudit.Synthetic.Randomness;

namespace AdintAudit.Synthetic.Devices;

/// <summary>
/// The apps that emit locations, with Zipf popularity (spec §2 "Coordinate decimals": 10 % of suppliers truncate to
/// 5 dp, 5 % to 4 dp; the rest write 6–7 dp). Suppliers are the feeds a broker buys from (<c>source_id</c>).
/// </summary>
internal sealed class AppCatalog
{
    public const int SupplierCount = 12;
    private const int AppCount = 240;
    private static readonly string[] s_vendors =
        ["brightleaf", "nimbus", "pixelfox", "quarry", "tidewater", "orbital", "maplehill", "sundial", "redkite", "blueowl",
         "ironbark", "cobalt", "juniper", "lumen", "northwind", "papaya", "quill", "saffron", "tandem", "vesper"];

    private static readonly string[] s_products =
        ["weather", "radar", "news", "flashlight", "coupons", "prayer", "fitness", "dating", "transit", "games",
         "puzzle", "scanner", "recipes", "horoscope", "radio", "wallpaper", "keyboard", "cleaner", "vpn", "compass"];

    private readonly double[] _popularityCumulative;

    public AppCatalog(GeneratorOptions options)
    {
        var rng = new SplitMix64(SplitMix64.Derive(options.Seed, StreamTag.Apps));
        Apps = new App[AppCount];
        _popularityCumulative = new double[AppCount];
        double total = 0;
        for (int i = 0; i < AppCount; i++)
        {
            int vendor = rng.NextInt(s_vendors.Length);
            string product = s_products[rng.NextInt(s_products.Length)];
            double u = rng.NextDouble();
            int decimals = u < options.Truncate4DecimalsShare ? 4
                : u < options.Truncate4DecimalsShare + options.Truncate5DecimalsShare ? 5
                : rng.Chance(0.5) ? 6 : 7;
            Apps[i] = new App(
                string.Create(CultureInfo.InvariantCulture, $"com.{s_vendors[vendor]}.{product}{i}"),
                (1_000_000_000L + (long)(rng.NextUInt64() % 900_000_000UL)).ToString(CultureInfo.InvariantCulture),
                vendor,
                rng.NextInt(SupplierCount),
                decimals);
            total += 1.0 / Math.Pow(i + 1, 0.8);
            _popularityCumulative[i] = total;
        }

        for (int i = 0; i < AppCount; i++)
        {
            _popularityCumulative[i] /= total;
        }
    }

    public App[] Apps { get; }

    public static string SupplierName(int supplier) => string.Create(CultureInfo.InvariantCulture, $"supplier-{supplier + 1:D2}");

    /// <summary>Draws an app by popularity.</summary>
    public int Draw(ref SplitMix64 rng)
    {
        int index = Array.BinarySearch(_popularityCumulative, rng.NextDouble());
        return Math.Min(index < 0 ? ~index : index, AppCount - 1);
    }
}
