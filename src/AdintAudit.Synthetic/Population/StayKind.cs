namespace AdintAudit.Synthetic.Population;

/// <summary>What a person is doing during a stay.</summary>
internal enum StayKind : byte
{
    Home,
    Away,
    Work,
    Visit,
}
