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

    /// <summary>
    /// Each file codes its category texts in order of first appearance, so the same code can mean "red"
    /// in one file and "blue" in the other; the two sides must agree before rows are compared or scored.
    /// </summary>
    [Fact]
    public void Categorical_text_is_recoded_so_a_code_means_the_same_category_on_both_sides()
    {
        var options = new CsvLoadOptions { CategoricalColumns = ["colour"] };
        var trainingText = "colour,size,label\nred,1,a\nblue,2,b\n";
        var holdoutText = "colour,size,label\nblue,1,a\nred,2,b\ngreen,3,a\n";
        var training = Data.Csv.Read(trainingText, options);
        var holdout = Data.Csv.Read(holdoutText, options);

        var split = Split.FromPreSplit(training, holdout);

        Assert.Equal(["red", "blue", "green"], split.Training.Schema.CategoryLevels(0));
        Assert.Equal(["red", "blue", "green"], split.Holdout.Schema.CategoryLevels(0));
        Assert.Equal([0.0, 1], [split.Training.GetRow(0)[0], split.Training.GetRow(1)[0]]);
        Assert.Equal([1.0, 0, 2], [split.Holdout.GetRow(0)[0], split.Holdout.GetRow(1)[0], split.Holdout.GetRow(2)[0]]);
        Assert.Equal(trainingText, Data.Csv.Write(split.Training));
        Assert.Equal(holdoutText, Data.Csv.Write(split.Holdout));

        // (blue, 1, a) is not (red, 1, a): no row of the holdout is a training row.
        LeakageGuard.EnsureIndependent(split.Training, split.Holdout);
    }

    [Fact]
    public void A_copied_row_is_found_even_when_the_files_code_categories_differently()
    {
        var options = new CsvLoadOptions { CategoricalColumns = ["colour"] };
        var training = Data.Csv.Read("colour,size,label\nred,1,a\nblue,2,b\n", options);
        var holdout = Data.Csv.Read("colour,size,label\nblue,2,b\nred,5,a\n", options);

        var (train, test) = Split.FromPreSplit(training, holdout);

        var leak = Assert.Throws<LeakageException>(() => LeakageGuard.EnsureIndependent(train, test));
        Assert.Equal(LeakageCause.IdenticalRows, leak.Cause);
        Assert.Equal([0], leak.HoldoutRows);
    }

    [Fact]
    public void A_column_coded_by_number_in_one_file_and_by_text_in_the_other_is_put_on_text()
    {
        var options = new CsvLoadOptions { CategoricalColumns = ["zone"] };
        var trainingText = "zone,label\n7,a\n3,b\n7,b\n";
        var holdoutText = "zone,label\n3,a\nx,b\n";
        var training = Data.Csv.Read(trainingText, options);
        var holdout = Data.Csv.Read(holdoutText, options);
        Assert.Null(training.Schema.CategoryLevels(0));

        var split = Split.FromPreSplit(training, holdout);

        Assert.Equal(["7", "3", "x"], split.Training.Schema.CategoryLevels(0));
        Assert.Equal(["7", "3", "x"], split.Holdout.Schema.CategoryLevels(0));
        Assert.Equal([0.0, 1, 0], split.Training.Features.ToArray());
        Assert.Equal([1.0, 2], split.Holdout.Features.ToArray());
        Assert.Equal(trainingText, Data.Csv.Write(split.Training));
        Assert.Equal(holdoutText, Data.Csv.Write(split.Holdout));
        Assert.Equal([7.0, 3, 7], training.Features.ToArray());
    }

    [Fact]
    public void Sides_that_already_agree_are_kept_as_they_are()
    {
        var options = new CsvLoadOptions { CategoricalColumns = ["colour"] };
        var training = Data.Csv.Read("colour,label\nred,a\nblue,b\n", options);
        var holdout = Data.Csv.Read("colour,label\nred,b\nblue,a\n", options);

        var split = Split.FromPreSplit(training, holdout);

        Assert.Same(training.Schema, split.Training.Schema);
        Assert.Same(holdout.Schema, split.Holdout.Schema);
        Assert.Equal(holdout.Features.ToArray(), split.Holdout.Features.ToArray());
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
