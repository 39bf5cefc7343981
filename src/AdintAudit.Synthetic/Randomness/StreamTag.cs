namespace AdintAudit.Synthetic.Randomness;

/// <summary>Tags that separate the independent random streams derived from the dataset seed.</summary>
internal static class StreamTag
{
    public const ulong Geography = 1;
    public const ulong Pois = 2;
    public const ulong Apps = 3;
    public const ulong Person = 4;
    public const ulong PersonDay = 5;
    public const ulong Device = 6;
    public const ulong Ephemeral = 7;
    public const ulong NightAway = 8;
    public const ulong ProtestDays = 9;
    public const ulong DeviceDay = 10;
    public const ulong Os = 11;
    public const ulong Artefacts = 12;
}
