using AdintAudit.Data;

namespace AdintAudit.Tests.Data;

public sealed class PingTableBuilderTests
{
    [Fact]
    public void Build_large_table_on_several_threads_equals_a_stable_sort_by_id_then_time()
    {
        // 200,000 rows (above the 65,536-row threshold of the multi-threaded sort) over 3,001 devices, times with many
        // ties; latitude records the input row so the order of ties is visible.
        const int Rows = 200_000;
        var random = new Random(7);
        string[] ids = new string[Rows];
        long[] times = new long[Rows];
        double[] lats = new double[Rows];
        double[] lons = new double[Rows];
        for (int i = 0; i < Rows; i++)
        {
            ids[i] = "d" + random.Next(3001).ToString(System.Globalization.CultureInfo.InvariantCulture);
            times[i] = random.Next(50);
            lats[i] = i;
            lons[i] = -i;
        }

        PingTable table = PingTable.FromRows(ids, times, lats, lons);

        int[] expected = [.. Enumerable.Range(0, Rows).OrderBy(i => ids[i], StringComparer.Ordinal).ThenBy(i => times[i])];
        Assert.Equal(expected.Select(i => (double)i), table.Lat.ToArray());
        Assert.Equal(expected.Select(i => times[i]), table.TimeMs.ToArray());
        Assert.Equal(ids.Distinct().Order(StringComparer.Ordinal), table.DeviceIds);
        Assert.All(Enumerable.Range(0, Rows), i => Assert.Equal(ids[(int)table.Lat[i]], table.DeviceIds[table.Device[i]]));
    }
}
