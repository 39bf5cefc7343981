using AdintAudit.Synthetic.Emission;
using AdintAudit.Synthetic.Geography;
using AdintAudit.Synthetic.Output;

namespace AdintAudit.Synthetic;

/// <summary>Generates synthetic ad-tech location data with ground truth (GENERATOR-SPEC.md) into memory.</summary>
public static class SyntheticGenerator
{
    /// <summary>The generator's version, recorded in the manifest; changes whenever the output for a seed changes.</summary>
    public const string Version = "1.0.0";

    /// <summary>Generates the whole dataset in memory. Use <see cref="SyntheticDatasetWriter"/> for large sizes.</summary>
    /// <param name="options">The parameters; see <see cref="GeneratorOptions"/>.</param>
    /// <param name="maxParallelism">Worker threads (default: the processor count). The output does not depend on it.</param>
    /// <param name="cancellationToken">Stops generation.</param>
    /// <returns>The dataset; identical for identical options.</returns>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static SyntheticDataset Generate(GeneratorOptions options, int maxParallelism = 0, CancellationToken cancellationToken = default)
    {
        var model = new SyntheticModel(options);
        var rows = new PingBuffer(1 << 16);
        var ids = new List<string>();
        var devices = new List<TruthDevice>();
        var visits = new List<TruthVisit>();
        var zeroed = new ZeroedRowCollector();
        ChunkPipeline.Run(model, maxParallelism <= 0 ? Environment.ProcessorCount : maxParallelism, chunk =>
        {
            rows.CopyRange(chunk.Rows, 0, chunk.Rows.Count, ids.Count);
            ids.AddRange(chunk.Ids);
            zeroed.Add(chunk.ZeroedRows);
            devices.AddRange(chunk.Devices);
            visits.AddRange(chunk.Visits);
        }, cancellationToken);

        if (zeroed.Count > 0)
        {
            PingBuffer tail = zeroed.Sorted(ids.Count);
            ids.Add(ZeroedRowCollector.ZeroedId);
            rows.CopyRange(tail, 0, tail.Count, 0);
        }

        return new SyntheticDataset(options, new SyntheticPings(rows, ids, new RowText(model.Apps)), devices, visits, DescribePois(model));
    }

    internal static List<SyntheticPoi> DescribePois(SyntheticModel model)
    {
        LocalProjection p = model.Metro.Projection;
        var result = new List<SyntheticPoi>(model.Pois.Pois.Length);
        foreach (Poi poi in model.Pois.Pois)
        {
            var info = PoiKinds.Info(poi.Kind);
            double south = Math.Round(p.Latitude(poi.YMeters - poi.HalfHeightMeters), 7);
            double north = Math.Round(p.Latitude(poi.YMeters + poi.HalfHeightMeters), 7);
            double west = Math.Round(p.Longitude(poi.XMeters - poi.HalfWidthMeters), 7);
            double east = Math.Round(p.Longitude(poi.XMeters + poi.HalfWidthMeters), 7);
            result.Add(new SyntheticPoi(poi.Id, poi.Name, info.Category, SensitiveCategoryNames.Of(info.Sensitive), info.Critical,
                [(south, west), (south, east), (north, east), (north, west)]));
        }

        return result;
    }
}
