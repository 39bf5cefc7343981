namespace AdintAudit.Parquet.Tests.Interop;

/// <summary>A strict RFC 4180 reader that keeps null (empty unquoted) apart from the empty string (<c>""</c>).</summary>
internal static class CsvRecords
{
    public static List<string?[]> Parse(string text)
    {
        var records = new List<string?[]>();
        var fields = new List<string?>();
        var field = new System.Text.StringBuilder();
        int i = 0;
        while (i < text.Length)
        {
            fields.Clear();
            while (true)
            {
                string? value;
                if (i < text.Length && text[i] == '"')
                {
                    field.Clear();
                    i++;
                    while (true)
                    {
                        if (i >= text.Length)
                        {
                            throw new FormatException("unterminated quoted field");
                        }

                        if (text[i] == '"')
                        {
                            if (i + 1 < text.Length && text[i + 1] == '"')
                            {
                                field.Append('"');
                                i += 2;
                                continue;
                            }

                            i++;
                            break;
                        }

                        field.Append(text[i++]);
                    }

                    value = field.ToString();
                }
                else
                {
                    int start = i;
                    while (i < text.Length && text[i] != ',' && text[i] != '\r')
                    {
                        i++;
                    }

                    value = i == start ? null : text[start..i];
                }

                fields.Add(value);
                if (i < text.Length && text[i] == ',')
                {
                    i++;
                    continue;
                }

                if (i + 1 < text.Length && text[i] == '\r' && text[i + 1] == '\n')
                {
                    i += 2;
                    break;
                }

                throw new FormatException($"expected CRLF at offset {i}");
            }

            records.Add([.. fields]);
        }

        return records;
    }
}
