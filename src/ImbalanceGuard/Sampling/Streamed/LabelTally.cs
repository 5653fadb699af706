namespace ImbalanceGuard.Sampling;

/// <summary>
/// Rows per distinct label text, counted while a file streams past: each distinct text is made into a string
/// once, and a row's label is looked up by its characters, without a string per row.
/// </summary>
internal sealed class LabelTally
{
    private readonly List<string> _distinct = [];
    private readonly List<long> _counts = [];
    private readonly Dictionary<string, int> _codeOf = new(StringComparer.Ordinal);

    // With few classes (the rule) a label is found by comparing characters; beyond, by a string looked up.
    private const int CompareLimit = 16;

    /// <summary>The distinct labels, in order of first appearance (a label's code is its position).</summary>
    public IReadOnlyList<string> Distinct => _distinct;

    /// <summary>Counts one row of <paramref name="label"/> and returns the label's code.</summary>
    public int Add(ReadOnlySpan<char> label)
    {
        if (!TryFind(label, out var code))
        {
            code = _distinct.Count;
            var text = label.ToString();
            _codeOf.Add(text, code);
            _distinct.Add(text);
            _counts.Add(0);
        }

        _counts[code]++;
        return code;
    }

    private bool TryFind(ReadOnlySpan<char> label, out int code)
    {
        if (_distinct.Count > CompareLimit)
        {
            return _codeOf.TryGetValue(label.ToString(), out code);
        }

        for (code = 0; code < _distinct.Count; code++)
        {
            if (label.SequenceEqual(_distinct[code]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The rows counted of label <paramref name="code"/>.</summary>
    public long Count(int code) => _counts[code];

    /// <summary>Rows per label.</summary>
    public Dictionary<string, long> ByLabel()
        => _distinct.Select((label, code) => (label, code)).ToDictionary(p => p.label, p => _counts[p.code], StringComparer.Ordinal);
}
