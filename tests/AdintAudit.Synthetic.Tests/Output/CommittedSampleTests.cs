namespace AdintAudit.Synthetic.Tests.Output;

/// <summary>
/// The committed sample in <c>data-synthetic/sample/</c> equals what the generator produces today for its recorded
/// options (<c>adint generate --out data-synthetic/sample --devices 2000 --days 14 --seed 42</c>), byte for byte, so
/// it cannot drift silently. When the generator changes on purpose, regenerate the sample with that command and
/// bump <see cref="SyntheticGenerator.Version"/>.
/// </summary>
public sealed class CommittedSampleTests : IDisposable
{
    public static readonly GeneratorOptions SampleOptions = GeneratorOptions.Mixed with { Devices = 2_000, Days = 14, Seed = 42 };
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"adint-sample-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void Write_recorded_options_reproduce_committed_sample()
    {
        string committed = Path.Combine(RepositoryRoot(), "data-synthetic", "sample");

        SyntheticDatasetWriter.Write(SampleOptions, _folder, cancellationToken: TestContext.Current.CancellationToken);

        foreach (string name in SyntheticDatasetWriter.FileNames)
        {
            byte[] expected = File.ReadAllBytes(Path.Combine(committed, name));
            byte[] actual = File.ReadAllBytes(Path.Combine(_folder, name));
            Assert.True(expected.AsSpan().SequenceEqual(actual),
                $"data-synthetic/sample/{name} differs from what the generator writes today ({expected.Length} vs {actual.Length} bytes); "
                + "regenerate it with: adint generate --out data-synthetic/sample --devices 2000 --days 14 --seed 42 --force");
        }
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "AdintAudit.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("AdintAudit.sln not found above " + AppContext.BaseDirectory);
    }
}
