using ImbalanceGuard.Evaluation;

namespace ImbalanceGuard.Tests.Evaluation;

public class ConfusionMatrixTests
{
    [Fact]
    public void Cells_totals_and_one_vs_rest_counts()
    {
        var matrix = ConfusionMatrix.Create([0, 0, 1, 2, 2, 2], [0, 1, 1, 2, 0, 2], [1.0, 2, 1, 1, 0.5, 1]);
        Assert.Equal(3, matrix.ClassCount);
        Assert.Equal(2, matrix[0, 1]);
        Assert.Equal(0.5, matrix[2, 0]);
        Assert.Equal(6.5, matrix.Total);
        Assert.Equal(3, matrix.Support(0));
        Assert.Equal(1.5, matrix.PredictedTotal(0));
        Assert.Equal(new BinaryConfusion(TrueNegatives: 3, FalsePositives: 0.5, FalseNegatives: 2, TruePositives: 1), matrix.ForClass(0));
        Assert.Equal(4 / 6.5, matrix.Accuracy, 15);
        Assert.Equal(3 / 6.5, matrix.MajorityBaselineAccuracy, 15);
        Assert.Contains("actual \\ predicted", matrix.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A class neither actual nor predicted is not averaged over (scikit-learn's labels=None); its cells stay, all 0.</summary>
    [Fact]
    public void Absent_classes_do_not_count_in_averages()
    {
        var three = ConfusionMatrix.Create([0, 0, 1, 1], [0, 1, 1, 1]);
        var five = ConfusionMatrix.Create([0, 0, 1, 1], [0, 1, 1, 1], classCount: 5);
        Assert.Equal([0, 1], five.PresentClasses);
        Assert.False(five.IsPresent(4));
        foreach (var average in new[] { ClassAverage.Macro, ClassAverage.Weighted, ClassAverage.Micro })
        {
            Assert.Equal(three.Precision(average), five.Precision(average));
            Assert.Equal(three.Recall(average), five.Recall(average));
            Assert.Equal(three.F1(average), five.F1(average));
            Assert.Equal(three.Specificity(average), five.Specificity(average));
        }

        Assert.Equal(three.GeometricMean(), five.GeometricMean());
        Assert.Equal(three.MatthewsCorrelation, five.MatthewsCorrelation);
        Assert.Equal(three.CohenKappa, five.CohenKappa);
        Assert.Equal(three.BalancedAccuracy, five.BalancedAccuracy);
    }

    [Fact]
    public void Zero_divisions_give_0()
    {
        // Class 2 is predicted but never actual; class 1 is actual but never predicted.
        var matrix = ConfusionMatrix.Create([0, 0, 1, 1], [0, 2, 0, 0]);
        Assert.Equal(0, matrix.ForClass(1).Precision);
        Assert.Equal(0, matrix.ForClass(2).Recall);
        Assert.Equal(0, matrix.ForClass(1).F1);
        Assert.Equal(0, matrix.GeometricMean());
        Assert.True(matrix.GeometricMean(0.01) > 0);
        // Balanced accuracy skips classes without actual rows (scikit-learn drops their NaN recall).
        Assert.Equal(0.25, matrix.BalancedAccuracy);
    }

    /// <summary>One class everywhere: MCC 0 (scikit-learn too), kappa 0 (scikit-learn: NaN), balanced accuracy 1.</summary>
    [Fact]
    public void A_single_class_gives_the_documented_values()
    {
        var matrix = ConfusionMatrix.Create([1, 1, 1], [1, 1, 1]);
        Assert.Equal(0, matrix.MatthewsCorrelation);
        Assert.Equal(0, matrix.CohenKappa);
        Assert.Equal(1, matrix.BalancedAccuracy);
        Assert.Equal(1, matrix.Accuracy);
        Assert.Equal(1, matrix.GeometricMean());
        Assert.Equal(1, matrix.Precision(ClassAverage.Macro));
    }

    [Fact]
    public void All_weights_zero_gives_zeros_not_NaN()
    {
        var matrix = ConfusionMatrix.Create([0, 1], [0, 1], [0.0, 0]);
        Assert.Equal(0, matrix.Accuracy);
        Assert.Equal(0, matrix.Precision(ClassAverage.Weighted));
        Assert.Equal(0, matrix.Recall(ClassAverage.Macro));
        Assert.Equal(0, matrix.MatthewsCorrelation);
        Assert.Equal(0, matrix.CohenKappa);
        Assert.Equal(0, matrix.BalancedAccuracy);
    }

    [Fact]
    public void Bad_input_is_refused_with_a_clear_message()
    {
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => ConfusionMatrix.Create([], [])).Message, StringComparison.Ordinal);
        Assert.Contains("3 actual labels but 2 predicted", Assert.Throws<ArgumentException>(() => ConfusionMatrix.Create([0, 1, 1], [0, 1])).Message, StringComparison.Ordinal);
        Assert.Contains("Row 1: class -1", Assert.Throws<ArgumentException>(() => ConfusionMatrix.Create([0, -1], [0, 1])).Message, StringComparison.Ordinal);
        Assert.Contains("Row 0: class 3 is not one of 0 to 2", Assert.Throws<ArgumentException>(() => ConfusionMatrix.Create([3, 1], [0, 1], classCount: 3)).Message, StringComparison.Ordinal);
        Assert.Contains("weight", Assert.Throws<ArgumentException>(() => ConfusionMatrix.Create([0, 1], [0, 1], [1.0, double.NaN])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ConfusionMatrix.Create([0, 1], [0, 1], [1.0]));
        Assert.Throws<ArgumentException>(() => ConfusionMatrix.FromBinary(new BinaryConfusion(-1, 0, 0, 1)));
        var matrix = ConfusionMatrix.Create([0, 1], [0, 1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => matrix[2, 0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => matrix.ForClass(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => matrix.Precision((ClassAverage)7));
        Assert.Throws<ArgumentOutOfRangeException>(() => matrix.FBeta(-1, ClassAverage.Macro));
        Assert.Throws<ArgumentOutOfRangeException>(() => matrix.GeometricMean(-0.1));
    }

    [Fact]
    public void One_vs_rest_auc_names_a_missing_class_and_refuses_bad_probabilities()
    {
        double[] probabilities = [0.7, 0.2, 0.1, 0.1, 0.8, 0.1, 0.2, 0.2, 0.6];
        var missing = Assert.Throws<ArgumentException>(() => OneVsRestRocAuc.Of([0, 1, 1], probabilities, 3));
        Assert.Contains("class 2 has no rows", missing.Message, StringComparison.Ordinal);
        var weightless = Assert.Throws<ArgumentException>(() => OneVsRestRocAuc.Of([0, 1, 2], probabilities, 3, [1.0, 1, 0]));
        Assert.Contains("class 2", weightless.Message, StringComparison.Ordinal);
        Assert.Contains("sum to", Assert.Throws<ArgumentException>(() => OneVsRestRocAuc.Of([0, 1, 2], [0.7, 0.2, 0.2, 0.1, 0.8, 0.1, 0.2, 0.2, 0.6], 3)).Message, StringComparison.Ordinal);
        Assert.Contains("not in [0, 1]", Assert.Throws<ArgumentException>(() => OneVsRestRocAuc.Of([0, 1, 2], [1.2, -0.2, 0, 0.1, 0.8, 0.1, 0.2, 0.2, 0.6], 3)).Message, StringComparison.Ordinal);
        Assert.Contains("row-major", Assert.Throws<ArgumentException>(() => OneVsRestRocAuc.Of([0, 1, 2], probabilities.AsSpan(0, 8), 3)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => OneVsRestRocAuc.Of([0, 1, 5], probabilities, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => OneVsRestRocAuc.Of([0], [1.0], 1));

        var auc = OneVsRestRocAuc.Of([0, 1, 2], probabilities, 3);
        Assert.Equal([1.0, 1, 1], auc.PerClass);
        Assert.Equal(1.0, auc.Macro);
    }
}
