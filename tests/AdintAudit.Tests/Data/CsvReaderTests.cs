using AdintAudit.Data;

namespace AdintAudit.Tests.Data;

public sealed class CsvReaderTests
{
    [Fact]
    public void Read_quotedFields_keepCommasQuotesAndLineBreaks()
    {
        var csv = new CsvReader(new StringReader("a,b\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n\"two\r\nlines\",\"bare\nlf\"\r\n"));

        List<string?[]> records = ReadAll(csv, out List<long> lines);

        Assert.Equal("a|b", Show(records[0]));
        Assert.Equal("x,y|say \"hi\"", Show(records[1]));
        Assert.Equal("two\r\nlines|bare\nlf", Show(records[2]));
        Assert.Equal([1L, 2L, 3L], lines);
    }

    [Fact]
    public void Read_emptyUnquotedAndQuoted_areNullAndEmptyString()
    {
        var csv = new CsvReader(new StringReader("a,b,c\n,\"\",x\n"));

        List<string?[]> records = ReadAll(csv, out _);

        Assert.Equal("<null>||x", Show(records[1]));
    }

    [Fact]
    public void Read_blankLineInOneColumnFile_isANullRow()
    {
        var csv = new CsvReader(new StringReader("a\r\n1\r\n\r\n2\r\n"));

        List<string?[]> records = ReadAll(csv, out _);

        Assert.Equal(4, records.Count);
        Assert.Equal("<null>", Show(records[2]));
    }

    [Fact]
    public void Read_unclosedQuote_throwsNamingTheLineItOpened()
    {
        var csv = new CsvReader(new StringReader("a\n1\n\"open\nmore\n"));

        CsvFormatException error = Assert.Throws<CsvFormatException>(() => ReadAll(csv, out _));

        Assert.Equal(3, error.Line);
    }

    [Theory]
    [InlineData("12", true, true)]
    [InlineData("-7", true, true)]
    [InlineData("007", false, false)]
    [InlineData("0", true, true)]
    [InlineData("-0", false, true)]
    [InlineData("1.5", false, true)]
    [InlineData("-2e-3", false, true)]
    [InlineData("NaN", false, true)]
    [InlineData(" 1", false, false)]
    [InlineData("1,000", false, false)]
    [InlineData("abc", false, false)]
    [InlineData("99999999999999999999", false, true)]
    public void Inference_rules_classifyValues(string text, bool wantInteger, bool wantReal)
    {
        bool isInteger = CsvColumnBuffer.LooksLikeInteger(text);
        bool isReal = CsvColumnBuffer.LooksLikeReal(text);

        Assert.Equal((wantInteger, wantReal), (isInteger, isReal));
    }

    private static string Show(string?[] record) => string.Join("|", record.Select(field => field ?? "<null>"));

    private static List<string?[]> ReadAll(CsvReader csv, out List<long> lines)
    {
        var records = new List<string?[]>();
        lines = [];
        while (csv.Read())
        {
            string?[] record = new string?[csv.FieldCount];
            for (int i = 0; i < record.Length; i++)
            {
                record[i] = csv.GetString(i);
            }

            records.Add(record);
            lines.Add(csv.RecordLine);
        }

        return records;
    }
}
