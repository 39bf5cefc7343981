namespace AdintAudit.Data;

/// <summary>
/// Streams RFC 4180 records from text: comma separator, fields optionally quoted with <c>"</c> (a doubled quote is one
/// quote, and CR/LF/commas inside quotes are data), records ended by CRLF, LF or CR. An empty unquoted field is null,
/// <c>""</c> is the empty string. A blank line is a record with one null field (a one-column file's null row).
/// </summary>
/// <remarks>
/// Holds one record at a time: the field text of the current record lives in a reused char buffer, so reading
/// allocates nothing per field. A stray quote inside an unquoted field is kept as text (as most readers do); text
/// after a closing quote, or a quote left open at the end of the input, is an error naming the line.
/// </remarks>
internal sealed class CsvReader
{
    private readonly TextReader _input;
    private readonly char[] _block = new char[1 << 16];
    private int _blockPosition;
    private int _blockLength;
    private char[] _text = new char[1024];
    private int _textLength;
    private int[] _starts = new int[16];
    private int[] _lengths = new int[16];
    private bool[] _quoted = new bool[16];
    private long _line = 1;

    public CsvReader(TextReader input)
    {
        _input = input;
    }

    /// <summary>Fields in the current record.</summary>
    public int FieldCount { get; private set; }

    /// <summary>1-based line on which the current record starts.</summary>
    public long RecordLine { get; private set; }

    /// <summary>Text of field <paramref name="index"/> of the current record (empty for null).</summary>
    public ReadOnlySpan<char> this[int index] => _text.AsSpan(_starts[index], _lengths[index]);

    /// <summary>Whether field <paramref name="index"/> is null (empty and unquoted).</summary>
    public bool IsNull(int index) => _lengths[index] == 0 && !_quoted[index];

    /// <summary>Field <paramref name="index"/> as a string, or null.</summary>
    public string? GetString(int index) => IsNull(index) ? null : new string(this[index]);

    /// <summary>Reads the next record; returns false at the end of the input.</summary>
    /// <exception cref="CsvFormatException">A quoted field is malformed.</exception>
    public bool Read()
    {
        int c = Peek();
        if (c < 0)
        {
            return false;
        }

        RecordLine = _line;
        FieldCount = 0;
        _textLength = 0;
        while (true)
        {
            bool quoted = false;
            int start = _textLength;
            c = Peek();
            if (c == '"')
            {
                quoted = true;
                Next();
                ReadQuoted();
                c = Peek();
                if (c is not (',' or '\r' or '\n' or -1))
                {
                    throw new CsvFormatException(_line, $"unexpected '{(char)c}' after a closing quote");
                }
            }
            else
            {
                while (c is not (',' or '\r' or '\n' or -1))
                {
                    Append((char)c);
                    Next();
                    c = Peek();
                }
            }

            AddField(start, _textLength - start, quoted);
            if (c == ',')
            {
                Next();
                continue;
            }

            EndOfLine(c);
            return true;
        }
    }

    private void ReadQuoted()
    {
        long openedOn = _line;
        while (true)
        {
            int c = Next();
            if (c < 0)
            {
                throw new CsvFormatException(openedOn, "quoted field is not closed before the end of the file");
            }

            if (c == '"')
            {
                if (Peek() == '"')
                {
                    Next();
                    Append('"');
                    continue;
                }

                return;
            }

            if (c == '\n' || (c == '\r' && Peek() != '\n'))
            {
                _line++;
            }

            Append((char)c);
        }
    }

    private void EndOfLine(int c)
    {
        if (c == '\r')
        {
            Next();
            if (Peek() == '\n')
            {
                Next();
            }

            _line++;
        }
        else if (c == '\n')
        {
            Next();
            _line++;
        }
    }

    private void AddField(int start, int length, bool quoted)
    {
        if (FieldCount == _starts.Length)
        {
            Array.Resize(ref _starts, _starts.Length * 2);
            Array.Resize(ref _lengths, _lengths.Length * 2);
            Array.Resize(ref _quoted, _quoted.Length * 2);
        }

        _starts[FieldCount] = start;
        _lengths[FieldCount] = length;
        _quoted[FieldCount] = quoted;
        FieldCount++;
    }

    private void Append(char c)
    {
        if (_textLength == _text.Length)
        {
            Array.Resize(ref _text, _text.Length * 2);
        }

        _text[_textLength++] = c;
    }

    private int Peek()
    {
        if (_blockPosition == _blockLength && !Fill())
        {
            return -1;
        }

        return _block[_blockPosition];
    }

    private int Next()
    {
        if (_blockPosition == _blockLength && !Fill())
        {
            return -1;
        }

        return _block[_blockPosition++];
    }

    private bool Fill()
    {
        _blockLength = _input.Read(_block, 0, _block.Length);
        _blockPosition = 0;
        return _blockLength > 0;
    }
}
