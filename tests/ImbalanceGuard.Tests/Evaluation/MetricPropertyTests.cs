using CsCheck;
using ImbalanceGuard.Evaluation;

namespace ImbalanceGuard.Tests.Evaluation;

/// <summary>
/// Invariants on small random data: row order does not matter, ranking metrics see only the order of scores,
/// ROC-AUC is the probability that a positive outscores a negative, and a weight of 2 is a duplicated row.
/// </summary>
public class MetricPropertyTests
{
    private const int Iterations = 300;
    private const double Tight = 1e-12;

    [Fact]
    public void Binary_metrics_do_not_depend_on_row_order()
        => RandomScores.Gen.Sample(
            r =>
            {
                var shuffled = r.Shuffled();
                foreach (var weighted in new[] { false, true })
                {
                    var a = weighted ? r.Weighted : r.Unweighted;
                    var b = weighted ? shuffled.Weighted : shuffled.Unweighted;
                    if (a.PositiveWeight + a.NegativeWeight > 0)
                    {
                        Close(BinaryMetrics.BrierScore(a), BinaryMetrics.BrierScore(b), "brier");
                        Close(BinaryMetrics.LogLoss(a), BinaryMetrics.LogLoss(b), "log loss");
                        SameCalibration(CalibrationCurve.Of(a, 5), CalibrationCurve.Of(b, 5));
                    }

                    for (var k = 1; k <= a.Count; k++)
                    {
                        Close(OperatingPoints.PrecisionAtK(a, k), OperatingPoints.PrecisionAtK(b, k), $"precision@{k}");
                    }

                    foreach (var threshold in r.Scores.Distinct())
                    {
                        Assert.Equal(BinaryConfusion.At(a, threshold), BinaryConfusion.At(b, threshold));
                    }

                    if (a.PositiveWeight == 0 || a.NegativeWeight == 0)
                    {
                        continue;
                    }

                    SameRoc(RocCurve.Of(a), RocCurve.Of(b));
                    SamePrecisionRecall(PrecisionRecallCurve.Of(a), PrecisionRecallCurve.Of(b));
                    Assert.Equal(BinaryMetrics.RocAuc(a), BinaryMetrics.RocAuc(b));
                    Assert.Equal(BinaryMetrics.AveragePrecision(a), BinaryMetrics.AveragePrecision(b));
                    Assert.Equal(OperatingPoints.RecallAtPrecision(a, 0.5), OperatingPoints.RecallAtPrecision(b, 0.5));
                    Assert.Equal(OperatingPoints.PrecisionAtRecall(a, 0.5), OperatingPoints.PrecisionAtRecall(b, 0.5));
                }
            },
            iter: Iterations,
            threads: 1);

    [Fact]
    public void Ranking_metrics_are_unchanged_by_strictly_increasing_transforms()
        => RandomScores.Gen.Sample(
            r =>
            {
                Func<double, double>[] transforms = [s => Math.Exp(3 * s) - 7, s => s * s * s, s => 1 / (1 + Math.Exp(-10 * (s - 0.5))), s => (1000 * s) + 5];
                foreach (var weighted in new[] { false, true })
                {
                    if (!r.HasBothClasses(weighted))
                    {
                        continue;
                    }

                    var data = weighted ? r.Weighted : r.Unweighted;
                    foreach (var transform in transforms)
                    {
                        var moved = weighted
                            ? BinaryScores.Create(r.Labels, [.. r.Scores.Select(transform)], r.Weights)
                            : BinaryScores.Create(r.Labels, [.. r.Scores.Select(transform)]);
                        Assert.Equal(BinaryMetrics.RocAuc(data), BinaryMetrics.RocAuc(moved));
                        Assert.Equal(BinaryMetrics.AveragePrecision(data), BinaryMetrics.AveragePrecision(moved));
                        Assert.Equal(RocCurve.Of(data).TruePositiveRates, RocCurve.Of(moved).TruePositiveRates);
                        Assert.Equal(PrecisionRecallCurve.Of(data).Precision, PrecisionRecallCurve.Of(moved).Precision);
                    }
                }
            },
            iter: Iterations,
            threads: 1);

