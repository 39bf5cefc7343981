namespace AdintAudit.Cli;

/// <summary>Exit codes of <c>adint</c> (DESIGN.md "The command line").</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Usage = 2;
    public const int BadInput = 3;
    public const int OutputFailed = 4;
    public const int Cancelled = 130;
}
