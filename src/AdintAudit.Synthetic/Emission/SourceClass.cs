namespace AdintAudit.Synthetic.Emission;

/// <summary>Where a ping's location came from (spec §1.5; truth column <c>source_class</c>).</summary>
internal enum SourceClass : byte
{
    Gps,
    Wifi,
    Coarse,
    IosReduced,
    Ip,
}

/// <summary>Names of <see cref="SourceClass"/> values as written to files.</summary>
internal static class SourceClassNames
{
    public static readonly string[] All = ["gps", "wifi", "coarse", "ios_reduced", "ip"];
}
