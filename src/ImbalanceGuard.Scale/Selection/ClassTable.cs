using System.Globalization;

namespace ImbalanceGuard.Scale;

/// <summary>
/// The classes of a label column met while streaming: an index per class text (in order of first appearance) and
/// its rows. Looking a cell up allocates nothing. A column with more than <see cref="MaxClasses"/> distinct values is
/// refused: it is an id or a number, not a class.
/// </summary>
internal sealed class ClassTable
{
    /// <summary>The most distinct classes a label column may have out of core.</summary>
    public const int MaxClasses = 10_000;

    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<string> _names = [];
    private readonly List<long> _rows = [];

    public ClassTable() => _lookup = _index.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The classes, in order of first appearance.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>The rows of each class.</summary>
    public IReadOnlyList<long> Rows => _rows;

    /// <summary>Counts a row of class <paramref name="label"/> and returns its index.</summary>
    /// <exception cref="DataFormatException">The label would be class number <see cref="MaxClasses"/> + 1.</exception>
    public int Add(ReadOnlySpan<char> label, string column)
    {
        if (!_lookup.TryGetValue(label, out var index))
        {
            if (_names.Count == MaxClasses)
            {
                throw new DataFormatException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"the label column '{column}' has more than {MaxClasses:N0} distinct values; is it the label? (give the class column with --label)"));
            }

            index = _names.Count;
            var name = label.ToString();
            _index.Add(name, index);
            _names.Add(name);
            _rows.Add(0);
        }

        _rows[index]++;
        return index;
    }

    /// <summary>The index of a class already counted, or -1.</summary>
    public int IndexOf(ReadOnlySpan<char> label) => _lookup.TryGetValue(label, out var index) ? index : -1;

    /// <summary>The rows per class, by the class's text; a class without rows is left out, as a GROUP BY leaves it out.</summary>
    public Dictionary<string, long> ToDictionary(IReadOnlyList<long> counts)
    {
        var byName = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var c = 0; c < _names.Count; c++)
        {
            if (counts[c] > 0)
            {
                byName[_names[c]] = counts[c];
            }
        }

        return byName;
    }
}
