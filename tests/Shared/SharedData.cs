namespace AdintAudit.TestSupport;

/// <summary>
/// Locates <c>../shared</c> next to the repository. Its data is not ours to copy, so tests read it in place and skip
/// with a clear message when it is absent (a user's clone); under CI (CI=true) its absence is a failure.
/// </summary>
internal static class SharedData
{
    public static string? Root { get; } = Find();

    public static string RepoRoot { get; } = FindRepoRoot();

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Returns the path of a file or folder under shared/, or skips (fails under CI) when shared/ is missing.</summary>
    public static string Require(string relativePath)
    {
        if (Root is null)
        {
            string message = $"../shared not found next to {RepoRoot}: interop data is not available in this clone";
            if (IsCi)
            {
                Assert.Fail(message + " (CI=true, so this is a failure)");
            }

            Assert.Skip(message);
        }

        string path = Path.Combine(Root, relativePath);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            Assert.Fail($"{path} is missing from shared/");
        }

        return path;
    }

    private static string FindRepoRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AdintAudit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AdintAudit.sln not found above " + AppContext.BaseDirectory);
    }

    private static string? Find()
    {
        string candidate = Path.GetFullPath(Path.Combine(FindRepoRoot(), "..", "shared"));
        return Directory.Exists(candidate) ? candidate : null;
    }
}
