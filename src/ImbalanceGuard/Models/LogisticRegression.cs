using System.Globalization;
using ImbalanceGuard.Optimization;

namespace ImbalanceGuard.Models;

/// <summary>
/// L2-penalised logistic regression (scikit-learn's <c>LogisticRegression</c> with the <c>lbfgs</c> solver):
/// minimises Σ wᵢ·lossᵢ + ‖W‖²/(2C) over coefficients W and unpenalised intercepts with L-BFGS. Two classes
/// give one coefficient vector (the logit of the second class); more give one per class under the softmax
/// (scikit-learn's multinomial). The loss is the log-loss, or the <see cref="Models.FocalLoss"/> when set.
/// Row weights are honoured. Scale the features first (the penalty and the solver assume comparable scales).
/// </summary>
public sealed class LogisticRegression : IClassifierTrainer
{
    private readonly double _c = 1.0;
    private readonly double _tolerance = 1e-4;
    private readonly int _maxIterations = 100;

    /// <summary>The inverse strength of the L2 penalty (scikit-learn's <c>C</c>). Default 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive and finite.</exception>
    public double C
    {
        get => _c;
        init => _c = ModelChecks.Positive(value, "C", nameof(C));
    }

    /// <summary>Whether to fit intercepts (scikit-learn's <c>fit_intercept</c>). Default true.</summary>
    public bool FitIntercept { get; init; } = true;

    /// <summary>
    /// Stop when the largest component of the gradient (of the loss averaged over the row weights) is at
    /// most this (scikit-learn's <c>tol</c>). Default 1e-4.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive and finite.</exception>
    public double Tolerance
    {
        get => _tolerance;
        init => _tolerance = ModelChecks.Positive(value, "tol", nameof(Tolerance));
    }

    /// <summary>The most L-BFGS iterations (scikit-learn's <c>max_iter</c>). Default 100.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int MaxIterations
    {
        get => _maxIterations;
        init => _maxIterations = ModelChecks.AtLeast(value, 1, "max_iter", nameof(MaxIterations));
    }

    /// <summary>The focal loss to minimise instead of the log-loss; null for the log-loss. Default null.</summary>
    public FocalLoss? FocalLoss { get; init; }

    /// <summary>Fits the model on <paramref name="training"/>, honouring its row weights.</summary>
    /// <exception cref="ArgumentException">
    /// Fewer than two classes have rows of positive weight, a value is not finite, a weight is negative, or the
    /// focal loss's alpha is set for more than two classes.
    /// </exception>
    public LogisticRegressionModel Fit(TrainingSet training)
    {
        ArgumentNullException.ThrowIfNull(training);
        var table = training.Table;
        var d = table.FeatureCount;
        ModelChecks.Finite(table.Features, Math.Max(d, 1), nameof(training));
        var n = table.RowCount;
        var weights = new double[n];
        var classWeight = new double[table.Schema.ClassCount];
        for (var i = 0; i < n; i++)
        {
            var w = table.Weights?[i] ?? 1.0;
            if (!double.IsFinite(w) || w < 0)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Row {i} has weight {w}; weights must be finite and non-negative."),
                    nameof(training));
            }

            weights[i] = w;
            classWeight[table.Labels[i]] += w;
        }

        // The classes the model can tell apart are those with weight; the others get probability 0.
        var present = Enumerable.Range(0, classWeight.Length).Where(c => classWeight[c] > 0).ToArray();
        if (present.Length < 2)
        {
            throw new ArgumentException(
                $"Logistic regression needs rows of at least two classes with positive weight; there {(present.Length == 1 ? "is one class" : "are none")}.",
                nameof(training));
        }

        var outputOf = new int[classWeight.Length];
        Array.Fill(outputOf, -1);
        for (var o = 0; o < present.Length; o++)
        {
            outputOf[present[o]] = o;
        }

        var targets = new int[n];
        for (var i = 0; i < n; i++)
        {
            targets[i] = Math.Max(0, outputOf[table.Labels[i]]);
        }

        var outputs = present.Length == 2 ? 1 : present.Length;
        var objective = new LogisticObjective(table.Features, targets, weights, d, outputs, FitIntercept, C, FocalLoss);
        var result = Lbfgs.Minimize(objective.Evaluate, new double[objective.ParameterCount], Tolerance, MaxIterations);
        var coefficients = new double[outputs][];
        var intercepts = new double[outputs];
        for (var o = 0; o < outputs; o++)
        {
            coefficients[o] = result.Point.AsSpan(o * objective.Stride, d).ToArray();
            intercepts[o] = FitIntercept ? result.Point[(o * objective.Stride) + d] : 0.0;
        }

        return new LogisticRegressionModel(coefficients, intercepts, present, table.Schema.ClassCount, result.Iterations, result.Converged);
    }

    IProbabilisticClassifier IClassifierTrainer.Fit(TrainingSet training) => Fit(training);
}
