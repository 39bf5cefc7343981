using AdintAudit.Mobility;

namespace AdintAudit.Tests.Risk.Linkage;

/// <summary>Hand-built stay tables.</summary>
internal static class LinkageFixtures
{
    public const long Minute = 60_000;

    /// <summary>Monday 2024-06-03 00:00 UTC.</summary>
    public const long Day0 = 1_717_372_800_000;

    public readonly record struct Stay(int Device, (double Lat, double Lon) Centre, long StartMs, long EndMs);

    /// <summary>A stay table of <paramref name="devices"/> devices (stays sorted by device, start as the table requires).</summary>
    public static StayTable Stays(int devices, params Stay[] stays)
    {
        var columns = new StayColumns();
        foreach (Stay s in stays.OrderBy(s => s.Device).ThenBy(s => s.StartMs))
        {
            columns.Add(s.Device, s.Centre.Lat, s.Centre.Lon, s.StartMs, s.EndMs, 1, 0, 0, 0, 0);
        }

        return new StayTable([.. Enumerable.Range(0, devices).Select(d => $"d{d}")], columns.DeviceStarts(devices), columns, StayMethod.Adtech);
    }

    /// <summary>A stay from <paramref name="startMinute"/> to <paramref name="endMinute"/> minutes after <see cref="Day0"/>.</summary>
    public static Stay At(int device, (double, double) centre, long startMinute, long endMinute) =>
        new(device, centre, Day0 + (startMinute * Minute), Day0 + (endMinute * Minute));
}
