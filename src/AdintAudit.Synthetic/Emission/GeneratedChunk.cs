namespace AdintAudit.Synthetic.Emission;

/// <summary>The output of a run of consecutive units: their rows in file order, zeroed-IDFA rows, and truth rows.</summary>
internal sealed class GeneratedChunk
{
    public int FirstUnit { get; init; }

    public int UnitCount { get; init; }

    /// <summary>Identifiers referenced by <see cref="PingBuffer.IdSlot"/> of <see cref="Rows"/> and <see cref="ZeroedRows"/>.</summary>
    public List<string> Ids { get; } = [];

    public PingBuffer Rows { get; } = new(4096);

    /// <summary>Rows whose IDFA was zeroed; the writer collects them from every chunk and writes them last.</summary>
    public PingBuffer ZeroedRows { get; } = new(16);

    public List<TruthDevice> Devices { get; } = [];

    public List<TruthVisit> Visits { get; } = [];
}
