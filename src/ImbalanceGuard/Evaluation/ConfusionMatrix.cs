using System.Globalization;
using System.Text;

namespace ImbalanceGuard.Evaluation;

/// <summary>
/// The K×K confusion matrix of a multi-class decision (rows: actual class, columns: predicted class; weighted
/// sums when rows carry weights) and the metrics that follow from it, as scikit-learn 1.2.1 and
/// imbalanced-learn 0.10.0 compute them.
/// </summary>
/// <remarks>
/// <para>
/// Classes are indices 0 … K−1. A class is <em>present</em> when it appears among the actual or the predicted
/// labels (whatever its weight); averages run over present classes only, as scikit-learn's default
/// <c>labels=None</c>, so a class neither in the data nor predicted changes nothing.
/// </para>
/// <para>
/// Zero division gives 0 (<c>zero_division=0</c>): precision of a class never predicted, recall of a class
/// never actual, F of a class with precision and recall 0, MCC when all rows are one actual or one predicted
/// class, Cohen's kappa when chance agreement is total (scikit-learn gives NaN there), accuracy and weighted
/// averages when all weight is 0 (scikit-learn raises there).
/// </para>
/// <para>
/// Weighted specificity follows scikit-learn's one-vs-rest counts (true negatives = total weight − TP − FP − FN).
/// imbalanced-learn 0.10.0 subtracts weights from the row <em>count</em> instead, which only agrees when every
/// weight is 1; with other weights its specificity, G-mean and IBA are not those of any duplication of rows.
/// </para>
/// </remarks>
public sealed class ConfusionMatrix
{
    private readonly double[] _cells;
    private readonly double[] _actualTotals;
    private readonly double[] _predictedTotals;
    private readonly bool[] _present;
    private readonly int[] _presentClasses;

    private ConfusionMatrix(int classCount, double[] cells, double[] actualTotals, double[] predictedTotals, bool[] present, double total, double accuracy)
    {
        ClassCount = classCount;
        _cells = cells;
        _actualTotals = actualTotals;
        _predictedTotals = predictedTotals;
        _present = present;
        _presentClasses = [.. Enumerable.Range(0, classCount).Where(c => present[c])];
        Total = total;
        Accuracy = accuracy;
    }

    /// <summary>K, the number of classes (rows and columns).</summary>
    public int ClassCount { get; }

    /// <summary>The rows (weight) of actual class <paramref name="actual"/> predicted as <paramref name="predicted"/>.</summary>
    public double this[int actual, int predicted]
    {
        get
        {
            CheckClass(actual, nameof(actual));
            CheckClass(predicted, nameof(predicted));
            return _cells[(actual * ClassCount) + predicted];
        }
    }

    /// <summary>All rows (total weight).</summary>
    public double Total { get; }

    /// <summary>The classes that appear among the actual or predicted labels, ascending: those the averages run over.</summary>
    public IReadOnlyList<int> PresentClasses => _presentClasses;

    /// <summary>The share of rows predicted right. Meaningless alone under imbalance: compare with <see cref="MajorityBaselineAccuracy"/>.</summary>
    public double Accuracy { get; }

    /// <summary>The accuracy of always predicting the largest class.</summary>
    public double MajorityBaselineAccuracy => Total == 0 ? 0 : _actualTotals.Max() / Total;

    /// <summary>Whether class <paramref name="classIndex"/> appears among the actual or predicted labels.</summary>
    public bool IsPresent(int classIndex)
    {
        CheckClass(classIndex, nameof(classIndex));
        return _present[classIndex];
    }

    /// <summary>The rows (weight) whose actual class is <paramref name="classIndex"/>.</summary>
    public double Support(int classIndex)
    {
        CheckClass(classIndex, nameof(classIndex));
        return _actualTotals[classIndex];
    }

    /// <summary>The rows (weight) predicted as <paramref name="classIndex"/>.</summary>
    public double PredictedTotal(int classIndex)
    {
        CheckClass(classIndex, nameof(classIndex));
        return _predictedTotals[classIndex];
    }

    /// <summary>
    /// Class <paramref name="classIndex"/> against the rest: its precision, recall, specificity, F-beta,
    /// G-mean (√(recall · specificity)) and IBA are those of imbalanced-learn's per-class report.
    /// </summary>
    public BinaryConfusion ForClass(int classIndex)
    {
        CheckClass(classIndex, nameof(classIndex));
        var tp = _cells[(classIndex * ClassCount) + classIndex];
        var fp = _predictedTotals[classIndex] - tp;
        var fn = _actualTotals[classIndex] - tp;
        return new BinaryConfusion(Total - tp - fp - fn, fp, fn, tp);
    }

