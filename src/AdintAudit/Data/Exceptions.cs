namespace AdintAudit.Data;

/// <summary>Thrown when the input of a conversion is malformed or uses something the conversion cannot carry over.</summary>
public class InputFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, in one line.</param>
    public InputFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">What is wrong, in one line.</param>
    /// <param name="innerException">The cause.</param>
    public InputFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public InputFormatException()
        : base("the input is malformed")
    {
    }
}

/// <summary>Thrown when CSV text is malformed or a value does not fit its column's type; the message names the line.</summary>
public sealed class CsvFormatException : InputFormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="line">1-based line of the input where the problem is.</param>
    /// <param name="detail">What is wrong.</param>
    public CsvFormatException(long line, string detail)
        : base($"line {line}: {detail}")
    {
        Line = line;
    }

    /// <summary>Creates the exception with a default message.</summary>
    public CsvFormatException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    public CsvFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public CsvFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>1-based line of the input where the problem is; 0 when unknown.</summary>
    public long Line { get; }
}

/// <summary>Thrown when the output of a conversion cannot be created, written or moved into place.</summary>
public sealed class OutputWriteException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, in one line.</param>
    /// <param name="innerException">The cause.</param>
    public OutputWriteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, in one line.</param>
    public OutputWriteException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public OutputWriteException()
        : base("the output could not be written")
    {
    }
}
