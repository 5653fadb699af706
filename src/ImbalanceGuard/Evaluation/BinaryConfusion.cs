namespace ImbalanceGuard.Evaluation;

/// <summary>
/// The four counts of a binary decision (weighted sums when rows carry weights) and every metric that
/// follows from them. A ratio whose denominator is zero is 0, as scikit-learn's <c>zero_division=0</c>:
/// precision when nothing is predicted positive, recall when there are no positives, and so on; MCC is 0
/// when a row or column of the matrix is empty.
/// </summary>
/// <param name="TrueNegatives">Negatives predicted negative.</param>
/// <param name="FalsePositives">Negatives predicted positive (false alarms).</param>
/// <param name="FalseNegatives">Positives predicted negative (misses).</param>
/// <param name="TruePositives">Positives predicted positive.</param>
public readonly record struct BinaryConfusion(double TrueNegatives, double FalsePositives, double FalseNegatives, double TruePositives)
{
    /// <summary>All rows.</summary>
    public double Total => TrueNegatives + FalsePositives + FalseNegatives + TruePositives;

    /// <summary>Rows that are positive.</summary>
    public double Positives => TruePositives + FalseNegatives;

    /// <summary>Rows that are negative.</summary>
    public double Negatives => TrueNegatives + FalsePositives;

    /// <summary>Rows predicted positive (flagged).</summary>
    public double PredictedPositives => TruePositives + FalsePositives;

    /// <summary>Rows predicted negative.</summary>
    public double PredictedNegatives => TrueNegatives + FalseNegatives;

    /// <summary>The share of right decisions. Meaningless alone under imbalance: compare with <see cref="MajorityBaselineAccuracy"/>.</summary>
    public double Accuracy => Ratio(TruePositives + TrueNegatives, Total);

    /// <summary>The accuracy of always predicting the larger class: what accuracy must beat to mean anything.</summary>
    public double MajorityBaselineAccuracy => Ratio(Math.Max(Positives, Negatives), Total);

    /// <summary>Of the rows flagged, the share that are positive: TP / (TP + FP).</summary>
    public double Precision => Ratio(TruePositives, PredictedPositives);

    /// <summary>Of the positives, the share flagged (sensitivity, true positive rate): TP / (TP + FN).</summary>
    public double Recall => Ratio(TruePositives, Positives);

    /// <summary>Of the negatives, the share left alone (true negative rate): TN / (TN + FP).</summary>
    public double Specificity => Ratio(TrueNegatives, Negatives);

    /// <summary>The false positive rate: FP / (FP + TN).</summary>
    public double FalsePositiveRate => Ratio(FalsePositives, Negatives);

    /// <summary>The harmonic mean of precision and recall.</summary>
    public double F1 => FBeta(1);

    /// <summary>The weighted harmonic mean of precision and recall; recall counts <paramref name="beta"/> times as much.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="beta"/> is not positive.</exception>
    public double FBeta(double beta)
    {
        if (!(beta > 0) || !double.IsFinite(beta))
        {
            throw new ArgumentOutOfRangeException(nameof(beta), beta, "beta must be a positive number.");
        }

        // scikit-learn 1.2.1's form, from precision and recall (not from the counts, which rounds
        // differently): (1 + β²)·P·R / (β²·P + R); 0 when that denominator is 0.
        var b2 = beta * beta;
        var precision = Precision;
        var recall = Recall;
        var denominator = (b2 * precision) + recall;
        return denominator == 0 ? 0 : (1 + b2) * precision * recall / denominator;
    }

    /// <summary>The Matthews correlation coefficient, in [-1, 1]; 0 for a constant prediction or a single class.</summary>
    public double MatthewsCorrelation
    {
        get
        {
            // scikit-learn's computation from the confusion matrix.
            var n = Total;
            var correct = TruePositives + TrueNegatives;
            var covariance = (correct * n) - ((Negatives * PredictedNegatives) + (Positives * PredictedPositives));
            var predictedSpread = (n * n) - ((PredictedNegatives * PredictedNegatives) + (PredictedPositives * PredictedPositives));
            var trueSpread = (n * n) - ((Negatives * Negatives) + (Positives * Positives));
            return predictedSpread * trueSpread == 0 ? 0 : covariance / Math.Sqrt(trueSpread * predictedSpread);
        }
    }

    /// <summary>The mean of recall and specificity.</summary>
    public double BalancedAccuracy => (Recall + Specificity) / 2;

    /// <summary>The geometric mean of recall and specificity (imbalanced-learn's <c>geometric_mean_score</c>).</summary>
    public double GeometricMean => Math.Sqrt(Recall * Specificity);

    /// <summary>
    /// The index of balanced accuracy (García et al. 2009), as imbalanced-learn computes it for the positive
    /// class: (1 + α·(recall − specificity)) · G-mean².
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is NaN or infinite.</exception>
    public double IndexBalancedAccuracy(double alpha = 0.1)
    {
        if (!double.IsFinite(alpha))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must be a finite number.");
        }

        // imbalanced-learn squares the G-mean first, then scales: (1 + α·dominance) · (G·G).
        var gmean = GeometricMean;
        return (1.0 + (alpha * (Recall - Specificity))) * (gmean * gmean);
    }

    /// <summary>Cohen's kappa: agreement beyond what the class shares alone would give.</summary>
    public double CohenKappa
    {
        get
        {
            var n = Total;
            if (n == 0)
            {
                return 0;
            }

            // 1 − observed disagreement / expected disagreement, as scikit-learn computes it.
            var expectedFalsePositives = Negatives * PredictedPositives / n;
            var expectedFalseNegatives = Positives * PredictedNegatives / n;
            var expected = expectedFalsePositives + expectedFalseNegatives;
            return expected == 0 ? 0 : 1 - ((FalsePositives + FalseNegatives) / expected);
        }
    }

    /// <summary>The mean cost per row when a false alarm costs <paramref name="falsePositiveCost"/> and a miss <paramref name="falseNegativeCost"/>.</summary>
    public double ExpectedCost(double falsePositiveCost, double falseNegativeCost)
        => Ratio((FalsePositives * falsePositiveCost) + (FalseNegatives * falseNegativeCost), Total);

    /// <summary>The counts when rows scoring at least <paramref name="threshold"/> are predicted positive.</summary>
    public static BinaryConfusion At(BinaryScores data, double threshold)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Count(data, threshold, default);
    }

    /// <summary>
    /// The counts when each row is predicted positive at its own threshold, <paramref name="thresholds"/> in row order
    /// (per-segment thresholds give each row its segment's).
    /// </summary>
    /// <exception cref="ArgumentException">There is not one threshold per row.</exception>
    public static BinaryConfusion At(BinaryScores data, ReadOnlySpan<double> thresholds)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (thresholds.Length != data.Count)
        {
            throw new ArgumentException(
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{thresholds.Length} thresholds for {data.Count} rows; give one per row."), nameof(thresholds));
        }

        return Count(data, double.NaN, thresholds);
    }

    /// <summary>The counts at <paramref name="threshold"/>, or at each row's entry of <paramref name="perRow"/> when it is not empty.</summary>
    private static BinaryConfusion Count(BinaryScores data, double threshold, ReadOnlySpan<double> perRow)
    {
        double tn = 0, fp = 0, fn = 0, tp = 0;
        var scores = data.Scores;
        var positive = data.IsPositive;
        for (var i = 0; i < scores.Length; i++)
        {
            var weight = data.Weight(i);
            var flagged = scores[i] >= (perRow.IsEmpty ? threshold : perRow[i]);
            if (positive[i])
            {
                if (flagged)
                {
                    tp += weight;
                }
                else
                {
                    fn += weight;
                }
            }
            else if (flagged)
            {
                fp += weight;
            }
            else
            {
                tn += weight;
            }
        }

        return new BinaryConfusion(tn, fp, fn, tp);
    }

    private static double Ratio(double numerator, double denominator) => denominator == 0 ? 0 : numerator / denominator;
}
