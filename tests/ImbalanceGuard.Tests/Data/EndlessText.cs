namespace ImbalanceGuard.Tests.Data;

/// <summary>
/// Text that starts with a given prefix and then repeats one character for ever, as one endless line or as endless
/// lines of a given length: a file of hundreds of megabytes with no disk and no memory spent on it. Counts what the
/// reader took.
/// </summary>
/// <param name="prefix">The text before the repetition (a header, a few rows).</param>
/// <param name="filler">The character repeated.</param>
/// <param name="lineLength">After the prefix, a line feed ends every line of this many characters (the line feed included); 0 for none.</param>
internal sealed class EndlessText(string prefix, char filler, int lineLength = 0) : TextReader
{
    private long _position;

    /// <summary>How many characters the reader has taken so far.</summary>
    public long CharactersRead => _position;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = At(_position++);
        }

        return buffer.Length;
    }

    public override int Peek() => At(_position);

    public override int Read() => At(_position++);

    private char At(long position)
    {
        if (position < prefix.Length)
        {
            return prefix[(int)position];
        }

        var after = position - prefix.Length;
        return lineLength > 0 && after % lineLength == lineLength - 1 ? '\n' : filler;
    }
}
