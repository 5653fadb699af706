using System.Globalization;

namespace ImbalanceGuard.Models;

/// <summary>
/// The SAMME boosting loop (Zhu, Zou, Rosset and Hastie 2009) as scikit-learn's <c>AdaBoostClassifier</c> runs
/// it: row weights start as the training weights scaled to sum 1; each round fits the weak learner, takes its
/// weighted error ε on every row, gives it the weight α = ν·(log((1-ε)/ε) + log(K-1)), multiplies the weights
/// of the rows it got wrong by e^α and rescales. A perfect learner ends the boosting (with weight 1); one no
/// better than chance (ε ≥ 1 - 1/K) is dropped and ends it. The last round leaves the weights as they are.
/// RUSBoost differs only in the rows each round fits on, which a row selector chooses.
/// </summary>
internal static class SammeBoosting
{
    /// <param name="training">The rows to boost on.</param>
    /// <param name="trainer">The weak learner.</param>
    /// <param name="rounds">The most weak learners (<c>n_estimators</c>).</param>
    /// <param name="learningRate">ν (<c>learning_rate</c>).</param>
    /// <param name="seed">Seeds the weak learners (round r gets its own stream).</param>
    /// <param name="selectRows">The rows round r fits on (repeats allowed), or null for every row.</param>
    public static AdaBoostModel Run(
        TrainingSet training,
        IClassifierTrainer trainer,
        int rounds,
        double learningRate,
        long seed,
        Func<int, int[]>? selectRows)
    {
        ArgumentNullException.ThrowIfNull(training);
        var n = training.RowCount;
        var labels = training.Labels;
        var weights = new double[n];
        var classWeight = new double[training.ClassCount];
        for (var i = 0; i < n; i++)
        {
            var w = training.HasWeights ? training.Weights[i] : 1.0;
            if (!double.IsFinite(w) || w < 0)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Row {i} has weight {w}; weights must be finite and non-negative."),
                    nameof(training));
            }

            weights[i] = w;
            classWeight[labels[i]] += w;
        }

        var classes = Enumerable.Range(0, classWeight.Length).Where(c => classWeight[c] > 0).ToArray();
        if (classes.Length < 2)
        {
            throw new ArgumentException("Boosting needs rows of at least two classes with positive weight.", nameof(training));
        }

        Scale(weights, 1 / weights.Sum());
        var fitter = WeightedFitter.Create(training, trainer);
        var k = classes.Length;
        var allRows = selectRows is null ? Enumerable.Range(0, n).ToArray() : null;
        var estimators = new List<IProbabilisticClassifier>();
        var estimatorWeights = new List<double>();
        var errors = new List<double>();
        var roundRows = new List<int[]>();
        var incorrect = new bool[n];
        var scratch = new double[training.ClassCount];
        for (var round = 0; round < rounds; round++)
        {
            var rows = allRows ?? selectRows!(round);
            var model = fitter.Fit(rows, weights, TrainerSeeds.MemberSeed(seed, round));
            var wrong = 0.0;
            var total = 0.0;
            for (var i = 0; i < n; i++)
            {
                incorrect[i] = fitter.Predict(model, i, scratch) != labels[i];
                total += weights[i];
                wrong += incorrect[i] ? weights[i] : 0;
            }

            var error = wrong / total;
            if (error <= 0)
            {
                estimators.Add(model);
                estimatorWeights.Add(1.0);
                errors.Add(0.0);
                roundRows.Add(rows);
                break;
            }

            if (error >= 1.0 - (1.0 / k))
            {
                if (estimators.Count == 0)
                {
                    throw new ArgumentException(
                        string.Create(CultureInfo.InvariantCulture, $"The first weak learner is no better than chance (weighted error {error:G4} with {k} classes); boosting cannot start."),
                        nameof(training));
                }

                break;
            }

            var alpha = learningRate * (Math.Log((1.0 - error) / error) + Math.Log(k - 1.0));
            estimators.Add(model);
            estimatorWeights.Add(alpha);
            errors.Add(error);
            roundRows.Add(rows);
            if (round == rounds - 1)
            {
                break;
            }

            var factor = Math.Exp(alpha);
            for (var i = 0; i < n; i++)
            {
                if (incorrect[i] && weights[i] > 0)
                {
                    weights[i] *= factor;
                }
            }

            var sum = weights.Sum();
            if (!double.IsFinite(sum) || sum <= 0)
            {
                break;
            }

            Scale(weights, 1 / sum);
        }

        return new AdaBoostModel([.. estimators], [.. estimatorWeights], [.. errors], [.. roundRows], classes, training.ClassCount, training.FeatureCount);
    }

    private static void Scale(double[] values, double factor)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] *= factor;
        }
    }
}
