using Microsoft.ML;

namespace ImbalanceGuard.ML.Tests;

public class SplitTests
{
    private readonly MLContext _ml = new(seed: 1);

    [Fact]
    public void The_stratified_split_keeps_each_class_share_on_both_sides_and_every_column()
    {
        var data = MLData.Vector(_ml);

        var split = _ml.Data.StratifiedTrainTestSplit(data, testFraction: 0.25, seed: 7);

        var train = MLData.Column<bool>(split.TrainSet, "Label");
        var test = MLData.Column<bool>(split.TestSet, "Label");
        Assert.Equal(768, train.Length + test.Length);
        Assert.Equal(67, test.Count(l => l)); // 268 positives × 0.25
        Assert.Equal(125, test.Count(l => !l)); // 500 negatives × 0.25
        Assert.Empty(split.TrainRows.Intersect(split.TestRows));
        Assert.Equal(data.Schema.Select(c => c.Name), split.TestSet.Schema.Select(c => c.Name));
        var ids = MLData.Column<string>(data, "Id");
        Assert.Equal(split.TestRows.Select(r => ids[r]), MLData.Column<string>(split.TestSet, "Id"));
    }

    [Fact]
    public void The_same_seed_gives_the_same_split()
    {
        var first = _ml.Data.StratifiedTrainTestSplit(MLData.Vector(_ml), seed: 7);
        var second = _ml.Data.StratifiedTrainTestSplit(MLData.Vector(_ml), seed: 7);
        var other = _ml.Data.StratifiedTrainTestSplit(MLData.Vector(_ml), seed: 8);

        Assert.Equal(first.TestRows, second.TestRows);
        Assert.NotEqual(first.TestRows, other.TestRows);
    }

    [Fact]
    public void Stratified_folds_partition_the_rows_and_keep_the_class_share()
    {
        var folds = _ml.Data.StratifiedCrossValidationSplit(MLData.Vector(_ml), numberOfFolds: 4, seed: 2);

        Assert.Equal(4, folds.Count);
        Assert.Equal(Enumerable.Range(0, 768), folds.SelectMany(f => f.TestRows).Order());
        foreach (var fold in folds)
        {
            Assert.Equal(67, MLData.Column<bool>(fold.TestSet, "Label").Count(l => l)); // 268 / 4
            Assert.Equal(768, fold.TrainRows.Count + fold.TestRows.Count);
        }
    }
}
