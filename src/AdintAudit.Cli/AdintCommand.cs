using System.CommandLine;

namespace AdintAudit.Cli;

/// <summary>The root of the <c>adint</c> command line.</summary>
internal static class AdintCommand
{
    public static Task<int> RunAsync(string[] args)
    {
        RootCommand root = new("AdintAudit: re-identification risk audit for ad-tech location data.");
        return root.Parse(args).InvokeAsync();
    }
}
