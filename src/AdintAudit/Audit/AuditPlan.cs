using System.Globalization;
using AdintAudit.Data;

namespace AdintAudit.Audit;

/// <summary>
/// How an audit runs: in memory when the inputs' estimated memory fits the budget, otherwise out of core in device
/// partitions sized so that the partitions processed at once fit it. The results are the same either way.
/// </summary>
/// <param name="Partitions">Device partitions; 1 = in memory (no spill).</param>
/// <param name="EstimatedPings">Rows of the inputs (exact for Parquet).</param>
/// <param name="EstimatedBytes">Estimated memory of an in-memory run (<see cref="MemoryEstimate"/>).</param>
/// <param name="BudgetBytes">The memory budget.</param>
/// <param name="Forced">Whether the partition count was given rather than derived.</param>
public sealed record AuditPlan(int Partitions, long EstimatedPings, long EstimatedBytes, long BudgetBytes, bool Forced)
{
    /// <summary>Share of physical memory used as the default budget (0.25: 5.9 GiB of 23.5 GiB on the reference machine).</summary>
    public const double DefaultBudgetShare = 0.25;

    /// <summary>
    /// Share of the budget the partitions in flight may use (0.5); the rest holds what is kept of every device (stays,
    /// places, homes, device ids) and the merge.
    /// </summary>
    public const double PartitionShareOfBudget = 0.5;

    /// <summary>Most partitions (4,096): each partition is one file per spill task.</summary>
    public const int MaxPartitions = 4_096;

    /// <summary>Whether the audit runs in memory.</summary>
    public bool InMemory => Partitions == 1;

    /// <summary>The default memory budget: <see cref="DefaultBudgetShare"/> of the memory available to the process.</summary>
    public static long DefaultBudgetBytes =>
        (long)(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes * DefaultBudgetShare);

    /// <summary>Chooses the mode for <paramref name="inputs"/>.</summary>
    /// <param name="inputs">Parquet or CSV files, or folders of them.</param>
    /// <param name="budgetBytes">Memory budget; null for <see cref="DefaultBudgetBytes"/>.</param>
    /// <param name="partitions">A forced partition count (1 = in memory), or null to derive it.</param>
    /// <param name="threads">Partitions processed at once.</param>
    /// <exception cref="PingInputException">An input is missing or unreadable.</exception>
    public static AuditPlan Choose(IReadOnlyList<string> inputs, long? budgetBytes, int? partitions, int threads)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        MemoryEstimate estimate = MemoryEstimate.For(inputs);
        long budget = budgetBytes ?? DefaultBudgetBytes;
        if (partitions is int forced)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(forced);
            return new AuditPlan(Math.Min(forced, MaxPartitions), estimate.Pings, estimate.Bytes, budget, true);
        }

        if (estimate.Bytes <= budget)
        {
            return new AuditPlan(1, estimate.Pings, estimate.Bytes, budget, false);
        }

        // Partitions in flight = threads; each needs its rows' share of the per-ping estimate.
        double perPartition = Math.Max(1, (budget * PartitionShareOfBudget) - MemoryEstimate.BaseBytes) / Math.Max(1, threads);
        long needed = (long)Math.Ceiling(estimate.Pings * (double)MemoryEstimate.BytesPerPing / perPartition);
        int count = (int)Math.Clamp(Math.Max(needed, 2 * (long)threads), 2, MaxPartitions);
        return new AuditPlan(count, estimate.Pings, estimate.Bytes, budget, false);
    }

    /// <summary>One line for the user, for example <c>partitioned: 24 partitions (estimate 47.9 GiB, budget 5.9 GiB)</c>.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{(InMemory ? "in memory" : $"partitioned: {Partitions} device partitions")} (estimate {EstimatedBytes / (double)(1L << 30):0.0} GiB for "
        + $"{EstimatedPings:N0} pings in memory, budget {BudgetBytes / (double)(1L << 30):0.0} GiB{(Forced ? ", partitions given" : "")})");
}
