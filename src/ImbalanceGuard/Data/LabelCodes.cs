namespace ImbalanceGuard;

/// <summary>
/// The label of each row read so far, as a code per distinct label text. Each distinct text is made into a
/// string once; with few classes, the rule, a row's label is matched by comparing characters, without a
/// string per row.
/// </summary>
internal sealed class LabelCodes
{
    private const int CompareLimit = 16;

    private readonly List<string> _distinct = [];
    private readonly Dictionary<string, int> _codeOf = new(StringComparer.Ordinal);
    private readonly List<int> _codes = [];

    /// <summary>The number of rows.</summary>
    public int Count => _codes.Count;

    /// <summary>The distinct label texts, in order of first appearance.</summary>
    public IReadOnlyList<string> Distinct => _distinct;

    public void Add(ReadOnlySpan<char> label) => _codes.Add(CodeOf(label));

    /// <summary>Each row's class index in <paramref name="schema"/>, which must know every label.</summary>
    public int[] ToClassIndices(DataSchema schema)
    {
        var classOf = new int[_distinct.Count];
        for (var code = 0; code < classOf.Length; code++)
        {
            classOf[code] = schema.ClassIndex(_distinct[code]);
        }

        var indices = new int[_codes.Count];
        for (var i = 0; i < indices.Length; i++)
        {
            indices[i] = classOf[_codes[i]];
        }

        return indices;
    }

    private int CodeOf(ReadOnlySpan<char> label)
    {
        if (_distinct.Count <= CompareLimit)
        {
            for (var code = 0; code < _distinct.Count; code++)
            {
                if (label.SequenceEqual(_distinct[code]))
                {
                    return code;
                }
            }
        }
        else if (_codeOf.TryGetValue(label.ToString(), out var known))
        {
            return known;
        }

        var text = label.ToString();
        _codeOf.Add(text, _distinct.Count);
        _distinct.Add(text);
        return _distinct.Count - 1;
    }
}
