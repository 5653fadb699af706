using CsCheck;

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
    public void With_times_rows_are_ordered_by_time_and_equal_times_stay_in_one_fold()
        => Gen.Select(Gen.Int[20, 200], Gen.Int[1, 30], Gen.Int[2, 5], Gen.Int[0, 3], Gen.Int).Sample(
            (rows, distinctTimes, folds, gap, seed) =>
            {
                var random = new Random(seed);
                var times = Enumerable.Range(0, rows).Select(_ => (double)random.Next(distinctTimes)).ToArray();
                var data = SplitData.WithLabels([.. Enumerable.Range(0, rows).Select(_ => random.Next(2))], seed);
                Fold[] split;
                try
                {
                    split = [.. new TimeSeriesSplit(folds, gap: gap, times: times).Split(data)];
                }
                catch (ArgumentException e)
                {
                    // Only when ties or too few rows leave a fold without rows.
                    Assert.True(e.Message.Contains("share a time", StringComparison.Ordinal) || e.Message.Contains("need more than", StringComparison.Ordinal), e.Message);
                    return;
                }

                var validated = new HashSet<int>();
                foreach (var fold in split)
                {
                    Assert.NotEmpty(fold.Split.HoldoutRows);
                    Assert.NotEmpty(fold.Split.TrainingRows);
                    Assert.True(fold.Split.TrainingRows.Max(r => times[r]) < fold.Split.HoldoutRows.Min(r => times[r]), "a training row is not earlier than its fold");
                    Assert.All(fold.Split.HoldoutRows, r => Assert.True(validated.Add(r), $"row {r} is validated twice"));
                    SplitData.AssertSideHolds(data, fold.Split.Training, fold.Split.TrainingRows);
                    SplitData.AssertSideHolds(data, fold.Split.Holdout, fold.Split.HoldoutRows);
                }

                // Every row of a time some fold validates is in that fold: no time is cut in two.
                foreach (var fold in split)
                {
                    var foldTimes = fold.Split.HoldoutRows.Select(r => times[r]).ToHashSet();
                    Assert.Equal(Enumerable.Range(0, rows).Count(r => foldTimes.Contains(times[r])), fold.Split.HoldoutRows.Count);
                }
            },
            iter: 200,
            threads: 1);

    [Fact]
    public void Without_ties_times_only_reorder_the_rows()
    {
        // Rows in reverse time order: the folds are scikit-learn's on the reversed positions.
        var data = Dataset.FromRows([.. Enumerable.Range(0, 23).Select(i => new double[] { i })], [.. Enumerable.Range(0, 23).Select(i => i % 4 == 0 ? 1 : 0)]);
        var times = Enumerable.Range(0, 23).Select(i => 100.0 - i).ToArray();

        var folds = new TimeSeriesSplit(folds: 4, times: times).Split(data).ToList();

        for (var k = 0; k < 4; k++)
        {
            Assert.Equal(Enumerable.Range(0, 7 + (4 * k)).Select(p => 22 - p).Order(), folds[k].Split.TrainingRows);
            Assert.Equal(Enumerable.Range(7 + (4 * k), 4).Select(p => 22 - p).Order(), folds[k].Split.HoldoutRows);
        }
    }

    [Fact]
    public void Times_that_do_not_match_the_rows_or_are_NaN_are_refused()
    {
        var data = Dataset.FromRows([[1.0], [2.0], [3.0], [4.0], [5.0], [6.0]], [0, 1, 0, 1, 0, 1]);
        Assert.Contains("3 times for 6 rows", Assert.Throws<ArgumentException>(() => new TimeSeriesSplit(2, times: [1, 2, 3]).Split(data).ToList()).Message, StringComparison.Ordinal);
        Assert.Contains("row 1 is NaN", Assert.Throws<ArgumentException>(() => new TimeSeriesSplit(2, times: [1, double.NaN, 3, 4, 5, 6])).Message, StringComparison.Ordinal);
        Assert.Contains("share a time", Assert.Throws<ArgumentException>(() => new TimeSeriesSplit(2, times: [1, 1, 1, 1, 1, 2]).Split(data).ToList()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_few_rows_are_refused()
        => Assert.Throws<ArgumentException>(() => new TimeSeriesSplit(folds: 5).Split(Dataset.FromRows([[1.0], [2.0], [3.0]], [0, 1, 0])));
}
