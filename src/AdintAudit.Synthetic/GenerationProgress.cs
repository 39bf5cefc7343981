namespace AdintAudit.Synthetic;

/// <summary>Progress of a generation run, reported after each chunk of devices.</summary>
/// <param name="UnitsDone">Devices and ephemeral IDs generated and written so far.</param>
/// <param name="UnitsTotal">Devices plus ephemeral IDs in the run.</param>
/// <param name="PingsWritten">Rows handed to the ping writer so far.</param>
/// <param name="Fraction">Estimated share of the work done, 0 to 1: persistent devices (written first) weigh 20 times an
/// ephemeral ID, which has only a few pings.</param>
public readonly record struct GenerationProgress(long UnitsDone, long UnitsTotal, long PingsWritten, double Fraction);
