using CsCheck;

namespace ImbalanceGuard.Tests.Splitting;

public class TimeOrderedSplitTests
{
    [Fact]
    public void Without_times_the_last_rows_are_held_out()
    {
        var data = SplitData.WithLabels([0, 1, 0, 1, 0, 1, 0, 1, 0, 1]);

        var split = Split.TimeOrdered(data, 0.25);

        Assert.Equal([0, 1, 2, 3, 4, 5, 6], split.TrainingRows);
        Assert.Equal([7, 8, 9], split.HoldoutRows);
        SplitData.AssertPartition(data, split);
    }

    [Fact]
    public void With_times_the_latest_rows_are_held_out_wherever_they_are()
    {
        var data = SplitData.WithLabels([0, 1, 0, 1, 0, 1]);
        double[] times = [50, 10, 60, 20, 40, 30];

        var split = Split.TimeOrdered(data, 0.5, times);

        Assert.Equal([1, 3, 5], split.TrainingRows);
        Assert.Equal([0, 2, 4], split.HoldoutRows);
        SplitData.AssertPartition(data, split);
    }

    [Fact]
    public void Rows_tied_with_the_boundary_time_all_go_to_the_holdout()
    {
        var data = SplitData.WithLabels([0, 1, 0, 1, 0, 1]);
        double[] times = [3, 1, 3, 4, 2, 3];

        // Half of six rows is three, but the third-latest time (3) is shared by three rows: all go to the holdout.
        var split = Split.TimeOrdered(data, 0.5, times);

        Assert.Equal([1, 4], split.TrainingRows);
        Assert.Equal([0, 2, 3, 5], split.HoldoutRows);
    }

    /// <summary>
    /// For any times (with many ties): every training time is earlier than every holdout time, and the
    /// holdout is exactly the rows at or after the time of the ceil(n·fraction)-th latest row.
    /// </summary>
    [Fact]
    public void Every_training_time_is_earlier_than_every_holdout_time()
        => Gen.Select(Gen.Int[0, 12].Array[2, 60], Gen.Double[0.01, 0.99]).Sample(
            (ticks, fraction) =>
            {
                var n = ticks.Length;
                var times = ticks.Select(t => (double)t).ToArray();
                var data = SplitData.WithLabels([.. Enumerable.Range(0, n).Select(i => i % 2)]);
                var boundary = times.Order().ElementAt(n - (int)Math.Ceiling(n * fraction));
                if (times.All(t => t >= boundary))
                {
                    Assert.Throws<ArgumentException>(() => Split.TimeOrdered(data, fraction, times));
                    return;
                }

                var split = Split.TimeOrdered(data, fraction, times);

                Assert.True(split.TrainingRows.Max(r => times[r]) < split.HoldoutRows.Min(r => times[r]));
                Assert.Equal(Enumerable.Range(0, n).Where(i => times[i] >= boundary), split.HoldoutRows);
                SplitData.AssertPartition(data, split);
            },
            iter: 400,
            threads: 1);

    [Fact]
    public void Explicit_times_equal_to_row_order_give_the_default_split()
    {
        var data = SplitData.WithLabels([.. Enumerable.Range(0, 17).Select(i => i % 3)]);

        var byPosition = Split.TimeOrdered(data, 0.3);
        var byTime = Split.TimeOrdered(data, 0.3, [.. Enumerable.Range(0, 17).Select(i => i * 1.5)]);

        Assert.Equal(byPosition.HoldoutRows, byTime.HoldoutRows);
        Assert.Equal(6, byTime.Holdout.RowCount);
    }

    [Fact]
    public void A_nan_time_is_refused_naming_the_row()
    {
        var data = SplitData.WithLabels([0, 1, 0, 1]);

        var error = Assert.Throws<ArgumentException>(() => Split.TimeOrdered(data, 0.25, [1, 2, double.NaN, 4]));

        Assert.Equal("times", error.ParamName);
        Assert.Contains("row 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void All_equal_times_cannot_be_split()
    {
        var data = SplitData.WithLabels([0, 1, 0, 1]);

        var error = Assert.Throws<ArgumentException>(() => Split.TimeOrdered(data, 0.25, [7, 7, 7, 7]));
        Assert.Equal("times", error.ParamName);
        Assert.Contains("earliest time, 7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Times_tied_from_the_start_to_the_split_point_cannot_be_split()
    {
        var data = SplitData.WithLabels([0, 1, 0, 1]);

        var error = Assert.Throws<ArgumentException>(() => Split.TimeOrdered(data, 0.5, [5, 9, 5, 5]));
        Assert.Equal("times", error.ParamName);
        Assert.Contains("earliest time, 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_time_per_row_is_required()
    {
        var data = SplitData.WithLabels([0, 1, 0, 1]);

        var error = Assert.Throws<ArgumentException>(() => Split.TimeOrdered(data, 0.25, [1, 2, 3]));
        Assert.Contains("3 times for 4 rows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_holdout_of_every_row_is_refused()
    {
        // Three quarters of two rows rounds up to both rows, leaving nothing to train on.
        var data = SplitData.WithLabels([0, 1]);

        var error = Assert.Throws<ArgumentException>(() => Split.TimeOrdered(data, 0.75));
        Assert.Equal("holdoutFraction", error.ParamName);
        Assert.Contains("no row would be left to train on", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Split.TimeOrdered(data, 0.75, [1, 2]));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void A_fraction_outside_zero_to_one_is_refused(double fraction)
        => Assert.Throws<ArgumentOutOfRangeException>(() => Split.TimeOrdered(SplitData.WithLabels([0, 1, 0, 1]), fraction));

    [Fact]
    public void Fewer_than_two_rows_cannot_be_split()
        => Assert.Throws<ArgumentException>(() => Split.TimeOrdered(SplitData.WithLabels([0]), 0.5));
}
