using ImbalanceGuard.Evaluation;

namespace ImbalanceGuard.Tests.Evaluation;

/// <summary>The metrics of the decision "score ≥ 0.5" against scikit-learn 1.2.1 / imbalanced-learn 0.10.0.</summary>
public class BinaryConfusionParityTests
{
    public static TheoryData<string, string> Cases() => MetricsOracle.CaseNames();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_metric_at_0_5_matches_the_reference(string dataset, string caseName)
    {
        var oracle = MetricsOracle.Load(dataset, caseName);
        var at = oracle["at_0_5"];
        var confusion = BinaryConfusion.At(oracle.Data, 0.5);

        var expected = at.GetProperty("confusion").EnumerateArray().Select(MetricsOracle.Doubles).ToArray();
        Assert.Equal(expected[0][0], confusion.TrueNegatives);
        Assert.Equal(expected[0][1], confusion.FalsePositives);
        Assert.Equal(expected[1][0], confusion.FalseNegatives);
        Assert.Equal(expected[1][1], confusion.TruePositives);

        void Check(string name, double actual) => Near.Equal(at.GetProperty(name).GetDouble(), actual, $"{oracle} {name}");
        Check("accuracy", confusion.Accuracy);
        Check("precision", confusion.Precision);
        Check("recall", confusion.Recall);
        Check("sensitivity", confusion.Recall);
        Check("specificity", confusion.Specificity);
        Check("f1", confusion.F1);
        Check("f2", confusion.FBeta(2));
        Check("f0_5", confusion.FBeta(0.5));
        Check("mcc", confusion.MatthewsCorrelation);
        Check("balanced_accuracy", confusion.BalancedAccuracy);
        Check("geometric_mean", confusion.GeometricMean);
        Check("cohen_kappa", confusion.CohenKappa);
    }

    /// <summary>
    /// scikit-learn 1.2.1 computes F-beta from precision and recall; the form from the counts (used by later
    /// releases) differs in the last bits on most of these cases. This pins the 1.2.1 form.
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void F_beta_is_scikit_learn_1_2_1_to_the_bit(string dataset, string caseName)
    {
        var oracle = MetricsOracle.Load(dataset, caseName);
        var at = oracle["at_0_5"];
        var confusion = BinaryConfusion.At(oracle.Data, 0.5);
        Assert.Equal(at.GetProperty("f1").GetDouble(), confusion.F1);
        Assert.Equal(at.GetProperty("f2").GetDouble(), confusion.FBeta(2));
        Assert.Equal(at.GetProperty("f0_5").GetDouble(), confusion.FBeta(0.5));
    }

    [Fact]
    public void Zero_divisions_give_0()
    {
        var nothingFlagged = new BinaryConfusion(TrueNegatives: 5, FalsePositives: 0, FalseNegatives: 3, TruePositives: 0);
        Assert.Equal(0, nothingFlagged.Precision);
        Assert.Equal(0, nothingFlagged.F1);
        Assert.Equal(0, nothingFlagged.MatthewsCorrelation);
        Assert.Equal(0, nothingFlagged.CohenKappa);

        var noPositives = new BinaryConfusion(TrueNegatives: 5, FalsePositives: 2, FalseNegatives: 0, TruePositives: 0);
        Assert.Equal(0, noPositives.Recall);
        Assert.Equal(0, noPositives.GeometricMean);
        Assert.Equal(0, noPositives.IndexBalancedAccuracy());

        var empty = default(BinaryConfusion);
        Assert.Equal(0, empty.Accuracy);
        Assert.Equal(0, empty.BalancedAccuracy);
        Assert.Equal(0, empty.CohenKappa);
        Assert.Equal(0, empty.ExpectedCost(1, 5));
    }

    [Fact]
    public void Bad_beta_and_alpha_are_refused()
    {
        var confusion = new BinaryConfusion(5, 1, 1, 3);
        Assert.Throws<ArgumentOutOfRangeException>(() => confusion.FBeta(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => confusion.FBeta(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => confusion.IndexBalancedAccuracy(double.PositiveInfinity));
    }
}
