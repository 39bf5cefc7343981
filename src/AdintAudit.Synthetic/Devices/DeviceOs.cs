namespace AdintAudit.Synthetic.Devices;

/// <summary>Operating system of a device.</summary>
internal enum DeviceOs : byte
{
    Android,
    Ios,
}
