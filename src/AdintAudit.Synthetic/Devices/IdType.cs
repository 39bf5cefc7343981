namespace AdintAudit.Synthetic.Devices;

/// <summary>The <c>id_type</c> of a row (spec §3).</summary>
internal enum IdType : byte
{
    Aaid,
    Idfa,
    Idfv,
}
