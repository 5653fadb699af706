namespace ImbalanceGuard.Tests.Splitting;

public class TimeSeriesSplitTests
{
    [Fact]
    public void Every_fold_trains_only_on_earlier_rows_and_validates_on_the_next_block()
    {
        var data = Dataset.FromRows([.. Enumerable.Range(0, 23).Select(i => new double[] { i })], [.. Enumerable.Range(0, 23).Select(i => i % 4 == 0 ? 1 : 0)]);
        var folds = new TimeSeriesSplit(folds: 4).Split(data).ToList();
        Assert.Equal(4, folds.Count);

        // scikit-learn's TimeSeriesSplit(n_splits=4) on 23 rows: test blocks of 4 after 7 initial rows.
        for (var k = 0; k < 4; k++)
        {
            var split = folds[k].Split;
            Assert.Equal(Enumerable.Range(0, 7 + (4 * k)), split.TrainingRows);
            Assert.Equal(Enumerable.Range(7 + (4 * k), 4), split.HoldoutRows);
            Assert.True(split.TrainingRows.Max() < split.HoldoutRows.Min());
        }
    }

    [Fact]
    public void A_gap_and_a_training_window_leave_rows_out()
    {
        var data = Dataset.FromRows([.. Enumerable.Range(0, 30).Select(i => new double[] { i })], [.. Enumerable.Range(0, 30).Select(i => i % 3 == 0 ? 1 : 0)]);
        var folds = new TimeSeriesSplit(folds: 3, maxTrainingRows: 5, gap: 2).Split(data).ToList();
        foreach (var fold in folds)
        {
            var split = fold.Split;
            Assert.True(split.TrainingRows.Count <= 5);
            Assert.Equal(2, split.HoldoutRows.Min() - split.TrainingRows.Max() - 1);
        }
    }

    [Fact]
    public void Too_few_rows_are_refused()
        => Assert.Throws<ArgumentException>(() => new TimeSeriesSplit(folds: 5).Split(Dataset.FromRows([[1.0], [2.0], [3.0]], [0, 1, 0])));
}
