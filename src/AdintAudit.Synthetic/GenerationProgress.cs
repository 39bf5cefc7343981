namespace AdintAudit.Synthetic;

/// <summary>Progress of a generation run, reported after each chunk of devices.</summary>
/// <param name="UnitsDone">Devices and ephemeral IDs generated and written so far.</param>
/// <param name="UnitsTotal">Devices plus ephemeral IDs in the run.</param>
/// <param name="PingsWritten">Rows handed to the ping writer so far.</param>
public readonly record struct GenerationProgress(long UnitsDone, long UnitsTotal, long PingsWritten);
