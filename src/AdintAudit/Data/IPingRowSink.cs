namespace AdintAudit.Data;

/// <summary>Receives the kept rows of a <see cref="PingChunk"/> (a struct, so that the JIT specialises and inlines the call).</summary>
internal interface IPingRowSink
{
    /// <summary>Takes one kept row; <paramref name="id"/> indexes the chunk's id table.</summary>
    void Row(int id, long timeMs, double lat, double lon, float accuracyM);
}