    /// <summary>The mean recall over the classes that have actual rows (weight); scikit-learn's <c>balanced_accuracy_score</c>.</summary>
    public double BalancedAccuracy
    {
        get
        {
            var recalls = new List<double>();
            foreach (var c in _presentClasses)
            {
                var row = NumpyReduce.Sum(_cells.AsSpan(c * ClassCount, ClassCount));
                if (row != 0)
                {
                    recalls.Add(_cells[(c * ClassCount) + c] / row);
                }
            }

            return recalls.Count == 0 ? 0 : NumpyReduce.Mean(recalls.ToArray());
        }
    }

    /// <summary>The Matthews correlation coefficient, multi-class form (Gorodkin's R_K), in [-1, 1].</summary>
    public double MatthewsCorrelation
    {
        get
        {
            var (actual, predicted) = MatrixTotals();
            double correct = 0, actualByPredicted = 0, predictedSquared = 0, actualSquared = 0;
            for (var i = 0; i < actual.Length; i++)
            {
                var c = _presentClasses[i];
                correct += _cells[(c * ClassCount) + c];
                actualByPredicted += actual[i] * predicted[i];
                predictedSquared += predicted[i] * predicted[i];
                actualSquared += actual[i] * actual[i];
            }

            var n = NumpyReduce.Sum(predicted);
            var covariance = (correct * n) - actualByPredicted;
            var predictedSpread = (n * n) - predictedSquared;
            var actualSpread = (n * n) - actualSquared;
            return predictedSpread * actualSpread == 0 ? 0 : covariance / Math.Sqrt(actualSpread * predictedSpread);
        }
    }

    /// <summary>Cohen's kappa (unweighted): agreement beyond what the class shares alone would give.</summary>
    public double CohenKappa
    {
        get
        {
            var (actual, predicted) = MatrixTotals();
            var k = actual.Length;
            var n = NumpyReduce.Sum(predicted);
            if (n == 0)
            {
                return 0;
            }

            // scikit-learn: 1 − Σ off-diagonal observed / Σ off-diagonal of outer(predicted, actual) / n.
            var observed = new double[k * k];
            var expected = new double[k * k];
            for (var i = 0; i < k; i++)
            {
                for (var j = 0; j < k; j++)
                {
                    if (i != j)
                    {
                        observed[(i * k) + j] = _cells[(_presentClasses[i] * ClassCount) + _presentClasses[j]];
                        expected[(i * k) + j] = predicted[i] * actual[j] / n;
                    }
                }
            }

            var chance = NumpyReduce.Sum(expected);
            return chance == 0 ? 0 : 1 - (NumpyReduce.Sum(observed) / chance);
        }
    }

    /// <summary>Precision (of the predicted rows, the share right), averaged over present classes.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="average"/> is not a <see cref="ClassAverage"/>.</exception>
    public double Precision(ClassAverage average)
        => Averaged(average, static c => c.Precision, static (tp, predicted, actual, _) => Ratio(tp, predicted));

    /// <summary>Recall (of the actual rows, the share found), averaged over present classes. Macro recall is balanced accuracy when every class has rows.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="average"/> is not a <see cref="ClassAverage"/>.</exception>
    public double Recall(ClassAverage average)
        => Averaged(average, static c => c.Recall, static (tp, predicted, actual, _) => Ratio(tp, actual));

    /// <summary>
    /// Specificity (one-vs-rest true negative rate), averaged over present classes, as imbalanced-learn's
    /// <c>specificity_score</c>; micro pools the one-vs-rest counts.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="average"/> is not a <see cref="ClassAverage"/>.</exception>
    public double Specificity(ClassAverage average)
        => Averaged(average, static c => c.Specificity, static (tp, predicted, _, tn) => Ratio(tn, tn + predicted - tp));

    /// <summary>F-beta, averaged over present classes (micro: from micro precision and recall).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="beta"/> is not positive, or <paramref name="average"/> is not a <see cref="ClassAverage"/>.</exception>
    public double FBeta(double beta, ClassAverage average)
    {
        if (!(beta > 0) || !double.IsFinite(beta))
        {
            throw new ArgumentOutOfRangeException(nameof(beta), beta, "beta must be a positive number.");
        }

        return Averaged(average, c => c.FBeta(beta), (tp, predicted, actual, _) =>
        {
            var b2 = beta * beta;
            var precision = Ratio(tp, predicted);
            var recall = Ratio(tp, actual);
            var denominator = (b2 * precision) + recall;
            return denominator == 0 ? 0 : (1 + b2) * precision * recall / denominator;
        });
    }

    /// <summary>F1, averaged over present classes.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="average"/> is not a <see cref="ClassAverage"/>.</exception>
    public double F1(ClassAverage average) => FBeta(1, average);

