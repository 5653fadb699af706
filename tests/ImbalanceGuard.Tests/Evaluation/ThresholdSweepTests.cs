using ImbalanceGuard.Evaluation;

namespace ImbalanceGuard.Tests.Evaluation;

public class ThresholdSweepTests
{
    [Fact]
    public void Thresholds_descend_with_running_counts()
    {
        var data = BinaryScores.Create([1, 0, 1, 0, 0], [0.9, 0.9, 0.4, 0.2, 0.4]);
        var sweep = data.Sweep;
        Assert.Equal([0.9, 0.4, 0.2], sweep.Thresholds);
        Assert.Equal([1.0, 2, 2], sweep.TruePositives);
        Assert.Equal([1.0, 2, 3], sweep.FalsePositives);
        Assert.Equal(new BinaryConfusion(1, 2, 0, 2), sweep.ConfusionAt(1));
        Assert.Equal(new BinaryConfusion(3, 0, 2, 0), sweep.NothingFlagged);
    }

    /// <summary>scikit-learn drops rows of weight 0 before building a curve: they must not add a threshold.</summary>
    [Fact]
    public void Rows_of_zero_weight_add_no_threshold()
    {
        var with = BinaryScores.Create([1, 0, 1, 0, 1], [0.9, 0.7, 0.5, 0.3, 0.1], [1.0, 0, 2, 1, 0]).Sweep;
        var without = BinaryScores.Create([1, 1, 0], [0.9, 0.5, 0.3], [1.0, 2, 1]).Sweep;
        Assert.Equal(without.Thresholds, with.Thresholds);
        Assert.Equal(without.TruePositives, with.TruePositives);
        Assert.Equal(without.FalsePositives, with.FalsePositives);
        Assert.Equal(3, with.Positives);
        Assert.Equal(1, with.Negatives);
    }

    /// <summary>The totals are the ends of the running sums, so curves end exactly at 1 even when weights round.</summary>
    [Fact]
    public void Totals_are_the_ends_of_the_running_sums()
    {
        var weights = new[] { 0.1, 0.7, 0.2, 0.3, 0.1, 0.6, 0.2, 0.9 };
        var data = BinaryScores.Create([1, 0, 1, 0, 1, 0, 1, 0], [0.3, 0.8, 0.5, 0.5, 0.9, 0.1, 0.5, 0.2], weights);
        var sweep = data.Sweep;
        Assert.Equal(sweep.TruePositives[^1], sweep.Positives);
        Assert.Equal(sweep.FalsePositives[^1], sweep.Negatives);
    }
}
