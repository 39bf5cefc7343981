using System.Diagnostics;
using AdintAudit.Parquet.Metadata;
using AdintAudit.Parquet.Writing;
using AdintAudit.Synthetic.Emission;
using AdintAudit.Synthetic.Output;

namespace AdintAudit.Synthetic;

/// <summary>
/// Streams a synthetic dataset to a folder: <c>pings.parquet</c>, <c>truth_pings.parquet</c>, <c>truth_devices.parquet</c>,
/// <c>truth_visits.parquet</c>, <c>pois.parquet</c>, <c>sites.geojson</c> and <c>manifest.json</c>.
/// </summary>
/// <remarks>
/// Devices are generated in parallel chunks and written in a fixed order by one writer, so memory stays at about
/// one row group of pings plus a few chunks, whatever the dataset size, and the files are byte-identical for the
/// same options on any machine and thread count. Everything is written into a temporary sibling folder that is
/// renamed at the end, so a failure never leaves half a dataset under the output name.
/// </remarks>
public static class SyntheticDatasetWriter
{
    /// <summary>The files a dataset consists of.</summary>
    public static IReadOnlyList<string> FileNames { get; } =
        ["pings.parquet", "truth_pings.parquet", "truth_devices.parquet", "truth_visits.parquet", "pois.parquet", "sites.geojson", "manifest.json"];

    /// <summary>Generates the dataset of <paramref name="options"/> into <paramref name="outputDirectory"/>.</summary>
    /// <param name="options">The parameters.</param>
    /// <param name="outputDirectory">The dataset folder; created if missing. When it exists and is not empty, <paramref name="overwrite"/> is required.</param>
    /// <param name="overwrite">Replace the dataset's files in a non-empty folder (other files there are left alone).</param>
    /// <param name="progress">Receives progress after each chunk of devices (on the writing thread), or null.</param>
    /// <param name="maxParallelism">Generation threads; 0 for the processor count. The output does not depend on it.</param>
    /// <param name="cancellationToken">Stops the run; the temporary folder is removed.</param>
    /// <returns>Counts of what was written.</returns>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    /// <exception cref="IOException">The folder is not empty and <paramref name="overwrite"/> is false, or writing failed.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static GenerationSummary Write(
        GeneratorOptions options,
        string outputDirectory,
        bool overwrite = false,
        IProgress<GenerationProgress>? progress = null,
        int maxParallelism = 0,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        var model = new SyntheticModel(options);
        string target = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        bool targetHasFiles = Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any();
        if (targetHasFiles && !overwrite)
        {
            throw new IOException($"{outputDirectory}: folder is not empty");
        }

        if (File.Exists(target))
        {
            throw new IOException($"{outputDirectory}: is a file, not a folder");
        }

        string parent = Path.GetDirectoryName(target) ?? ".";
        Directory.CreateDirectory(parent);
        string temporary = Path.Combine(parent, $".{Path.GetFileName(target)}.partial-{Environment.ProcessId}");
        if (Directory.Exists(temporary))
        {
            Directory.Delete(temporary, recursive: true);
        }

        Directory.CreateDirectory(temporary);
        var clock = Stopwatch.StartNew();
        try
        {
            GenerationSummary summary = WriteFiles(model, temporary, progress, maxParallelism, cancellationToken) with { OutputDirectory = target };
            ManifestWriter.Write(Path.Combine(temporary, "manifest.json"), options, summary, model.WindowStartMs, model.WindowEndMs);
            Publish(temporary, target, targetHasFiles);
            return summary with { Elapsed = clock.Elapsed };
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>The Parquet settings of every output file: SNAPPY, a fixed <c>created_by</c> (so bytes do not depend on the build).</summary>
    internal static ParquetWriterOptions ParquetOptions(GeneratorOptions options) => new()
    {
        Codec = CompressionCodec.Snappy,
        RowGroupSize = options.RowGroupRows,
        CreatedBy = $"AdintAudit.Synthetic {SyntheticGenerator.Version}",
        KeyValueMetadata =
        [
            new KeyValue("adint.generator", $"AdintAudit.Synthetic {SyntheticGenerator.Version}"),
            new KeyValue("adint.preset", GeneratorOptions.PresetName(options.Preset)),
            new KeyValue("adint.seed", options.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ],
    };

    private static GenerationSummary WriteFiles(SyntheticModel model, string folder, IProgress<GenerationProgress>? progress, int maxParallelism, CancellationToken cancellationToken)
    {
        GeneratorOptions options = model.Options;
        ParquetWriterOptions parquet = ParquetOptions(options);
        List<SyntheticPoi> pois = SyntheticGenerator.DescribePois(model);
        TruthTableWriter.WritePois(Path.Combine(folder, "pois.parquet"), pois, parquet);
        SitesGeoJson.Write(Path.Combine(folder, "sites.geojson"), pois);

        var text = new RowText(model.Apps);
        var zeroed = new ZeroedRowCollector();
        long units = model.Devices.Units;
        long unitsDone = 0;
        using var pings = new PingTableWriter(Path.Combine(folder, "pings.parquet"), Path.Combine(folder, "truth_pings.parquet"), parquet, text);
        using var truth = new TruthTableWriter(Path.Combine(folder, "truth_devices.parquet"), Path.Combine(folder, "truth_visits.parquet"), parquet, pois);
        long appended = 0;
        ChunkPipeline.Run(model, maxParallelism <= 0 ? Environment.ProcessorCount : maxParallelism, chunk =>
        {
            pings.Append(chunk.Rows, chunk.Ids);
            appended += chunk.Rows.Count;
            zeroed.Add(chunk.ZeroedRows);
            truth.Add(chunk.Devices, chunk.Visits);
            unitsDone += chunk.UnitCount;
            progress?.Report(new GenerationProgress(unitsDone, units, appended));
        }, cancellationToken);

        int zeroedRows = zeroed.Count;
        long identifiers;
        if (zeroedRows > 0)
        {
            pings.Append(zeroed.Sorted(0), [ZeroedRowCollector.ZeroedId]);
        }

        pings.Complete();
        truth.Complete();
        identifiers = truth.Devices;
        return new GenerationSummary
        {
            OutputDirectory = folder,
            Pings = pings.RowsWritten,
            Identifiers = identifiers,
            PersistentDevices = options.Devices,
            EphemeralIds = model.Devices.EphemeralIds,
            Persons = model.Devices.Persons,
            ZeroedIdfaRows = zeroedRows,
            Visits = truth.Visits,
            Pois = pois.Count,
            SensitiveSites = pois.Count(p => p.SensitiveCategory is not null),
        };
    }

    private static void Publish(string temporary, string target, bool targetHasFiles)
    {
        if (!targetHasFiles)
        {
            if (Directory.Exists(target))
            {
                Directory.Delete(target);
            }

            Directory.Move(temporary, target);
            return;
        }

        foreach (string name in FileNames)
        {
            File.Move(Path.Combine(temporary, name), Path.Combine(target, name), overwrite: true);
        }

        Directory.Delete(temporary, recursive: true);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