    /// <summary>
    /// The multi-class G-mean, imbalanced-learn's default <c>geometric_mean_score</c>: the geometric mean of
    /// the recalls of the present classes, a recall of 0 replaced by <paramref name="correction"/> (so one
    /// class never found gives 0 unless corrected).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="correction"/> is negative or not finite.</exception>
    public double GeometricMean(double correction = 0.0)
    {
        if (!(correction >= 0) || !double.IsFinite(correction))
        {
            throw new ArgumentOutOfRangeException(nameof(correction), correction, "The correction must be a finite, non-negative number.");
        }

        // scipy's gmean: exp(mean(log(recalls))); log 0 = −∞ gives 0.
        var logs = new double[_presentClasses.Length];
        for (var i = 0; i < logs.Length; i++)
        {
            var c = _presentClasses[i];
            var recall = Ratio(_cells[(c * ClassCount) + c], _actualTotals[c]);
            logs[i] = Math.Log(recall == 0 ? correction : recall);
        }

        return logs.Length == 0 ? 0 : Math.Exp(NumpyReduce.Mean(logs));
    }

    /// <summary>
    /// imbalanced-learn's <c>geometric_mean_score</c> with an <c>average</c>: √(averaged sensitivity ·
    /// averaged specificity) — not the average of per-class G-means (that is the report's "avg" line).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="average"/> is not a <see cref="ClassAverage"/>.</exception>
    public double AverageGeometricMean(ClassAverage average) => Math.Sqrt(Recall(average) * Specificity(average));

    /// <summary>
    /// imbalanced-learn's index of balanced accuracy of the averaged G-mean:
    /// (1 + α·(averaged sensitivity − averaged specificity)) · <see cref="AverageGeometricMean"/>².
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="average"/> is not a <see cref="ClassAverage"/>, or <paramref name="alpha"/> is not finite.</exception>
    public double AverageIndexBalancedAccuracy(ClassAverage average, double alpha = 0.1)
    {
        if (!double.IsFinite(alpha))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must be a finite number.");
        }

