using System.Globalization;
using System.Xml.Linq;
using AdintAudit.Plotting;
using FsCheck;
using FsCheck.Fluent;

namespace AdintAudit.Tests.Plotting;

public sealed class CellDensityMapTests
{
    [Fact]
    public void Ramp_classes_are_log_spaced_up_to_the_maximum()
    {
        // max 1,000,000 and 6 classes: class = floor(6 · log(count) / log(10^6)) = floor(log10(count)), last class also holds 10^6.
        Assert.Equal(0, DensityRamp.Class(1, 1_000_000));
        Assert.Equal(0, DensityRamp.Class(9, 1_000_000));
        Assert.Equal(1, DensityRamp.Class(10, 1_000_000));
        Assert.Equal(4, DensityRamp.Class(99_999, 1_000_000));
        Assert.Equal(5, DensityRamp.Class(100_000, 1_000_000));
        Assert.Equal(5, DensityRamp.Class(1_000_000, 1_000_000));
        Assert.Equal(0, DensityRamp.Class(1, 1));
    }

    [Fact]
    public void Ramp_lower_bound_is_the_smallest_count_of_its_class() =>
        Prop.ForAll(Gen.Choose(2, 5_000_000).ToArbitrary(), Gen.Choose(1, 5).ToArbitrary(), (max, colorClass) =>
        {
            long bound = DensityRamp.LowerBound(colorClass, max);

            return DensityRamp.Class(bound, max) >= colorClass && DensityRamp.Class(bound - 1, max) < colorClass;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));

    [Theory]
    [InlineData(52.5, 0.5, 'N', 'S', "52.5°N")]
    [InlineData(-33.25, 0.05, 'N', 'S', "33.25°S")]
    [InlineData(13, 1, 'E', 'W', "13°E")]
    [InlineData(-0.02, 0.02, 'E', 'W', "0.02°W")]
    [InlineData(1e-15, 0.01, 'E', 'W', "0.00°")]
    public void Degrees_labels_graticule_lines_with_the_step_precision(double value, double step, char positive, char negative, string expected)
    {
        Assert.Equal(expected, CellDensityMap.Degrees(value, step, positive, negative));
    }

    [Fact]
    public void Map_keeps_the_aspect_ratio_scaled_by_the_cosine_of_the_latitude()
    {
        // A cell 1° of longitude by 0.5° of latitude at 60°N is cos 60° = 0.5 as wide as tall in degrees of latitude: a square.
        var map = new CellDensityMap { Title = "m", Cells = [new MapCell(59.75, 10, 60.25, 11, 5)] };

        string svg = map.ToSvg();

        XElement cell = XDocument.Parse(svg).Descendants().Single(e => e.Name.LocalName == "rect" && e.Value.StartsWith('5'));
        double width = double.Parse(cell.Attribute("width")!.Value, CultureInfo.InvariantCulture);
        double height = double.Parse(cell.Attribute("height")!.Value, CultureInfo.InvariantCulture);
        Assert.InRange(width / height, 0.98, 1.02);
    }

    [Fact]
    public void Sites_are_drawn_over_the_cells_with_a_category_legend_and_tooltips()
    {
        var map = new CellDensityMap
        {
            Title = "m",
            Cells = [new MapCell(52.4, 13.3, 52.41, 13.315, 10), new MapCell(52.41, 13.3, 52.42, 13.315, 1000)],
            Sites = [new MapSite(52.405, 13.31, "Clinic <A>", "health"), new MapSite(52.415, 13.305, "Mosque", "religion")],
        };

        string svg = map.ToSvg();

        XDocument document = XDocument.Parse(svg);
        var circles = document.Descendants().Where(e => e.Name.LocalName == "circle").ToList();
        Assert.Equal(2, circles.Count);
        Assert.Equal("Clinic <A> (health)", circles[0].Value);
        Assert.NotEqual(circles[0].Attribute("fill")!.Value, circles[1].Attribute("fill")!.Value);
        Assert.True(svg.IndexOf("<circle", StringComparison.Ordinal) > svg.LastIndexOf("(pings per cell)", StringComparison.Ordinal));
        Assert.Contains(">religion</text>", svg, StringComparison.Ordinal);
        // Max 1000, six classes: lower bounds ceil(1000^(k/6)) = 1, 4, 10, 32, 100, 317.
        Assert.Contains(">≥ 4</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">≥ 317</text>", svg, StringComparison.Ordinal);
        Assert.Contains("°N</text>", svg, StringComparison.Ordinal);
        Assert.Contains("°E</text>", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void FromGridCell_takes_the_grid_cell_bounds_around_the_point()
    {
        long key = AdintAudit.Geo.GridCell.Key(52.52, 13.405, 1000);

        MapCell cell = MapCell.FromGridCell(key, 1000, 42);

        Assert.InRange(52.52, cell.SouthDegrees, cell.NorthDegrees);
        Assert.InRange(13.405, cell.WestDegrees, cell.EastDegrees);
        // 1000 m of latitude is 1000 / 111,195 m per degree ≈ 0.008993°.
        Assert.Equal(1000 / AdintAudit.Geo.GridCell.MetersPerDegreeLatitude, cell.NorthDegrees - cell.SouthDegrees, 9);
        Assert.Equal(42, cell.Count);
    }
}
