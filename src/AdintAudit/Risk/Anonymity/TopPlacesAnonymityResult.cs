namespace AdintAudit.Risk.Anonymity;

/// <summary>Top-N places anonymity for every N, ordering and cell size (<see cref="TopPlacesAnonymity.Compute"/>).</summary>
public sealed class TopPlacesAnonymityResult
{
    internal TopPlacesAnonymityResult(TopPlacesSummary[] summaries) => Summaries = summaries;

    /// <summary>
    /// The summaries by N (1 first), then ordered before unordered, then cell size in the order of
    /// <see cref="AnonymityOptions.CellMeters"/>.
    /// </summary>
    public IReadOnlyList<TopPlacesSummary> Summaries { get; }

    /// <summary>Returns the summary of one (N, ordering, cell size).</summary>
    /// <param name="placeCount">N.</param>
    /// <param name="ordered">True for the ordered tuple, false for the set.</param>
    /// <param name="cellMeters">One of the cell sizes the result was computed at, in meters.</param>
    /// <exception cref="KeyNotFoundException">No such summary was computed.</exception>
    public TopPlacesSummary Get(int placeCount, bool ordered, double cellMeters)
    {
        foreach (TopPlacesSummary summary in Summaries)
        {
            if (summary.PlaceCount == placeCount && summary.Ordered == ordered && summary.Sets.CellMeters.Equals(cellMeters))
            {
                return summary;
            }
        }

        throw new KeyNotFoundException(FormattableString.Invariant($"no top-{placeCount} summary ({(ordered ? "ordered" : "unordered")}) at {cellMeters} m"));
    }
}
