namespace AdintAudit.Synthetic.Devices;

/// <summary>Formats advertising IDs: random (version 4) UUIDs, IDFA and IDFV upper-case, AAID lower-case (spec §3 <c>device_id</c>).</summary>
internal static class DeviceIdentity
{
    /// <summary>The zeroed IDFA that iOS reports when tracking is not authorised.</summary>
    public const string ZeroedIdfa = "00000000-0000-0000-0000-000000000000";

    public static string Format(ulong high, ulong low, bool upperCase)
    {
        high = (high & 0xFFFFFFFF_FFFF0FFFUL) | 0x0000_0000_0000_4000UL; // version 4
        low = (low & 0x3FFFFFFF_FFFFFFFFUL) | 0x80000000_00000000UL; // RFC 4122 variant
        string format = upperCase ? "X" : "x";
        return string.Create(36, (high, low, format), static (span, state) =>
        {
            ReadOnlySpan<char> digits = state.format == "X" ? "0123456789ABCDEF" : "0123456789abcdef";
            int at = 0;
            for (int i = 0; i < 32; i++)
            {
                if (i is 8 or 12 or 16 or 20)
                {
                    span[at++] = '-';
                }

                ulong word = i < 16 ? state.high : state.low;
                int shift = (15 - (i % 16)) * 4;
                span[at++] = digits[(int)((word >> shift) & 0xF)];
            }
        });
    }
}
