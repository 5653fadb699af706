namespace ImbalanceGuard.Sampling;

/// <summary>
/// A sampling strategy resolved on one training set: per class index, how many rows to add
/// (over-sampling), to keep (under-sampling), or just "targeted" (cleaning); -1 for a class left alone.
/// </summary>
internal sealed class SamplingTargets
{
    private readonly int[] _values;

    public SamplingTargets(int[] values) => _values = values;

    public int ClassCount => _values.Length;

    public bool Targets(int classIndex) => _values[classIndex] >= 0;

    public int this[int classIndex] => _values[classIndex];

    public IEnumerable<int> TargetedClasses
    {
        get
        {
            for (var c = 0; c < _values.Length; c++)
            {
                if (_values[c] >= 0)
                {
                    yield return c;
                }
            }
        }
    }

    public IReadOnlyDictionary<string, int> ByName(IReadOnlyList<string> classNames)
    {
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in TargetedClasses)
        {
            byName[classNames[c]] = _values[c];
        }

        return byName;
    }
}
