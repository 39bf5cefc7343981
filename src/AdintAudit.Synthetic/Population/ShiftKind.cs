namespace AdintAudit.Synthetic.Population;

/// <summary>A shift worker's shift: early 06–14, late 14–22, night 22–06.</summary>
internal enum ShiftKind : byte
{
    Early,
    Late,
    Night,
}
