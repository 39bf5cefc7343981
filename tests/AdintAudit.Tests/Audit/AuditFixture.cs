using AdintAudit.Audit;
using AdintAudit.Synthetic;

namespace AdintAudit.Tests.Audit;

/// <summary>A small generated city (with sites and truth), audited once and shared by the audit tests.</summary>
public sealed class AuditFixture : IDisposable
{
    public AuditFixture()
    {
        Folder = Path.Combine(Path.GetTempPath(), $"adint-audit-test-{Guid.NewGuid().ToString("N")[..8]}");
        Data = Path.Combine(Folder, "data");
        GeneratorOptions options = GeneratorOptions.ForPreset(GeneratorPreset.Mixed) with { Devices = 400, Days = 7, Seed = 7 };
        SyntheticDatasetWriter.Write(options, Data);
        Input = new AuditInput([Pings], Path.Combine(Data, "sites.geojson"), Path.Combine(Data, "truth_devices.parquet"));
        Options = new AuditOptions() with { Pipeline = new AuditOptions().Pipeline with { TimeZone = "Europe/Berlin" } };
        Result = AuditRunner.Run(Input, Options);
    }

    public string Folder { get; }

    public string Data { get; }

    public string Pings => Path.Combine(Data, "pings.parquet");

    public AuditInput Input { get; }

    public AuditOptions Options { get; }

    public AuditResult Result { get; }

    public string NewFolder(string name) => Path.Combine(Folder, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
