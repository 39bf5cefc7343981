namespace AdintAudit.Benchmarks;

/// <summary>Finds the 2 M-row speed-test file that <c>scripts/make-large.sh</c> generates into artifacts/.</summary>
internal static class LargeFile
{
    public static string Path
    {
        get
        {
            string? overridePath = Environment.GetEnvironmentVariable("ADINT_LARGE_PARQUET");
            if (!string.IsNullOrEmpty(overridePath))
            {
                return overridePath;
            }

            for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                string candidate = System.IO.Path.Combine(dir.FullName, "artifacts", "interop-large", "large_duckdb_snappy_2m.parquet");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new FileNotFoundException(
                "large_duckdb_snappy_2m.parquet not found: run tests/AdintAudit.Benchmarks/scripts/make-large.sh first");
        }
    }
}