    [Fact]
    public void Roc_auc_is_the_chance_a_positive_outscores_a_negative_ties_counting_half()
        => RandomScores.Gen.Sample(
            r =>
            {
                foreach (var weighted in new[] { false, true })
                {
                    if (!r.HasBothClasses(weighted))
                    {
                        continue;
                    }

                    var data = weighted ? r.Weighted : r.Unweighted;
                    double wins = 0, pairs = 0;
                    for (var i = 0; i < data.Count; i++)
                    {
                        for (var j = 0; j < data.Count; j++)
                        {
                            if (data.IsPositive[i] && !data.IsPositive[j])
                            {
                                var pair = data.Weight(i) * data.Weight(j);
                                pairs += pair;
                                wins += data.Scores[i] > data.Scores[j] ? pair : data.Scores[i] == data.Scores[j] ? pair / 2 : 0;
                            }
                        }
                    }

                    Close(wins / pairs, BinaryMetrics.RocAuc(data), $"pairwise AUC of {r}");
                }
            },
            iter: Iterations,
            threads: 1);

    [Fact]
    public void A_binary_row_of_weight_2_is_that_row_twice()
        => RandomScores.Gen.Sample(
            r =>
            {
                var twice = r.Weights.Select(w => w >= 2).ToArray();
                var weighted = BinaryScores.Create(r.Labels, r.Scores, [.. twice.Select(t => t ? 2.0 : 1.0)]);
                var rows = Enumerable.Range(0, r.Labels.Length).SelectMany(i => twice[i] ? new[] { i, i } : [i]).ToArray();
                var duplicated = BinaryScores.Create([.. rows.Select(i => r.Labels[i])], [.. rows.Select(i => r.Scores[i])]);

                Close(BinaryMetrics.BrierScore(duplicated), BinaryMetrics.BrierScore(weighted), "brier");
                Close(BinaryMetrics.LogLoss(duplicated), BinaryMetrics.LogLoss(weighted), "log loss");
                SameCalibration(CalibrationCurve.Of(duplicated, 5), CalibrationCurve.Of(weighted, 5));
                foreach (var threshold in r.Scores.Distinct())
                {
                    Assert.Equal(BinaryConfusion.At(duplicated, threshold), BinaryConfusion.At(weighted, threshold));
                }

                if (!r.HasBothClasses(weighted: false))
                {
                    return;
                }

                SameRoc(RocCurve.Of(duplicated), RocCurve.Of(weighted));
                SamePrecisionRecall(PrecisionRecallCurve.Of(duplicated), PrecisionRecallCurve.Of(weighted));
                Close(BinaryMetrics.RocAuc(duplicated), BinaryMetrics.RocAuc(weighted), "roc auc");
                Close(BinaryMetrics.AveragePrecision(duplicated), BinaryMetrics.AveragePrecision(weighted), "ap");
                Assert.Equal(OperatingPoints.RecallAtPrecision(duplicated, 0.6), OperatingPoints.RecallAtPrecision(weighted, 0.6));
                Assert.Equal(OperatingPoints.PrecisionAtRecall(duplicated, 0.6), OperatingPoints.PrecisionAtRecall(weighted, 0.6));
            },
            iter: Iterations,
            threads: 1);

    [Fact]
    public void Multiclass_metrics_do_not_depend_on_row_order_and_weight_2_is_a_duplicate()
        => RandomClasses.Gen.Sample(
            r =>
            {
                var weighted = r.Matrix(r.Weights);
                Same(r.Shuffled().Matrix(r.Shuffled().Weights), weighted);
                Same(r.Duplicated().Matrix(null), weighted);
                if (r.EveryClassActual())
                {
                    var auc = OneVsRestRocAuc.Of(r.Actual, r.Probabilities, r.ClassCount, r.Weights);
                    var duplicated = r.Duplicated();
                    var expected = OneVsRestRocAuc.Of(duplicated.Actual, duplicated.Probabilities, r.ClassCount);
                    Close(expected.Macro, auc.Macro, "ovr macro");
                    Close(expected.Weighted, auc.Weighted, "ovr weighted");
                    Close(expected.Micro, auc.Micro, "ovr micro");
                }
            },
            iter: Iterations,
            threads: 1);

