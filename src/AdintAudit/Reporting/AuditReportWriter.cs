using System.Text;
using AdintAudit.Audit;
using AdintAudit.Data;
using AdintAudit.Mobility;
using AdintAudit.Sites;

namespace AdintAudit.Reporting;

/// <summary>What the report folder holds beyond the aggregate reports.</summary>
public sealed record ReportOutputOptions
{
    /// <summary>Also write devices.csv with one row per device (default false: reports hold aggregates only).</summary>
    public bool PerDevice { get; init; }

    /// <summary>Write raw advertising IDs in devices.csv instead of salted hashes (default false).</summary>
    public bool RevealIds { get; init; }

    /// <summary>Salt of the device hashes; null for a random salt that is never stored (default).</summary>
    public string? IdSalt { get; init; }
}

/// <summary>
/// Writes an audit's report folder: report.html, report.md, report.json, plots/*.svg, homes_grid.geojson, sites.geojson
/// (with sites) and, on request, devices.csv. Everything is written into a temporary sibling folder that is renamed to
/// the final name only when complete, so an interrupted run never leaves a partial report under that name.
/// </summary>
public static class AuditReportWriter
{
    /// <summary>Names a report folder may hold that a new report replaces; anything else in the folder is the user's and is kept.</summary>
    private static readonly HashSet<string> s_reportEntries = new(StringComparer.Ordinal)
    {
        "report.html", "report.md", "report.json", "plots", "homes_grid.geojson", "sites.geojson", "devices.csv", ".adint-demo",
    };

    /// <summary>Checks, before a long audit, that the folder can be written: it must be absent or empty unless <paramref name="overwrite"/>.</summary>
    /// <param name="outputFolder">The report folder.</param>
    /// <param name="overwrite">Whether an existing report may be replaced.</param>
    /// <exception cref="OutputWriteException">The folder is a file, is not empty, or its parent cannot be written.</exception>
    public static void CheckWritable(string outputFolder, bool overwrite)
    {
        ArgumentNullException.ThrowIfNull(outputFolder);
        string full = Path.GetFullPath(outputFolder);
        if (File.Exists(full))
        {
            throw new OutputWriteException("is a file, not a folder");
        }

        if (!overwrite && Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any())
        {
            throw new OutputWriteException("folder is not empty (use --force to replace the report in it)");
        }

        string parent = Path.GetDirectoryName(full) ?? full;
        try
        {
            Directory.CreateDirectory(parent);
            string probe = Path.Combine(parent, $".adint-probe-{Guid.NewGuid().ToString("N")[..8]}");
            Directory.CreateDirectory(probe);
            Directory.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OutputWriteException($"cannot write in {parent}: {ex.Message}", ex);
        }
    }

