using AdintAudit.Risk.Mitigation;
using AdintAudit.Risk.Verdict;

namespace AdintAudit.Tests.Risk.Mitigation;

public sealed class WhatIfMitigationTests
{
    [Fact]
    public void Labels_state_the_parameter_in_plain_units()
    {
        // 10^-3 degree of latitude = 111,194.9 m · 0.001 = 111.2 m -> two significant digits: 110 m; 10^-2 -> 1,112 m -> 1.1 km.
        Assert.Equal("round to 3 decimals (~110 m)", WhatIfMitigation.RoundCoordinates(3).Label);
        Assert.Equal("round to 2 decimals (~1.1 km)", WhatIfMitigation.RoundCoordinates(2).Label);
        Assert.Equal("round to 4 decimals (~11 m)", WhatIfMitigation.RoundCoordinates(4).Label);
        Assert.Equal("snap to 1 km grid cells", WhatIfMitigation.SnapToGrid(1000).Label);
        Assert.Equal("snap to 250 m grid cells", WhatIfMitigation.SnapToGrid(250).Label);
        Assert.Equal("coarsen time to 15 min", WhatIfMitigation.CoarsenTime(15).Label);
        Assert.Equal("coarsen time to 6 h", WhatIfMitigation.CoarsenTime(360).Label);
        Assert.Equal("coarsen time to 7 days", WhatIfMitigation.CoarsenTime(7 * 1440).Label);
        Assert.Equal("drop pings within 1.5 km of home", WhatIfMitigation.DropNearHome(1500).Label);
        Assert.Equal("keep 12.5 % of pings", WhatIfMitigation.Subsample(0.125).Label);
    }

    [Fact]
    public void Factories_reject_parameters_outside_their_range()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WhatIfMitigation.RoundCoordinates(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => WhatIfMitigation.RoundCoordinates(16));
        Assert.Throws<ArgumentOutOfRangeException>(() => WhatIfMitigation.SnapToGrid(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => WhatIfMitigation.SnapToGrid(double.PositiveInfinity));
        Assert.Throws<ArgumentOutOfRangeException>(() => WhatIfMitigation.CoarsenTime(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => WhatIfMitigation.DropNearHome(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => WhatIfMitigation.Subsample(1.01));
        Assert.Throws<ArgumentOutOfRangeException>(() => WhatIfMitigation.Subsample(double.NaN));
    }

    [Fact]
    public void Every_kind_has_a_glossary_entry()
    {
        WhatIfMitigation[] oneOfEach =
        [
            WhatIfMitigation.RoundCoordinates(3), WhatIfMitigation.SnapToGrid(500), WhatIfMitigation.CoarsenTime(60),
            WhatIfMitigation.DropNearHome(200), WhatIfMitigation.Subsample(0.1), WhatIfMitigation.RemoveSitePings(),
        ];

        Assert.Equal(Enum.GetValues<MitigationKind>(), oneOfEach.Select(m => m.Kind));
        Assert.All(oneOfEach, m => Assert.True(MetricGlossary.TryGet(m.GlossaryId, out _), m.GlossaryId));
    }
}
