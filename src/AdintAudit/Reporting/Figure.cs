namespace AdintAudit.Reporting;

/// <summary>A chart: its SVG (inlined in HTML), a caption, and the file name it is saved under in the plots folder.</summary>
/// <param name="Svg">A standalone SVG document from <c>AdintAudit.Plotting</c> (starts with &lt;svg, holds no script).</param>
/// <param name="Caption">What the chart shows, in one or two sentences.</param>
/// <param name="FileName">File name in the plots folder, such as <c>unicity.svg</c>: letters, digits, '.', '-', '_', ending in .svg.</param>
public sealed record Figure(string Svg, string Caption, string FileName) : ReportBlock;
