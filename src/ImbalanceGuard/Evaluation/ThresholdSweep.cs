namespace ImbalanceGuard.Evaluation;

/// <summary>
/// Every distinct threshold of a set of scores, from the highest score down, with the cumulative true and
/// false positives of flagging every row that scores at least that much (scikit-learn's
/// <c>_binary_clf_curve</c>). The ROC and precision-recall curves, the ranking metrics and the threshold
/// tuner all read it.
/// </summary>
public sealed class ThresholdSweep
{
    private readonly double[] _thresholds;
    private readonly double[] _truePositives;
    private readonly double[] _falsePositives;

    private ThresholdSweep(double[] thresholds, double[] truePositives, double[] falsePositives, double positives, double negatives)
    {
        _thresholds = thresholds;
        _truePositives = truePositives;
        _falsePositives = falsePositives;
        Positives = positives;
        Negatives = negatives;
    }

    /// <summary>The distinct scores, descending.</summary>
    public IReadOnlyList<double> Thresholds => _thresholds;

    /// <summary>Positives (weight) scoring at least each threshold.</summary>
    public IReadOnlyList<double> TruePositives => _truePositives;

    /// <summary>Negatives (weight) scoring at least each threshold.</summary>
    public IReadOnlyList<double> FalsePositives => _falsePositives;

    /// <summary>The total positive weight.</summary>
    public double Positives { get; }

    /// <summary>The total negative weight.</summary>
    public double Negatives { get; }

    /// <summary>The number of distinct thresholds.</summary>
    public int Count => _thresholds.Length;

    /// <summary>The counts when rows scoring at least threshold <paramref name="index"/> are flagged.</summary>
    public BinaryConfusion ConfusionAt(int index)
        => new(Negatives - _falsePositives[index], _falsePositives[index], Positives - _truePositives[index], _truePositives[index]);

    /// <summary>The counts when nothing is flagged (a threshold above every score).</summary>
    public BinaryConfusion NothingFlagged => new(Negatives, 0, Positives, 0);

    internal static ThresholdSweep Of(BinaryScores data)
    {
        var n = data.Count;
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        // Descending by score; equal scores keep row order (a stable sort, as scikit-learn's mergesort).
        var scores = data.Scores.ToArray();
        var keys = new double[n];
        for (var i = 0; i < n; i++)
        {
            keys[i] = -scores[i];
        }

        MergeSort(keys, order);
        var thresholds = new List<double>();
        var truePositives = new List<double>();
        var falsePositives = new List<double>();
        double tp = 0, fp = 0;
        var positive = data.IsPositive;
        for (var k = 0; k < n; k++)
        {
            var row = order[k];
            if (positive[row])
            {
                tp += data.Weight(row);
            }
            else
            {
                fp += data.Weight(row);
            }

            if (k == n - 1 || scores[order[k + 1]] != scores[row])
            {
                thresholds.Add(scores[row]);
                truePositives.Add(tp);
                falsePositives.Add(fp);
            }
        }

        return new ThresholdSweep([.. thresholds], [.. truePositives], [.. falsePositives], data.PositiveWeight, data.NegativeWeight);
    }

    private static void MergeSort(double[] keys, int[] items)
    {
        // Array.Sort is unstable; sort (key, position) pairs so equal keys keep their order.
        var pairs = new (double Key, int Item)[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            pairs[i] = (keys[i], items[i]);
        }

        Array.Sort(pairs, static (a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : a.Item.CompareTo(b.Item));
        for (var i = 0; i < keys.Length; i++)
        {
            (keys[i], items[i]) = pairs[i];
        }
    }
}
