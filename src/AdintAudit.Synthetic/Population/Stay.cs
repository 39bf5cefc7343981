namespace AdintAudit.Synthetic.Population;

/// <summary>A stay of a day plan: a place occupied from <see cref="StartMs"/> to <see cref="EndMs"/> (local milliseconds since midnight).</summary>
/// <param name="StartMs">Local milliseconds since midnight, inclusive.</param>
/// <param name="EndMs">Local milliseconds since midnight, exclusive; at most 86,400,000.</param>
/// <param name="XMeters">East offset of the place, metres.</param>
/// <param name="YMeters">North offset of the place, metres.</param>
/// <param name="Kind">Home, away (night elsewhere), work or a POI visit.</param>
/// <param name="PoiId">The POI visited (also for work at a critical site), or -1.</param>
internal readonly record struct Stay(int StartMs, int EndMs, double XMeters, double YMeters, StayKind Kind, int PoiId);
