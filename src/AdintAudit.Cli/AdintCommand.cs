using System.CommandLine;
using System.Runtime.InteropServices;
using AdintAudit.Cli.Commands;

namespace AdintAudit.Cli;

/// <summary>The root of the <c>adint</c> command line.</summary>
internal static class AdintCommand
{
    public static RootCommand Create()
    {
        RootCommand root = new("AdintAudit: re-identification risk audit for ad-tech location data.")
        {
            CommonOptions.Verbose,
            DemoCommand.Create(),
            AuditCommand.Create(),
            RiskCommand.Create(),
            InspectCommand.Create(),
            CatCommand.Create(),
            ConvertCommand.Create(),
            StaysCommand.Create(),
            PlacesCommand.Create(),
            HomesCommand.Create(),
            AttackCommand.Create(),
            EvaluateCommand.Create(),
            GenerateCommand.Create(),
        };
        return root;
    }

    /// <summary>Seconds a command may take to stop after Ctrl-C before the process ends without waiting for it.</summary>
    private const int CancelGraceSeconds = 5;

    public static async Task<int> RunAsync(string[] args)
    {
        ParseResult parse = Create().Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (System.CommandLine.Parsing.ParseError error in parse.Errors)
            {
                Console.Error.WriteLine($"adint: {error.Message}");
            }

            Console.Error.WriteLine("Run 'adint --help' for usage.");
            return ExitCodes.Usage;
        }

        // Ctrl-C (SIGINT) and SIGTERM cancel the token every command passes to the library; the command then stops at
        // its next check, removes its temporary files and exits 130 with "adint: cancelled" (CliRunner). A command
        // still busy after CancelGraceSeconds (a stage that takes no token) is ended with the same line and code; a
        // second Ctrl-C is not intercepted and ends the process at once. System.CommandLine's own handling is off:
        // with our synchronous actions it let the signal kill the process without clean-up or message.
        using var cancellation = new CancellationTokenSource();
        void OnSignal(PosixSignalContext context)
        {
            if (!cancellation.IsCancellationRequested)
            {
                context.Cancel = true;
                cancellation.Cancel();
                _ = Task.Delay(TimeSpan.FromSeconds(CancelGraceSeconds), CancellationToken.None).ContinueWith(_ =>
                {
                    Console.Error.WriteLine("adint: cancelled");
                    Environment.Exit(ExitCodes.Cancelled);
                }, TaskScheduler.Default);
            }
        }

        using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using PosixSignalRegistration terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, cancellation.Token).ConfigureAwait(false);
    }
}