    /// <summary>Writes the report folder.</summary>
    /// <param name="result">The audit.</param>
    /// <param name="outputFolder">The folder to create (or replace, with <paramref name="overwrite"/>).</param>
    /// <param name="overwrite">Whether an existing non-empty folder is replaced.</param>
    /// <param name="options">Per-device output settings; null for aggregates only.</param>
    /// <returns>The files written, relative to the folder.</returns>
    /// <exception cref="OutputWriteException">The folder cannot be written (nothing is left under its name).</exception>
    public static IReadOnlyList<string> Write(AuditResult result, string outputFolder, bool overwrite, ReportOutputOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(outputFolder);
        options ??= new ReportOutputOptions();
        CheckWritable(outputFolder, overwrite);
        string full = Path.GetFullPath(outputFolder);
        string parent = Path.GetDirectoryName(full)!;
        string temporary = Path.Combine(parent, $".{Path.GetFileName(full)}.tmp-{Guid.NewGuid().ToString("N")[..8]}");
        var written = new List<string>();
        try
        {
            Directory.CreateDirectory(Path.Combine(temporary, "plots"));
            ReportDocument document = AuditReportBuilder.Build(result);
            foreach (Figure figure in document.Sections.SelectMany(s => s.Blocks).OfType<Figure>())
            {
                WriteText(temporary, Path.Combine("plots", figure.FileName), figure.Svg, written);
            }

            using (var html = new StringWriter())
            {
                HtmlReportRenderer.Render(document, html);
                WriteText(temporary, "report.html", html.ToString(), written);
            }

            using (var markdown = new StringWriter())
            {
                MarkdownReportRenderer.Render(document, markdown, "plots");
                WriteText(temporary, "report.md", markdown.ToString(), written);
            }

            WriteStream(temporary, "report.json", s => ReportJsonWriter.Write(result, s), written);
            WriteStream(temporary, "homes_grid.geojson", result.HomeGrid.WriteGeoJson, written);
            if (result.Sites is SiteCatalog sites && result.SiteExposure is SiteExposureResult exposure)
            {
                WriteStream(temporary, "sites.geojson", s => SiteExposureGeoJson.Write(s, sites, exposure, result.Options.MinDevicesPerCell), written);
            }

            if (options.PerDevice)
            {
                TableOutput.Write(Path.Combine(temporary, "devices.csv"), DeviceColumns(result, options), overwrite: false);
                written.Add("devices.csv");
            }

            Publish(temporary, full, overwrite);
            return written;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new OutputWriteException(ex.Message, ex);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void Publish(string temporary, string full, bool overwrite)
    {
        if (!Directory.Exists(full))
        {
            Directory.Move(temporary, full);
            return;
        }

        if (!overwrite && Directory.EnumerateFileSystemEntries(full).Any())
        {
            throw new OutputWriteException("folder is not empty (use --force to replace the report in it)");
        }

        // Replace the report, not the user's other files: those move into the new folder first (and back on failure);
        // then the old folder is moved aside and the new one renamed, so a failure leaves one complete report.
        var carried = new List<(string From, string To)>();
        try
        {
            foreach (string entry in Directory.EnumerateFileSystemEntries(full))
            {
                string name = Path.GetFileName(entry);
                if (s_reportEntries.Contains(name))
                {
                    continue;
                }

                string target = Path.Combine(temporary, name);
                if (Directory.Exists(entry))
                {
                    Directory.Move(entry, target);
                }
                else
                {
                    File.Move(entry, target);
                }

                carried.Add((entry, target));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            foreach ((string from, string to) in carried)
            {
                if (Directory.Exists(to))
                {
                    Directory.Move(to, from);
                }
                else
                {
                    File.Move(to, from);
                }
            }

            throw;
        }

        string aside = $"{temporary}.old";
        Directory.Move(full, aside);
        Directory.Move(temporary, full);
        TryDelete(aside);
    }

    private static void WriteText(string folder, string relative, string text, List<string> written) =>
        WriteStream(folder, relative, s =>
        {
            byte[] bytes = new UTF8Encoding(false).GetBytes(text);
            s.Write(bytes);
        }, written);

    private static void WriteStream(string folder, string relative, Action<Stream> write, List<string> written)
    {
        using (var stream = new FileStream(Path.Combine(folder, relative), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
        {
            write(stream);
        }

        written.Add(relative.Replace('\\', '/'));
    }

    private static OutputColumn[] DeviceColumns(AuditResult result, ReportOutputOptions options)
    {
        HomeWorkTable homes = result.Mobility.Homes;
        var hasher = new DeviceIdHasher(options.IdSalt);
        int n = homes.Count;
        string[] ids = new string[n];
        long[] pings = new long[n];
        long[] setSize = new long[n];
        IReadOnlyList<int> kept = result.Mobility.KeptPings;
        ReadOnlySpan<int> sizes = result.HomeWorkAnonymity.Summaries.Count > 0 ? result.HomeWorkAnonymity.DeviceSetSizes(0) : default;
        for (int d = 0; d < n; d++)
        {
            ids[d] = options.RevealIds ? homes.DeviceIds[d] : hasher.Hash(homes.DeviceIds[d]);
            pings[d] = kept[d];
            setSize[d] = sizes.IsEmpty ? 0 : sizes[d];
        }

        var columns = new List<OutputColumn>
        {
            OutputColumn.Text(options.RevealIds ? "device_id" : "device_hash", ids),
            OutputColumn.Whole("pings_kept", pings),
            OutputColumn.Real("home_lat", homes.HomeLat.ToArray()),
            OutputColumn.Real("home_lon", homes.HomeLon.ToArray()),
            OutputColumn.Real("work_lat", homes.WorkLat.ToArray()),
            OutputColumn.Real("work_lon", homes.WorkLon.ToArray()),
            OutputColumn.Whole("home_work_set_size", setSize),
        };
        foreach (AttackSummary attack in result.Attacks)
        {
            columns.Add(OutputColumn.Real($"risk_{AuditReportBuilder.AttackName(attack.Spec.Kind).Replace(' ', '_')}_k{attack.Spec.KnowledgeLength}", [.. attack.Risk]));
        }

        return [.. columns];
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
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: the temporary name is hidden and never mistaken for a report.
        }
    }
}
