using System.Globalization;
using AdintAudit.Synthetic.Randomness;

namespace AdintAudit.Synthetic.Geography;

/// <summary>
/// The POI layer (spec §1.1): everyday places, FTC-sensitive places and critical sites, placed by population density
/// (or in the core, or at the periphery), with an index by kind and a coarse grid for "a POI near this point".
/// </summary>
internal sealed class PoiCatalog
{
    private const double GridCellMeters = 2_000;
    private static readonly string[] s_streets =
        ["Linden", "Birch", "Harbour", "Market", "Mill", "Castle", "Station", "River", "Garden", "Church", "Bridge", "Forest", "Meadow", "Lake", "Hill", "Park"];

    private readonly int[][] _byKind;
    private readonly int[][] _grid;
    private readonly int _gridSide;

    public PoiCatalog(MetroArea metro, ulong seed)
    {
        var rng = new SplitMix64(SplitMix64.Derive(seed, StreamTag.Pois));
        var pois = new List<Poi>();
        _byKind = new int[PoiKinds.Count][];
        for (int k = 0; k < PoiKinds.Count; k++)
        {
            var kind = (PoiKind)k;
            var info = PoiKinds.Info(kind);
            _byKind[k] = new int[info.Count];
            for (int i = 0; i < info.Count; i++)
            {
                (double x, double y) = info.Placement switch
                {
                    PoiPlacement.Core => Core(ref rng),
                    PoiPlacement.Periphery => Periphery(ref rng),
                    _ => metro.SampleHome(ref rng),
                };
                double halfWidth = rng.Uniform(info.HalfSizeMin, info.HalfSizeMax);
                double halfHeight = halfWidth * rng.Uniform(0.6, 1.4);
                string town = metro.Towns[metro.NearestTown(x, y)].Name;
                string name = string.Create(CultureInfo.InvariantCulture,
                    $"{town} {s_streets[rng.NextInt(s_streets.Length)]} {info.Title}{(info.Count > 1 ? $" {i + 1}" : "")}");
                _byKind[k][i] = pois.Count;
                pois.Add(new Poi(pois.Count, kind, name, x, y, halfWidth, halfHeight));
            }
        }

        Pois = [.. pois];
        _gridSide = (int)Math.Ceiling(2 * MetroArea.ExtentMeters / GridCellMeters);
        var cells = new List<int>[_gridSide * _gridSide];
        foreach (Poi poi in Pois)
        {
            if (!PoiKinds.Info(poi.Kind).Critical && PoiKinds.Info(poi.Kind).HalfSizeMax <= 300)
            {
                int cell = Cell(poi.XMeters, poi.YMeters);
                (cells[cell] ??= []).Add(poi.Id);
            }
        }

        _grid = new int[cells.Length][];
        for (int i = 0; i < cells.Length; i++)
        {
            _grid[i] = cells[i] is { } list ? [.. list] : [];
        }
    }

    public Poi[] Pois { get; }

    public ReadOnlySpan<int> OfKind(PoiKind kind) => _byKind[(int)kind];

    /// <summary>Picks a POI of a kind: the nearest of <paramref name="candidates"/> random ones (a mild distance preference).</summary>
    public int PickNear(PoiKind kind, double x, double y, int candidates, ref SplitMix64 rng)
    {
        int[] ids = _byKind[(int)kind];
        int best = ids[rng.NextInt(ids.Length)];
        double bestDistance = Distance2(Pois[best], x, y);
        for (int i = 1; i < candidates; i++)
        {
            int id = ids[rng.NextInt(ids.Length)];
            double d = Distance2(Pois[id], x, y);
            if (d < bestDistance)
            {
                best = id;
                bestDistance = d;
            }
        }

        return best;
    }

    /// <summary>Returns a small POI in the grid cell of the point, or -1 when the cell holds none (iOS reduced-accuracy snapping).</summary>
    public int SnapTarget(double x, double y, ulong bits)
    {
        int[] cell = _grid[Cell(x, y)];
        return cell.Length == 0 ? -1 : cell[(int)(bits % (ulong)cell.Length)];
    }

    private int Cell(double x, double y)
    {
        int cx = Math.Clamp((int)((x + MetroArea.ExtentMeters) / GridCellMeters), 0, _gridSide - 1);
        int cy = Math.Clamp((int)((y + MetroArea.ExtentMeters) / GridCellMeters), 0, _gridSide - 1);
        return (cy * _gridSide) + cx;
    }

    private static double Distance2(in Poi poi, double x, double y)
    {
        double dx = poi.XMeters - x, dy = poi.YMeters - y;
        return (dx * dx) + (dy * dy);
    }

    private static (double X, double Y) Core(ref SplitMix64 rng)
    {
        (double dx, double dy) = rng.NextNormalPair();
        return (dx * 2_500, dy * 2_500);
    }

    private static (double X, double Y) Periphery(ref SplitMix64 rng)
    {
        double angle = rng.Uniform(0, 2 * Math.PI);
        double distance = rng.Uniform(12_000, 22_000);
        return (distance * Math.Cos(angle), distance * Math.Sin(angle));
    }
}