    private static void Same(ConfusionMatrix expected, ConfusionMatrix actual)
    {
        Assert.Equal(expected.PresentClasses, actual.PresentClasses);
        Close(expected.Accuracy, actual.Accuracy, "accuracy");
        Close(expected.BalancedAccuracy, actual.BalancedAccuracy, "balanced accuracy");
        Close(expected.MatthewsCorrelation, actual.MatthewsCorrelation, "mcc");
        Close(expected.CohenKappa, actual.CohenKappa, "kappa");
        Close(expected.GeometricMean(), actual.GeometricMean(), "gmean");
        Close(expected.GeometricMean(0.01), actual.GeometricMean(0.01), "gmean corrected");
        foreach (var average in new[] { ClassAverage.Macro, ClassAverage.Weighted, ClassAverage.Micro })
        {
            Close(expected.Precision(average), actual.Precision(average), $"precision {average}");
            Close(expected.Recall(average), actual.Recall(average), $"recall {average}");
            Close(expected.Specificity(average), actual.Specificity(average), $"specificity {average}");
            Close(expected.FBeta(2, average), actual.FBeta(2, average), $"f2 {average}");
            Close(expected.AverageGeometricMean(average), actual.AverageGeometricMean(average), $"gmean {average}");
            Close(expected.AverageIndexBalancedAccuracy(average), actual.AverageIndexBalancedAccuracy(average), $"iba {average}");
        }

        var a = ImbalancedClassificationReport.Of(expected);
        var b = ImbalancedClassificationReport.Of(actual);
        foreach (var (x, y) in a.Classes.Append(a.Average).Zip(b.Classes.Append(b.Average)))
        {
            Assert.Equal(x.Label, y.Label);
            Close(x.Specificity, y.Specificity, $"report spe {x.Label}");
            Close(x.GeometricMean, y.GeometricMean, $"report geo {x.Label}");
            Close(x.IndexBalancedAccuracy, y.IndexBalancedAccuracy, $"report iba {x.Label}");
            Close(x.F1, y.F1, $"report f1 {x.Label}");
            Close(x.Support, y.Support, $"report sup {x.Label}");
        }
    }

    private static void SameRoc(RocCurve expected, RocCurve actual)
    {
        Assert.Equal(expected.Thresholds, actual.Thresholds);
        Near(expected.FalsePositiveRates, actual.FalsePositiveRates, "fpr");
        Near(expected.TruePositiveRates, actual.TruePositiveRates, "tpr");
    }

    private static void SamePrecisionRecall(PrecisionRecallCurve expected, PrecisionRecallCurve actual)
    {
        Assert.Equal(expected.Thresholds, actual.Thresholds);
        Near(expected.Precision, actual.Precision, "precision");
        Near(expected.Recall, actual.Recall, "recall");
    }

    private static void SameCalibration(CalibrationCurve expected, CalibrationCurve actual)
    {
        Assert.Equal(expected.Bins, actual.Bins);
        Near(expected.FractionOfPositives, actual.FractionOfPositives, "fraction of positives");
        Near(expected.MeanPredicted, actual.MeanPredicted, "mean predicted");
    }

    private static void Near(IReadOnlyList<double> expected, IReadOnlyList<double> actual, string what)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Close(expected[i], actual[i], $"{what}[{i}]");
        }
    }

    private static void Close(double expected, double actual, string what)
        => Assert.True(Math.Abs(expected - actual) <= Tight, $"{what}: {expected:R} vs {actual:R}");
}
