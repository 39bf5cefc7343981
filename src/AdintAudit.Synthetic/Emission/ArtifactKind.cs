namespace AdintAudit.Synthetic.Emission;

/// <summary>The serialisation artefact a row carries (spec §1.6; truth column <c>artifact</c>).</summary>
internal enum ArtifactKind : byte
{
    None,
    Duplicate,
    NearDuplicate,
    BadTimestamp,
    Bogus,
    Teleport,
    RepeatedDigit,
}

/// <summary>Names of <see cref="ArtifactKind"/> values as written to files.</summary>
internal static class ArtifactNames
{
    public static readonly string[] All = ["none", "duplicate", "near_duplicate", "bad_ts", "bogus", "teleport", "repeated_digit"];
}
