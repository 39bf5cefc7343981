using System.Text;
using AdintAudit.Synthetic.Devices;
using AdintAudit.Synthetic.Emission;

namespace AdintAudit.Synthetic.Output;

/// <summary>The text of the coded string columns (id_type, collection_mode, device_os, app_id, source_id, ip_address, truth enums).</summary>
internal sealed class RowText
{
    public static readonly string[] IdTypes = ["aaid", "idfa", "idfv"];
    public static readonly string[] Modes = ["sdk_foreground", "sdk_background", "bidstream"];
    public static readonly string[] OsNames = ["android", "ios"];

    public RowText(AppCatalog apps)
    {
        AndroidAppIds = new byte[apps.Apps.Length][];
        IosAppIds = new byte[apps.Apps.Length][];
        for (int i = 0; i < apps.Apps.Length; i++)
        {
            AndroidAppIds[i] = Encoding.UTF8.GetBytes(apps.Apps[i].AndroidPackage);
            IosAppIds[i] = Encoding.UTF8.GetBytes(apps.Apps[i].IosStoreId);
        }

        Suppliers = new byte[AppCatalog.SupplierCount][];
        for (int i = 0; i < Suppliers.Length; i++)
        {
            Suppliers[i] = Encoding.UTF8.GetBytes(AppCatalog.SupplierName(i));
        }
    }

    public static byte[][] IdTypeBytes { get; } = Utf8(IdTypes);

    public static byte[][] ModeBytes { get; } = Utf8(Modes);

    public static byte[][] OsBytes { get; } = Utf8(OsNames);

    public static byte[][] SourceBytes { get; } = Utf8(SourceClassNames.All);

    public static byte[][] ArtifactBytes { get; } = Utf8(ArtifactNames.All);

    public byte[][] AndroidAppIds { get; }

    public byte[][] IosAppIds { get; }

    public byte[][] Suppliers { get; }

    public byte[] AppId(int app, byte os) => os == (byte)DeviceOs.Ios ? IosAppIds[app] : AndroidAppIds[app];

    /// <summary>Writes an IPv4 address as dotted-quad ASCII; returns the bytes written (at most 15).</summary>
    public static int FormatIpv4(uint address, Span<byte> destination)
    {
        int at = 0;
        for (int shift = 24; shift >= 0; shift -= 8)
        {
            int octet = (int)((address >> shift) & 0xFF);
            if (octet >= 100)
            {
                destination[at++] = (byte)('0' + (octet / 100));
            }

            if (octet >= 10)
            {
                destination[at++] = (byte)('0' + (octet / 10 % 10));
            }

            destination[at++] = (byte)('0' + (octet % 10));
            if (shift > 0)
            {
                destination[at++] = (byte)'.';
            }
        }

        return at;
    }

    public static string Ipv4(uint address)
    {
        Span<byte> buffer = stackalloc byte[15];
        int length = FormatIpv4(address, buffer);
        return Encoding.ASCII.GetString(buffer[..length]);
    }

    private static byte[][] Utf8(string[] values)
    {
        var result = new byte[values.Length][];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = Encoding.UTF8.GetBytes(values[i]);
        }

        return result;
    }
}
