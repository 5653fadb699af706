namespace ImbalanceGuard;

/// <summary>
/// What the columns of a dataset mean: feature names and kinds, the label column and its classes, the
/// optional weight column, and the column order of the source so data can be written back as it came.
/// Shared, unchanged, by a dataset and every training or holdout set made from it.
/// </summary>
public sealed class DataSchema
{
    private readonly string[] _featureNames;
    private readonly FeatureKind[] _featureKinds;
    private readonly string[] _classNames;
    private readonly string[]?[] _categoryLevels;
    private readonly string[] _sourceColumns;
    private readonly Dictionary<string, int> _classIndex;

    internal DataSchema(
        string[] featureNames,
        FeatureKind[] featureKinds,
        string labelName,
        string[] classNames,
        string? weightName = null,
        string[]?[]? categoryLevels = null,
        string[]? sourceColumns = null)
    {
        if (featureNames.Length != featureKinds.Length)
        {
            throw new DataFormatException($"{featureNames.Length} feature names but {featureKinds.Length} feature kinds.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in featureNames.Append(labelName).Concat(weightName is null ? [] : [weightName]))
        {
            if (!seen.Add(name))
            {
                throw new DataFormatException($"Column name '{name}' is used twice; column names must be unique.");
            }
        }

        _classIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < classNames.Length; i++)
        {
            if (!_classIndex.TryAdd(classNames[i], i))
            {
                throw new DataFormatException($"Class name '{classNames[i]}' is listed twice.");
            }
        }

        _featureNames = featureNames;
        _featureKinds = featureKinds;
        _classNames = classNames;
        _categoryLevels = categoryLevels ?? new string[]?[featureNames.Length];
        LabelName = labelName;
        WeightName = weightName;
        _sourceColumns = sourceColumns
            ?? [.. featureNames, labelName, .. weightName is null ? Array.Empty<string>() : [weightName]];
    }

    /// <summary>The feature column names, in matrix column order.</summary>
    public IReadOnlyList<string> FeatureNames => _featureNames;

    /// <summary>Whether each feature is continuous or categorical.</summary>
    public IReadOnlyList<FeatureKind> FeatureKinds => _featureKinds;

    /// <summary>The name of the label column.</summary>
    public string LabelName { get; }

    /// <summary>The class names; a label is an index into this list.</summary>
    public IReadOnlyList<string> ClassNames => _classNames;

    /// <summary>The name of the per-row weight column, or <see langword="null"/> when rows are unweighted.</summary>
    public string? WeightName { get; }

    /// <summary>The number of feature columns.</summary>
    public int FeatureCount => _featureNames.Length;

    /// <summary>The number of classes.</summary>
    public int ClassCount => _classNames.Length;

    /// <summary>Whether any feature is categorical.</summary>
    public bool HasCategoricalFeatures => Array.IndexOf(_featureKinds, FeatureKind.Categorical) >= 0;

    /// <summary>The columns of the source, in the order they came (features, label and weight column).</summary>
    public IReadOnlyList<string> SourceColumns => _sourceColumns;

    /// <summary>
    /// The text of each category of a categorical feature whose source values were not numbers (the
    /// matrix holds the index into this list), or <see langword="null"/> when the codes are the values.
    /// </summary>
    public IReadOnlyList<string>? CategoryLevels(int feature) => _categoryLevels[feature];

    /// <summary>The index of the class with this name.</summary>
    /// <exception cref="ArgumentException">No class has that name.</exception>
    public int ClassIndex(string className)
    {
        if (_classIndex.TryGetValue(className, out var index))
        {
            return index;
        }

        throw new ArgumentException(
            $"There is no class '{className}'; the classes are {string.Join(", ", _classNames)}.",
            nameof(className));
    }

    /// <summary>Looks up a class by name without throwing.</summary>
    public bool TryGetClassIndex(string className, out int index) => _classIndex.TryGetValue(className, out index);

    /// <summary>The index of the feature with this name, or -1.</summary>
    public int FeatureIndex(string featureName) => Array.IndexOf(_featureNames, featureName);

    /// <summary>Whether rows of the two schemas can be compared and mixed: same features, kinds and classes.</summary>
    public bool IsCompatibleWith(DataSchema other)
    {
        return ReferenceEquals(this, other)
            || (_featureNames.AsSpan().SequenceEqual(other._featureNames)
                && _featureKinds.AsSpan().SequenceEqual(other._featureKinds)
                && _classNames.AsSpan().SequenceEqual(other._classNames)
                && LabelName == other.LabelName);
    }
}