        var gmean = AverageGeometricMean(average);
        return (1.0 + (alpha * (Recall(average) - Specificity(average)))) * (gmean * gmean);
    }

    /// <summary>The matrix as a table: one line per actual class, one column per predicted class.</summary>
    public override string ToString()
    {
        var cells = Enumerable.Range(0, ClassCount * ClassCount).Select(i => _cells[i].ToString("0.##", CultureInfo.InvariantCulture)).ToArray();
        var width = Math.Max(Math.Max(cells.Max(s => s.Length), ClassCount.ToString(CultureInfo.InvariantCulture).Length), 3) + 2;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{"actual \\ predicted",-18}");
        for (var j = 0; j < ClassCount; j++)
        {
            text.Append(j.ToString(CultureInfo.InvariantCulture).PadLeft(width));
        }

        for (var i = 0; i < ClassCount; i++)
        {
            text.Append('\n').Append(CultureInfo.InvariantCulture, $"{i,-18}");
            for (var j = 0; j < ClassCount; j++)
            {
                text.Append(cells[(i * ClassCount) + j].PadLeft(width));
            }
        }

        return text.ToString();
    }

    /// <summary>The matrix of actual against predicted class indices; K is one more than the largest label.</summary>
    /// <exception cref="ArgumentException">The data is empty, lengths differ, a label is negative, or a weight is negative or not finite.</exception>
    public static ConfusionMatrix Create(ReadOnlySpan<int> actual, ReadOnlySpan<int> predicted, ReadOnlySpan<double> weights = default)
    {
        var largest = -1;
        foreach (var label in actual)
        {
            largest = Math.Max(largest, label);
        }

        foreach (var label in predicted)
        {
            largest = Math.Max(largest, label);
        }

        return Create(actual, predicted, largest + 1, weights);
    }

    /// <summary>The matrix of actual against predicted class indices 0 … <paramref name="classCount"/> − 1.</summary>
    /// <exception cref="ArgumentException">The data is empty, lengths differ, a label is outside 0 … K−1, or a weight is negative or not finite.</exception>
    public static ConfusionMatrix Create(ReadOnlySpan<int> actual, ReadOnlySpan<int> predicted, int classCount, ReadOnlySpan<double> weights = default)
    {
        if (actual.Length != predicted.Length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{actual.Length} actual labels but {predicted.Length} predicted."), nameof(predicted));
        }

        if (actual.IsEmpty)
        {
            throw new ArgumentException("A confusion matrix needs at least one row; the labels are empty.", nameof(actual));
        }

        if (!weights.IsEmpty && weights.Length != actual.Length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{weights.Length} weights for {actual.Length} rows."), nameof(weights));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        var k = classCount;
        var cells = new double[k * k];
        var actualTotals = new double[k];
        var predictedTotals = new double[k];
        var present = new bool[k];
        var correct = new double[actual.Length];
        double total = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            var a = CheckLabel(actual[i], k, i, nameof(actual));
            var p = CheckLabel(predicted[i], k, i, nameof(predicted));
            var weight = 1.0;
            if (!weights.IsEmpty)
            {
                weight = weights[i];
                if (!(weight >= 0) || !double.IsFinite(weight))
                {
                    throw new ArgumentException(
                        string.Create(CultureInfo.InvariantCulture, $"Row {i}: weight {weight} must be a finite, non-negative number."), nameof(weights));
                }
            }

            // Each total in row order, as NumPy's bincount and Python's sum add them.
            cells[(a * k) + p] += weight;
            actualTotals[a] += weight;
            predictedTotals[p] += weight;
            present[a] = present[p] = true;
            correct[i] = a == p ? weight : 0;
            total += weight;
        }

        // accuracy_score: np.average(y_true == y_pred, weights) sums row by row.
        var accuracy = weights.IsEmpty ? NumpyReduce.Sum(correct) / actual.Length : Ratio(NumpyReduce.Sum(correct), NumpyReduce.Sum(weights));
        return new ConfusionMatrix(k, cells, actualTotals, predictedTotals, present, total, accuracy);
    }

    /// <summary>
    /// The 2×2 matrix of a binary decision: class 0 negative, class 1 positive. Without the rows, a class counts
    /// as present when any count involving it (actual or predicted) is above 0.
    /// </summary>
    public static ConfusionMatrix FromBinary(BinaryConfusion confusion)
    {
        double tn = confusion.TrueNegatives, fp = confusion.FalsePositives, fn = confusion.FalseNegatives, tp = confusion.TruePositives;
        foreach (var count in (ReadOnlySpan<double>)[tn, fp, fn, tp])
        {
            if (!(count >= 0) || !double.IsFinite(count))
            {
                throw new ArgumentException("Every count of the confusion must be a finite, non-negative number.", nameof(confusion));
            }
        }

        bool[] present = [tn + fp + fn > 0, tp + fp + fn > 0];
        return new ConfusionMatrix(2, [tn, fp, fn, tp], [tn + fp, fn + tp], [tn + fn, fp + tp], present, confusion.Total, confusion.Accuracy);
    }

    private double Averaged(
        ClassAverage average, Func<BinaryConfusion, double> perClass, Func<double, double, double, double, double> pooled)
    {
        switch (average)
        {
            case ClassAverage.Macro:
                return _presentClasses.Length == 0 ? 0 : NumpyReduce.Mean(_presentClasses.Select(c => perClass(ForClass(c))).ToArray());
            case ClassAverage.Weighted:
                var support = _presentClasses.Select(c => _actualTotals[c]).ToArray();
                return NumpyReduce.Sum(support) == 0 ? 0 : NumpyReduce.WeightedAverage(_presentClasses.Select(c => perClass(ForClass(c))).ToArray(), support);
            case ClassAverage.Micro:
                var tp = NumpyReduce.Sum(_presentClasses.Select(c => _cells[(c * ClassCount) + c]).ToArray());
                var predicted = NumpyReduce.Sum(_presentClasses.Select(c => _predictedTotals[c]).ToArray());
                var actual = NumpyReduce.Sum(_presentClasses.Select(c => _actualTotals[c]).ToArray());
                var tn = NumpyReduce.Sum(_presentClasses.Select(c => ForClass(c).TrueNegatives).ToArray());
                return pooled(tp, predicted, actual, tn);
            default:
                throw new ArgumentOutOfRangeException(nameof(average), average, "Unknown average.");
        }
    }

    // The row and column sums of the present classes' sub-matrix, as np.sum(C, axis=1) and np.sum(C, axis=0).
    private (double[] Actual, double[] Predicted) MatrixTotals()
    {
        var k = _presentClasses.Length;
        var actual = new double[k];
        var predicted = new double[k];
        var row = new double[k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                row[j] = _cells[(_presentClasses[i] * ClassCount) + _presentClasses[j]];
                predicted[j] += row[j];
            }

            actual[i] = NumpyReduce.Sum(row);
        }

        return (actual, predicted);
    }

    private void CheckClass(int classIndex, string parameter)
    {
        if ((uint)classIndex >= (uint)ClassCount)
        {
            throw new ArgumentOutOfRangeException(
                parameter, classIndex, string.Create(CultureInfo.InvariantCulture, $"Classes are 0 to {ClassCount - 1}."));
        }
    }

    private static int CheckLabel(int label, int classCount, int row, string parameter)
    {
        if ((uint)label >= (uint)classCount)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Row {row}: class {label} is not one of 0 to {classCount - 1}."), parameter);
        }

        return label;
    }

    private static double Ratio(double numerator, double denominator) => denominator == 0 ? 0 : numerator / denominator;
}
