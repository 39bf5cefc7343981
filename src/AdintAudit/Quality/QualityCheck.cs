namespace AdintAudit.Quality;

/// <summary>One quality check's figures.</summary>
/// <param name="Name">The check (for example <c>teleport</c>).</param>
/// <param name="Pings">Pings flagged.</param>
/// <param name="Removed">Whether flagged pings are removed from the cleaned table (otherwise kept and only excluded from stays, or merely counted).</param>
/// <param name="Examples">
/// Up to <see cref="QualityOptions.ExamplesPerCheck"/> examples, as <c>device,time_ms,lat,lon</c>: the first flagged pings
/// in (device id, row) order.
/// </param>
public sealed record QualityCheck(string Name, long Pings, bool Removed, IReadOnlyList<string> Examples);
