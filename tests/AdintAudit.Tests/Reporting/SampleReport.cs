using AdintAudit.Reporting;
using AdintAudit.Tests.Plotting;

namespace AdintAudit.Tests.Reporting;

/// <summary>A report with every block type and every chart kind, and text that needs escaping.</summary>
internal static class SampleReport
{
    public static ReportDocument Build() => new()
    {
        Title = "Re-identification audit <sample> & test",
        Subtitle = "pings.parquet | 2,000 devices | 14 days",
        KeyFigures =
        [
            new KeyFigure("Devices singled out by 4 points", "95 %", "Knowing 4 places and hours of a person is enough to pick out their device."),
            new KeyFigure("Median home/work anonymity set", "1", "Half of the devices share their home and work area with nobody else."),
        ],
        Sections =
        [
            new ReportSection("summary", "Summary",
            [
                new Paragraph("This dataset lets almost anyone be re-identified. Text with <b>markup</b>, a | pipe, *stars* and & ampersands stays text."),
                new Callout(CalloutLevel.Danger, "95 % of devices are unique given 4 points."),
                new Callout(CalloutLevel.Warning, "Coarsening to 1 km helps but does not anonymise."),
                new Callout(CalloutLevel.Info, "Figures are computed on a 2,000-device sample."),
                new Table(["Resolution", "Unique", "k < 5"], [["250 m, 1 h", "61 %", "80 %"], ["1 km | 4 h", "22 %", "41 %"]])
                {
                    Caption = "Anonymity by resolution",
                    NumericColumns = [false, true, true],
                },
                new DefinitionList(
                [
                    new Definition("Unicity", "The share of devices that a few known points single out."),
                    new Definition("Anonymity set", "How many devices look the same at the chosen resolution."),
                ]),
            ]),
            new ReportSection("charts", "Charts", [.. SampleCharts.Typical().Select(c => (ReportBlock)new Figure(c.Svg, "Chart " + c.Name, c.Name))]),
        ],
    };
}
