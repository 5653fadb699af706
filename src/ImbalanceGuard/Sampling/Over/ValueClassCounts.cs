namespace ImbalanceGuard.Sampling;

/// <summary>
/// For each feature, its distinct values (ascending) and how many rows of each class have each: what SMOTEN's
/// value difference metric needs from the rows of every class, counted while a file streams past.
/// </summary>
internal sealed class ValueClassCounts
{
    private readonly double[][] _values;
    private readonly double[][] _counts;

    /// <param name="values">Per feature, the distinct values, ascending.</param>
    /// <param name="counts">Per feature, the rows of value v and class c at <c>v × classes + c</c>.</param>
    public ValueClassCounts(double[][] values, double[][] counts)
    {
        _values = values;
        _counts = counts;
    }

    /// <summary>Feature <paramref name="feature"/>'s distinct values, ascending.</summary>
    public double[] Values(int feature) => _values[feature];

    /// <summary>A copy of feature <paramref name="feature"/>'s counts, value by value, class by class (the caller turns it into shares).</summary>
    public double[] Counts(int feature) => (double[])_counts[feature].Clone();
}
