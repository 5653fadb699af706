namespace ImbalanceGuard.Tests.Splitting;

public class PreSplitTests
{
    [Fact]
    public void Each_dataset_becomes_one_side_whole()
    {
        var training = Dataset.FromRows([[1.0, 2], [3.0, 4], [5.0, 6]], ["a", "b", "a"]);
        var holdout = Dataset.FromRows([[7.0, 8], [9.0, 10]], ["b", "a"]);

        var split = Split.FromPreSplit(training, holdout);

        Assert.Equal([0, 1, 2], split.TrainingRows);
        Assert.Equal([0, 1], split.HoldoutRows);
        SplitData.AssertSideHolds(training, split.Training, split.TrainingRows);
        SplitData.AssertSideHolds(holdout, split.Holdout, split.HoldoutRows);
    }

    [Fact]
    public void Files_with_the_same_columns_and_classes_are_compatible()
    {
        var training = Data.Csv.Read("a,b,label\n1,2,0\n3,4,1\n");
        var holdout = Data.Csv.Read("a,b,label\n5,6,1\n7,8,0\n");

        var (train, test) = Split.FromPreSplit(training, holdout);

        Assert.Equal(2, train.RowCount);
        Assert.Equal(2, test.RowCount);
    }

    public static TheoryData<string, Dataset> Incompatible => new()
    {
        { "fewer features", Dataset.FromRows([[1.0]], ["a"], new DatasetOptions { ClassNames = ["a", "b"] }) },
        { "renamed feature", Dataset.FromRows([[1.0, 2]], ["a"], new DatasetOptions { FeatureNames = ["x0", "other"], ClassNames = ["a", "b"] }) },
        { "feature kind", Dataset.FromRows([[1.0, 2]], ["a"], new DatasetOptions { FeatureKinds = [FeatureKind.Continuous, FeatureKind.Categorical], ClassNames = ["a", "b"] }) },
        { "missing class", Dataset.FromRows([[1.0, 2]], ["a"]) },
        { "other class order", Dataset.FromRows([[1.0, 2]], ["a"], new DatasetOptions { ClassNames = ["b", "a"] }) },
        { "label name", Dataset.FromRows([[1.0, 2]], ["a"], new DatasetOptions { LabelName = "target", ClassNames = ["a", "b"] }) },
    };

    [Theory]
    [MemberData(nameof(Incompatible))]
    public void A_holdout_with_another_schema_is_refused(string difference, Dataset holdout)
    {
        var training = Dataset.FromRows([[1.0, 2], [3.0, 4]], ["a", "b"]);

        var error = Assert.Throws<ArgumentException>(() => Split.FromPreSplit(training, holdout));

        Assert.Equal("holdout", error.ParamName);
        Assert.False(string.IsNullOrEmpty(difference));
    }

    [Fact]
    public void The_one_sided_escape_hatch_declares_every_row_training_data()
    {
        var data = RepositoryFiles.LoadData("glass.csv");

        var training = Split.FromPreSplit(data);

        Assert.Equal(data.RowCount, training.RowCount);
        Assert.Equal(data.Features.ToArray(), training.Features.ToArray());
        Assert.Equal(data.Labels.ToArray(), training.Labels.ToArray());
        Assert.Same(data.Schema, training.Schema);
    }

    [Fact]
    public void Null_datasets_are_refused()
    {
        var data = Dataset.FromRows([[1.0]], ["a"]);

        Assert.Throws<ArgumentNullException>(() => Split.FromPreSplit(null!, data));
        Assert.Throws<ArgumentNullException>(() => Split.FromPreSplit(data, null!));
        Assert.Throws<ArgumentNullException>(() => Split.FromPreSplit(null!));
    }
}
