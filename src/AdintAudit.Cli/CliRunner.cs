using AdintAudit.Parquet;

namespace AdintAudit.Cli;

/// <summary>
/// Runs a command body and turns failures into one line on stderr and an exit code: no stack trace unless
/// <c>--verbose</c>.
/// </summary>
internal static class CliRunner
{
    public static int Run(bool verbose, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (CliFailure failure)
        {
            return Report(failure.ExitCode, failure.Message, verbose ? failure : null);
        }
        catch (OperationCanceledException ex)
        {
            return Report(ExitCodes.Cancelled, "cancelled", verbose ? ex : null);
        }
    }

    /// <summary>Runs work on an input file, blaming that file for format and I/O errors (exit 3).</summary>
    public static T OnInput<T>(string path, Func<T> work)
    {
        try
        {
            return work();
        }
        catch (ParquetFormatException ex)
        {
            throw new CliFailure(ExitCodes.BadInput, $"{path}: {ex.Message}", ex);
        }
        catch (FileNotFoundException ex)
        {
            throw new CliFailure(ExitCodes.BadInput, $"{path}: file not found", ex);
        }
        catch (DirectoryNotFoundException ex)
        {
            throw new CliFailure(ExitCodes.BadInput, $"{path}: folder not found", ex);
        }
        catch (UnauthorizedAccessException ex) when (Directory.Exists(path))
        {
            throw new CliFailure(ExitCodes.BadInput, $"{path}: is a folder, not a file", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new CliFailure(ExitCodes.BadInput, $"{path}: permission denied", ex);
        }
        catch (IOException ex) when (ex is not EndOfStreamException)
        {
            throw new CliFailure(ExitCodes.BadInput, $"{path}: {ex.Message}", ex);
        }
    }

    private static int Report(int code, string message, Exception? detail)
    {
        Console.Error.WriteLine($"adint: {message}");
        if (detail is not null)
        {
            Console.Error.WriteLine(detail);
        }

        return code;
    }
}
