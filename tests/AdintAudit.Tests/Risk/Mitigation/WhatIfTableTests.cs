using AdintAudit.Risk.Mitigation;

namespace AdintAudit.Tests.Risk.Mitigation;

public sealed class WhatIfTableTests
{
    [Fact]
    public void RelativeChange_is_after_minus_before_over_before_and_null_without_a_base()
    {
        // (0.55 − 0.93) / 0.93 = −0.4086; (3 − 2) / 2 = 0.5.
        Assert.Equal(-0.38 / 0.93, new WhatIfRow("round", "unicity.expected", 0.93, 0.55).RelativeChange!.Value, 12);
        Assert.Equal(0.5, new WhatIfRow("round", "homework.anonymity_set", 2, 3).RelativeChange);
        Assert.Null(new WhatIfRow("round", "unicity.expected", 0, 0.1).RelativeChange);
        Assert.Null(new WhatIfRow("round", "unicity.expected", 0.5, double.NaN).RelativeChange);
    }

    [Fact]
    public void ForMitigation_and_ForMetric_select_rows_in_table_order()
    {
        var table = new WhatIfTable(
        [
            new WhatIfRow("a", "m1", 1, 0.5),
            new WhatIfRow("a", "m2", 1, 0.9),
            new WhatIfRow("b", "m1", 1, 0.1),
        ]);

        Assert.Equal([0.5, 0.9], table.ForMitigation("a").Select(r => r.After));
        Assert.Equal([0.5, 0.1], table.ForMetric("m1").Select(r => r.After));
    }
}
