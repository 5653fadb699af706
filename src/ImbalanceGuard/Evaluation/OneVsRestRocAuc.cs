using System.Globalization;

namespace ImbalanceGuard.Evaluation;

/// <summary>
/// Multi-class ROC-AUC, one class against the rest, from a matrix of class probabilities: scikit-learn
/// 1.2.1's <c>roc_auc_score(multi_class="ovr")</c> with its macro, weighted and micro averages.
/// </summary>
/// <remarks>
/// Every class must have rows (with weight) and so must the rest: the AUC of a class against nothing is
/// undefined, and scikit-learn refuses it too. Probabilities must lie in [0, 1] and each row must sum to 1
/// within NumPy's <c>allclose</c> tolerance (1e-8 + 1e-5 · sum).
/// </remarks>
public sealed class OneVsRestRocAuc
{
    private readonly double[] _perClass;
    private readonly double[] _support;
    private readonly Lazy<double> _micro;

    private OneVsRestRocAuc(double[] perClass, double[] support, Func<double> micro)
    {
        _perClass = perClass;
        _support = support;
        _micro = new Lazy<double>(micro);
    }

    /// <summary>The ROC-AUC of each class (its probability column) against all other classes.</summary>
    public IReadOnlyList<double> PerClass => _perClass;

    /// <summary>The rows (weight) of each class: the weights of <see cref="Weighted"/>.</summary>
    public IReadOnlyList<double> Support => _support;

    /// <summary>The mean of the per-class AUCs: every class counts the same.</summary>
    public double Macro => NumpyReduce.Mean(_perClass);

    /// <summary>The per-class AUCs weighted by class support.</summary>
    public double Weighted => NumpyReduce.WeightedAverage(_perClass, _support);

    /// <summary>The AUC of all (row, class) pairs pooled: each row's own class is positive, the others negative.</summary>
    public double Micro => _micro.Value;

    /// <summary>The AUC averaged the given way.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="average"/> is not a <see cref="ClassAverage"/>.</exception>
    public double Average(ClassAverage average) => average switch
    {
        ClassAverage.Macro => Macro,
        ClassAverage.Weighted => Weighted,
        ClassAverage.Micro => Micro,
        _ => throw new ArgumentOutOfRangeException(nameof(average), average, "Unknown average."),
    };

    /// <summary>
    /// The one-vs-rest AUCs of <paramref name="labels"/> (class indices) against <paramref name="probabilities"/>,
    /// row-major with <paramref name="classCount"/> columns (as <c>PredictProbabilities</c> returns them).
    /// </summary>
    /// <exception cref="ArgumentException">
    /// Lengths do not match, a label is outside 0 … K−1, a probability is outside [0, 1] or a row does not sum
    /// to 1, a weight is negative or not finite, or a class has no rows (with weight) — the message names it.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classCount"/> is less than 2.</exception>
    public static OneVsRestRocAuc Of(ReadOnlySpan<int> labels, ReadOnlySpan<double> probabilities, int classCount, ReadOnlySpan<double> weights = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        var n = labels.Length;
        var k = classCount;
        if ((long)n * k != probabilities.Length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{probabilities.Length} probabilities for {n} rows of {k} classes (expected {(long)n * k}, row-major)."),
                nameof(probabilities));
        }

        if (!weights.IsEmpty && weights.Length != n)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{weights.Length} weights for {n} rows."), nameof(weights));
        }

        var support = new double[k];
        for (var i = 0; i < n; i++)
        {
            if ((uint)labels[i] >= (uint)k)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Row {i}: class {labels[i]} is not one of 0 to {k - 1}."), nameof(labels));
            }

            var row = probabilities.Slice(i * k, k);
            foreach (var p in row)
            {
                if (!(p >= 0 && p <= 1))
                {
                    throw new ArgumentException(
                        string.Create(CultureInfo.InvariantCulture, $"Row {i}: probability {p} is not in [0, 1]."), nameof(probabilities));
                }
            }

            var sum = NumpyReduce.Sum(row);
            if (!(Math.Abs(1 - sum) <= 1e-8 + (1e-5 * Math.Abs(sum))))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Row {i}: the class probabilities sum to {sum}, not 1."), nameof(probabilities));
            }

            // np.sum(y_true * w, axis=0): row by row.
            support[labels[i]] += weights.IsEmpty ? 1 : weights[i];
        }

        var isClass = new bool[n];
        var column = new double[n];
        var perClass = new double[k];
        for (var c = 0; c < k; c++)
        {
            for (var i = 0; i < n; i++)
            {
                isClass[i] = labels[i] == c;
                column[i] = probabilities[(i * k) + c];
            }

            var data = BinaryScores.Create(isClass, column, weights);
            if (data.PositiveWeight == 0 || data.NegativeWeight == 0)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"One-vs-rest ROC-AUC needs every class and its rest: class {c} has {(data.PositiveWeight == 0 ? "no rows" : "all the rows")} (with weight)."),
                    nameof(labels));
            }

            perClass[c] = BinaryMetrics.RocAuc(data);
        }

        // The micro average ravels the n × K indicator matrix row by row, weights repeated per class.
        var labelCopy = labels.ToArray();
        var flat = probabilities.ToArray();
        var weightCopy = weights.ToArray();
        double Micro()
        {
            var positive = new bool[flat.Length];
            var flatWeights = weightCopy.Length == 0 ? [] : new double[flat.Length];
            for (var i = 0; i < labelCopy.Length; i++)
            {
                positive[(i * k) + labelCopy[i]] = true;
                for (var c = 0; c < k && weightCopy.Length > 0; c++)
                {
                    flatWeights[(i * k) + c] = weightCopy[i];
                }
            }

            return BinaryMetrics.RocAuc(BinaryScores.Create(positive, flat, flatWeights));
        }

        return new OneVsRestRocAuc(perClass, support, Micro);
    }
}
