using System.Globalization;

namespace ImbalanceGuard.Evaluation;

/// <summary>
/// Where to cut the scores when one side of the precision-recall trade-off is fixed: the precision of the
/// top k rows, the best recall at a minimum precision, the best precision at a minimum recall. The searches
/// look at every distinct score as a threshold (flag the rows scoring at least it), with row weights when
/// the data has them.
/// </summary>
public static class OperatingPoints
{
    /// <summary>
    /// The precision among the <paramref name="k"/> highest-scoring rows (weighted by row weight when rows
    /// carry weights; <paramref name="k"/> counts rows).
    /// </summary>
    /// <remarks>
    /// Ties at the boundary: when the k-th score is shared by rows inside and outside the top k, each tied
    /// row counts for the fraction of the tie that fits (the expected precision when ties are broken at
    /// random). The result does not depend on row order. When the top k rows all weigh 0 the precision is 0
    /// (<c>zero_division=0</c>).
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is not between 1 and the row count.</exception>
    public static double PrecisionAtK(BinaryScores data, int k)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (k < 1 || k > data.Count)
        {
            throw new ArgumentOutOfRangeException(
                nameof(k),
                k,
                string.Create(CultureInfo.InvariantCulture, $"k must be between 1 and the number of rows ({data.Count})."));
        }

        var scores = data.Scores;
        var sorted = scores.ToArray();
        Array.Sort(sorted);
        var cut = sorted[^k];
        double aboveRows = 0, abovePositive = 0, aboveWeight = 0;
        double tieRows = 0, tiePositive = 0, tieWeight = 0;
        var positive = data.IsPositive;
        for (var i = 0; i < scores.Length; i++)
        {
            var weight = data.Weight(i);
            if (scores[i] > cut)
            {
                aboveRows++;
                aboveWeight += weight;
                abovePositive += positive[i] ? weight : 0;
            }
            else if (scores[i] == cut)
            {
                tieRows++;
                tieWeight += weight;
                tiePositive += positive[i] ? weight : 0;
            }
        }

        // The tie fills the k − (rows above) places left; each tied row is in with that probability.
        var share = (k - aboveRows) / tieRows;
        var flagged = aboveWeight + (share * tieWeight);
        return flagged == 0 ? 0 : (abovePositive + (share * tiePositive)) / flagged;
    }

    /// <summary>
    /// The threshold with the highest recall among those whose precision is at least
    /// <paramref name="minimumPrecision"/>; among equal recalls, the higher precision, then the higher threshold.
    /// </summary>
    /// <returns>The operating point, or null when no threshold reaches the precision.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minimumPrecision"/> is not in [0, 1].</exception>
    /// <exception cref="ArgumentException">The data has no positive rows (counting weight): recall is undefined.</exception>
    public static OperatingPoint? RecallAtPrecision(BinaryScores data, double minimumPrecision)
        => Best(data, minimumPrecision, nameof(minimumPrecision), static c => c.Precision, static c => c.Recall);

    /// <summary>
    /// The threshold with the highest precision among those whose recall is at least
    /// <paramref name="minimumRecall"/>; among equal precisions, the higher recall, then the higher threshold.
    /// </summary>
    /// <returns>The operating point; there always is one, as the lowest threshold flags every row (recall 1).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minimumRecall"/> is not in [0, 1].</exception>
    /// <exception cref="ArgumentException">The data has no positive rows (counting weight): recall is undefined.</exception>
    public static OperatingPoint PrecisionAtRecall(BinaryScores data, double minimumRecall)
        => Best(data, minimumRecall, nameof(minimumRecall), static c => c.Recall, static c => c.Precision)
            ?? throw new InvalidOperationException("The lowest threshold has recall 1; a search that finds no point is a bug.");

    private static OperatingPoint? Best(
        BinaryScores data, double minimum, string parameter, Func<BinaryConfusion, double> constrained, Func<BinaryConfusion, double> maximised)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!(minimum >= 0 && minimum <= 1))
        {
            throw new ArgumentOutOfRangeException(parameter, minimum, "The minimum must be a number in [0, 1].");
        }

        var sweep = data.Sweep;
        if (sweep.Positives == 0)
        {
            throw new ArgumentException("Recall needs positive rows; the data has no positive rows (with weight).", nameof(data));
        }

        OperatingPoint? best = null;
        for (var i = 0; i < sweep.Count; i++)
        {
            var confusion = sweep.ConfusionAt(i);
            if (constrained(confusion) < minimum)
            {
                continue;
            }

            // Thresholds descend, so a later point only wins by being strictly better.
            if (best is not { } current
                || maximised(confusion) > maximised(current.Confusion)
                || (maximised(confusion) == maximised(current.Confusion) && constrained(confusion) > constrained(current.Confusion)))
            {
                best = new OperatingPoint(sweep.Thresholds[i], confusion);
            }
        }

        return best;
    }
}
