namespace AdintAudit.Tests;

/// <summary>Locates <c>../shared</c> beside the repository; skips when absent, fails when CI=true.</summary>
internal static class SharedData
{
    public static string Require(string relativePath)
    {
        string? root = null;
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AdintAudit.sln")))
            {
                root = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
                break;
            }
        }

        string? path = root is null ? null : Path.Combine(root, relativePath);
        if (path is null || (!File.Exists(path) && !Directory.Exists(path)))
        {
            string message = $"shared data '{relativePath}' is not available beside this clone";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(message + " (CI=true, so this is a failure)");
            }

            Assert.Skip(message);
        }

        return path;
    }
}
