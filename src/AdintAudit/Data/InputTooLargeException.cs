namespace AdintAudit.Data;

/// <summary>
/// Thrown before loading when the inputs need more memory than the budget allows (<see cref="MemoryEstimate.Check"/>).
/// A property of the input, like a malformed file, so it is an <see cref="InputFormatException"/> (the CLI's exit 3).
/// </summary>
public sealed class InputTooLargeException : InputFormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is too large and by how much, in one line.</param>
    /// <param name="estimate">The estimate that exceeded the budget.</param>
    /// <param name="budgetBytes">The budget in bytes.</param>
    public InputTooLargeException(string message, MemoryEstimate estimate, long budgetBytes)
        : base(message)
    {
        Estimate = estimate;
        BudgetBytes = budgetBytes;
    }

    /// <summary>Creates the exception with a default message.</summary>
    public InputTooLargeException()
        : base("the input needs more memory than the budget")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    public InputTooLargeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public InputTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The estimate that exceeded the budget; null when not given.</summary>
    public MemoryEstimate? Estimate { get; }

    /// <summary>The budget in bytes; 0 when not given.</summary>
    public long BudgetBytes { get; }
}
