using AdintAudit.Data;
using AdintAudit.Risk.Mitigation;
using static AdintAudit.Tests.Risk.Mitigation.PingRows;

namespace AdintAudit.Tests.Risk.Mitigation;

public sealed class TimeCoarseningTests
{
    private const long Hour = 3_600_000;
    private const long Minute = 60_000;
    private const long Day0 = 1_705_276_800_000; // 2024-01-15 00:00 UTC

    [Fact]
    public void Apply_one_hour_floors_times_and_collapses_identical_pings_of_a_device()
    {
        PingTable pings = Table(
            new Row("a", Day0 + (10 * Hour) + (5 * Minute), 1, 1, 5f),
            new Row("a", Day0 + (10 * Hour) + (20 * Minute), 1, 1, 7f),
            new Row("a", Day0 + (10 * Hour) + (40 * Minute), 2, 2, 9f),
            new Row("a", Day0 + (10 * Hour) + (50 * Minute), 1, 1, 3f),
            new Row("a", Day0 + (11 * Hour) + (10 * Minute), 1, 1, 4f),
            new Row("b", Day0 + (10 * Hour) + (30 * Minute), 1, 1, 6f));
        var before = Snapshot(pings);

        PingTable coarse = Mitigations.Apply(pings, WhatIfMitigation.CoarsenTime(60), MitigationContext.None);

        // a: 10:05, 10:20 and 10:50 at (1, 1) become one 10:00 observation (the first, accuracy 5); 10:40 at (2, 2) stays,
        // after it as in the input; 11:10 -> 11:00. b's 10:30 -> 10:00 is another device, so it stays.
        Assert.Equal(
            [
                new Row("a", Day0 + (10 * Hour), 1, 1, 5f),
                new Row("a", Day0 + (10 * Hour), 2, 2, 9f),
                new Row("a", Day0 + (11 * Hour), 1, 1, 4f),
                new Row("b", Day0 + (10 * Hour), 1, 1, 6f),
            ],
            Of(coarse));
        Assert.Equal([0, 3, 4], coarse.DeviceStart.ToArray());
        Assert.True(IsWellFormed(coarse));
        AssertSame(before, pings);
    }

    [Fact]
    public void Apply_one_day_keeps_the_first_of_each_position_in_a_large_group()
    {
        // 100 pings in one day cycling over 3 positions: 100 rows -> 3, each the earliest at its position.
        Row[] rows = [.. Enumerable.Range(0, 100).Select(i => new Row("a", Day0 + (i * 10 * Minute), i % 3, 0, i))];

        PingTable coarse = Mitigations.Apply(Table(rows), WhatIfMitigation.CoarsenTime(1440), MitigationContext.None);

        Assert.Equal([new Row("a", Day0, 0, 0, 0f), new Row("a", Day0, 1, 0, 1f), new Row("a", Day0, 2, 0, 2f)], Of(coarse));
    }

    [Theory]
    [InlineData(0, 60_000, 0)]
    [InlineData(59_999, 60_000, 0)]
    [InlineData(60_000, 60_000, 60_000)]
    [InlineData(-1, 60_000, -60_000)]
    [InlineData(-60_000, 60_000, -60_000)]
    [InlineData(1_705_312_800_123, 3_600_000, 1_705_312_800_000)]
    public void FloorToBin_floors_towards_minus_infinity(long timeMs, long binMs, long expected) =>
        Assert.Equal(expected, TimeCoarsening.FloorToBin(timeMs, binMs));
}
