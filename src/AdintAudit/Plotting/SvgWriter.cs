using System.Globalization;
using System.Text;

namespace AdintAudit.Plotting;

/// <summary>
/// Writes SVG elements with coordinates at fixed precision and escaped text, so the same chart gives the same bytes
/// on every machine (golden tests, reproducible reports).
/// </summary>
internal sealed class SvgWriter
{
    internal const string FontFamily = "system-ui, sans-serif";

    private readonly StringBuilder _svg = new();

    public SvgWriter(int widthPixels, int heightPixels, string title)
    {
        _svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{widthPixels}\" height=\"{heightPixels}\" viewBox=\"0 0 {widthPixels} {heightPixels}\" font-family=\"{FontFamily}\" role=\"img\">\n");
        _svg.Append("<title>").Append(Escape(title)).Append("</title>\n");
        _svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"0\" width=\"{widthPixels}\" height=\"{heightPixels}\" fill=\"#ffffff\"/>\n");
    }

    public void Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? dash = null)
    {
        _svg.Append("<line x1=\"").Append(F(x1)).Append("\" y1=\"").Append(F(y1)).Append("\" x2=\"").Append(F(x2))
            .Append("\" y2=\"").Append(F(y2)).Append("\" stroke=\"").Append(stroke).Append("\" stroke-width=\"").Append(F(width)).Append('"');
        if (dash is not null)
        {
            _svg.Append(" stroke-dasharray=\"").Append(dash).Append('"');
        }

        _svg.Append("/>\n");
    }

    public void Polyline(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, string stroke, double width)
    {
        _svg.Append("<polyline fill=\"none\" stroke=\"").Append(stroke).Append("\" stroke-width=\"").Append(F(width))
            .Append("\" stroke-linejoin=\"round\" points=\"");
        AppendPoints(xs, ys);
        _svg.Append("\"/>\n");
    }

    public void Circle(double cx, double cy, double radius, string fill, string? tooltip = null, string? stroke = null)
    {
        _svg.Append("<circle cx=\"").Append(F(cx)).Append("\" cy=\"").Append(F(cy)).Append("\" r=\"").Append(F(radius))
            .Append("\" fill=\"").Append(fill).Append('"');
        if (stroke is not null)
        {
            _svg.Append(" stroke=\"").Append(stroke).Append("\" stroke-width=\"1\"");
        }

        CloseWithTooltip("circle", tooltip);
    }

    /// <summary>Writes a closed filled shape (a confidence band) with the given fill opacity (0 to 1).</summary>
    public void Polygon(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, string fill, double opacity)
    {
        _svg.Append("<polygon fill=\"").Append(fill).Append("\" fill-opacity=\"").Append(F(opacity)).Append("\" stroke=\"none\" points=\"");
        AppendPoints(xs, ys);
        _svg.Append("\"/>\n");
    }

    public void Rect(double x, double y, double width, double height, string fill, string? tooltip = null)
    {
        _svg.Append("<rect x=\"").Append(F(x)).Append("\" y=\"").Append(F(y)).Append("\" width=\"").Append(F(width))
            .Append("\" height=\"").Append(F(height)).Append("\" fill=\"").Append(fill).Append('"');
        CloseWithTooltip("rect", tooltip);
    }

    /// <summary>Writes text; <paramref name="anchor"/> is start, middle or end; <paramref name="rotate"/> turns it (degrees).</summary>
    /// <remarks>A <paramref name="tooltip"/> (for example the full text of a truncated label) shows on hover.</remarks>
    public void Text(
        double x, double y, string text, double size, string anchor = "start", string fill = "#222222", bool bold = false, double rotate = 0,
        string? tooltip = null)
    {
        _svg.Append("<text x=\"").Append(F(x)).Append("\" y=\"").Append(F(y)).Append("\" font-size=\"").Append(F(size))
            .Append("\" text-anchor=\"").Append(anchor).Append("\" fill=\"").Append(fill).Append('"');
        if (bold)
        {
            _svg.Append(" font-weight=\"bold\"");
        }

        if (rotate != 0)
        {
            _svg.Append(" transform=\"rotate(").Append(F(rotate)).Append(' ').Append(F(x)).Append(' ').Append(F(y)).Append(")\"");
        }

        _svg.Append('>');
        if (tooltip is not null)
        {
            _svg.Append("<title>").Append(Escape(tooltip)).Append("</title>");
        }

        _svg.Append(Escape(text)).Append("</text>\n");
    }

    public string Finish() => _svg.Append("</svg>\n").ToString();

    private void CloseWithTooltip(string element, string? tooltip)
    {
        if (tooltip is null)
        {
            _svg.Append("/>\n");
        }
        else
        {
            _svg.Append("><title>").Append(Escape(tooltip)).Append("</title></").Append(element).Append(">\n");
        }
    }

    private void AppendPoints(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys)
    {
        for (int i = 0; i < xs.Length; i++)
        {
            if (i > 0)
            {
                _svg.Append(' ');
            }

            _svg.Append(F(xs[i])).Append(',').Append(F(ys[i]));
        }
    }

    /// <summary>Two decimals are far below a pixel and keep files small and stable; a non-finite value (a bug upstream) becomes 0, never "NaN".</summary>
    internal static string F(double value) => double.IsFinite(value)
        ? Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture)
        : "0";

    internal static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            switch (c)
            {
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '&':
                    builder.Append("&amp;");
                    break;
                case '"':
                    builder.Append("&quot;");
                    break;
                default:
                    // Control characters are not allowed in XML 1.0; drop them rather than emit an invalid file.
                    if (c >= 0x20 || c is '\t' or '\n')
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }
}
