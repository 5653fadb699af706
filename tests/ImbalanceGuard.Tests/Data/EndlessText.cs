namespace ImbalanceGuard.Tests.Data;

/// <summary>
/// Text that starts with a given prefix and then repeats one character for ever: a file of hundreds of megabytes
/// without a line break, with no disk and no memory spent on it. Counts what the reader took.
/// </summary>
internal sealed class EndlessText(string prefix, char filler) : TextReader
{
    private int _prefixRead;

    /// <summary>How many characters the reader has taken so far.</summary>
    public long CharactersRead { get; private set; }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var fromPrefix = Math.Min(buffer.Length, prefix.Length - _prefixRead);
        prefix.AsSpan(_prefixRead, fromPrefix).CopyTo(buffer);
        _prefixRead += fromPrefix;
        buffer[fromPrefix..].Fill(filler);
        CharactersRead += buffer.Length;
        return buffer.Length;
    }

    public override int Peek() => _prefixRead < prefix.Length ? prefix[_prefixRead] : filler;

    public override int Read()
    {
        CharactersRead++;
        return _prefixRead < prefix.Length ? prefix[_prefixRead++] : filler;
    }
}
