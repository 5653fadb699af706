namespace ImbalanceGuard.Evaluation;

/// <summary>
/// Every distinct threshold of a set of scores, from the highest score down, with the cumulative true and
/// false positives of flagging every row that scores at least that much (scikit-learn's
/// <c>_binary_clf_curve</c>). The ROC and precision-recall curves, the ranking metrics and the threshold
/// tuner all read it. Rows of zero weight are left out (they neither add a threshold nor change a count).
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

    /// <summary>The total positive weight: the last running sum, so <c>TruePositives[^1] == Positives</c> exactly.</summary>
    public double Positives { get; }

    /// <summary>The total negative weight: the last running sum, so <c>FalsePositives[^1] == Negatives</c> exactly.</summary>
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
        // Rows of zero weight are left out, as scikit-learn does: they would add thresholds that change nothing.
        var scores = data.Scores.ToArray();
        var rows = new List<int>(data.Count);
        for (var i = 0; i < data.Count; i++)
        {
            if (data.Weight(i) != 0)
            {
                rows.Add(i);
            }
        }

        // Descending by score, equal scores in descending row order: scikit-learn reverses a stable
        // ascending sort, and the order inside a tie decides the rounding of weighted running sums.
        var order = rows.ToArray();
        Array.Sort(order, (a, b) =>
        {
            var byScore = scores[b].CompareTo(scores[a]);
            return byScore != 0 ? byScore : b.CompareTo(a);
        });

        var thresholds = new List<double>();
        var truePositives = new List<double>();
        var falsePositives = new List<double>();
        double tp = 0, fp = 0;
        var positive = data.IsPositive;
        for (var k = 0; k < order.Length; k++)
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

            if (k == order.Length - 1 || scores[order[k + 1]] != scores[row])
            {
                thresholds.Add(scores[row]);
                truePositives.Add(tp);
                falsePositives.Add(fp);
            }
        }

        // The totals are the running sums' ends, so the last point of a curve is exactly (1, 1).
        return new ThresholdSweep([.. thresholds], [.. truePositives], [.. falsePositives], tp, fp);
    }
}
