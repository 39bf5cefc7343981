namespace AdintAudit.Synthetic.Emission;

/// <summary>What a location source reports for a true position.</summary>
/// <param name="Latitude">Reported latitude, degrees, already rounded or truncated as serialised.</param>
/// <param name="Longitude">Reported longitude, degrees.</param>
/// <param name="AccuracyMeters">Reported horizontal accuracy, metres; NaN when the row has none.</param>
/// <param name="Artifact">The artefact applied while serialising (repeated digits), or none.</param>
internal readonly record struct ObservedPoint(double Latitude, double Longitude, float AccuracyMeters, ArtifactKind Artifact);
