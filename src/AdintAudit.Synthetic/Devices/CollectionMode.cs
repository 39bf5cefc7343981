namespace AdintAudit.Synthetic.Devices;

/// <summary>The <c>collection_mode</c> of a row (spec §3).</summary>
internal enum CollectionMode : byte
{
    SdkForeground,
    SdkBackground,
    Bidstream,
}
