namespace ImbalanceGuard.Models;

/// <summary>
/// A fitted logistic regression. With two classes the probability of the second is σ(w·x + b); with more,
/// the softmax of one linear function per class. Classes without training rows get probability 0.
/// </summary>
public sealed class LogisticRegressionModel : IProbabilisticClassifier
{
    private readonly double[][] _coefficients;
    private readonly double[] _intercepts;
    private readonly int[] _classes;

    internal LogisticRegressionModel(double[][] coefficients, double[] intercepts, int[] classes, int classCount, int iterations, bool converged)
    {
        _coefficients = coefficients;
        _intercepts = intercepts;
        _classes = classes;
        ClassCount = classCount;
        FeatureCount = coefficients[0].Length;
        Iterations = iterations;
        Converged = converged;
        Coefficients = Array.AsReadOnly(coefficients.Select(c => (IReadOnlyList<double>)Array.AsReadOnly(c)).ToArray());
        Intercepts = Array.AsReadOnly(intercepts);
        Classes = Array.AsReadOnly(classes);
    }

    /// <inheritdoc/>
    public int ClassCount { get; }

    /// <summary>The number of features of a row.</summary>
    public int FeatureCount { get; }

    /// <summary>
    /// The coefficients (scikit-learn's <c>coef_</c>): one row for two classes (of the second of
    /// <see cref="Classes"/>), else one row per class of <see cref="Classes"/>.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<double>> Coefficients { get; }

    /// <summary>The intercepts (scikit-learn's <c>intercept_</c>), one per row of <see cref="Coefficients"/>.</summary>
    public IReadOnlyList<double> Intercepts { get; }

    /// <summary>The schema's class indices the model tells apart (the classes with training weight), ascending.</summary>
    public IReadOnlyList<int> Classes { get; }

    /// <summary>The L-BFGS iterations the fit took (scikit-learn's <c>n_iter_</c>).</summary>
    public int Iterations { get; }

    /// <summary>Whether the fit met its tolerance before <c>max_iter</c>.</summary>
    public bool Converged { get; }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The row or the output has the wrong length.</exception>
    public void PredictProbabilities(ReadOnlySpan<double> features, Span<double> probabilities)
    {
        DecisionTreeModel.CheckLengths(features.Length, probabilities.Length, FeatureCount, ClassCount);
        probabilities.Clear();
        if (_coefficients.Length == 1)
        {
            var p = LogisticObjective.Sigmoid(Linear(0, features));
            probabilities[_classes[0]] = 1 - p;
            probabilities[_classes[1]] = p;
            return;
        }

        Span<double> z = stackalloc double[_coefficients.Length];
        var max = double.NegativeInfinity;
        for (var o = 0; o < z.Length; o++)
        {
            z[o] = Linear(o, features);
            max = Math.Max(max, z[o]);
        }

        if (double.IsInfinity(max))
        {
            // A linear function overflowed (a row far outside the training range, or an extreme coefficient): the
            // softmax's limit shares the probability among the classes at the maximum; exp(∞ − ∞) would be NaN.
            var top = 0;
            foreach (var value in z)
            {
                top += value == max ? 1 : 0;
            }

            for (var o = 0; o < z.Length; o++)
            {
                probabilities[_classes[o]] = z[o] == max ? 1.0 / top : 0;
            }

            return;
        }

        var sum = 0.0;
        for (var o = 0; o < z.Length; o++)
        {
            z[o] = Math.Exp(z[o] - max);
            sum += z[o];
        }

        for (var o = 0; o < z.Length; o++)
        {
            probabilities[_classes[o]] = z[o] / sum;
        }
    }

    private double Linear(int output, ReadOnlySpan<double> features)
    {
        var w = _coefficients[output];
        var sum = _intercepts[output];
        for (var f = 0; f < w.Length; f++)
        {
            sum += w[f] * features[f];
        }

        return double.IsNaN(sum) ? ScaledLinear(w, _intercepts[output], features) : sum;
    }

    /// <summary>
    /// w·x + b when the plain sum came out NaN although the row may hold only finite values: terms that overflow
    /// to +∞ and −∞ cancel into NaN. Summed scaled down by a power of two (exact), the result has the true sign and
    /// overflows, if it does, to the one infinity it tends to. A NaN or infinite value of the row stays NaN.
    /// </summary>
    private static double ScaledLinear(double[] w, double intercept, ReadOnlySpan<double> features)
    {
        var exponent = intercept == 0 ? 0 : Math.ILogB(intercept);
        for (var f = 0; f < w.Length; f++)
        {
            if (!double.IsFinite(features[f]))
            {
                return double.NaN;
            }

            if (w[f] != 0 && features[f] != 0)
            {
                exponent = Math.Max(exponent, Math.ILogB(w[f]) + Math.ILogB(features[f]));
            }
        }

        // Every term is now below 2^902, so the sum of any realistic number of them is finite.
        var shift = exponent - 900;
        var sum = Math.ScaleB(intercept, -shift);
        for (var f = 0; f < w.Length; f++)
        {
            sum += Math.ScaleB(w[f], -shift) * features[f];
        }

        return Math.ScaleB(sum, shift);
    }
}
