namespace AdintAudit.Parquet.Tests;

/// <summary>Rules that keep the code deterministic and the library silent, checked over src/.</summary>
public sealed class ConventionTests
{
    public static TheoryData<string> ForbiddenInSources() => new() { "Random.Shared", "DateTime.Now", "Console.Write" };

    [Theory]
    [MemberData(nameof(ForbiddenInSources))]
    public void Library_sources_do_not_use(string forbidden)
    {
        var offenders = new List<string>();
        foreach (string project in new[] { "AdintAudit.Parquet", "AdintAudit" })
        {
            foreach (string file in Directory.GetFiles(Path.Combine(SharedData.RepoRoot, "src", project), "*.cs", SearchOption.AllDirectories))
            {
                if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                {
                    continue;
                }

                if (File.ReadAllText(file).Contains(forbidden, StringComparison.Ordinal))
                {
                    offenders.Add(Path.GetRelativePath(SharedData.RepoRoot, file));
                }
            }
        }

        Assert.Empty(offenders);
    }
}
