namespace AdintAudit.Risk.Anonymity;

/// <summary>One bar of an anonymity-set histogram: how many devices have an anonymity set of a given size.</summary>
/// <param name="SetSize">Devices in the set, the device itself included (≥ 1).</param>
/// <param name="Devices">Devices whose set has that size (a multiple of <paramref name="SetSize"/>).</param>
public readonly record struct SetSizeCount(int SetSize, int Devices);
