namespace ImbalanceGuard.Tests.Data;

public class DatasetFromArraysTests
{
    [Fact]
    public void A_matrix_is_stored_row_major_with_default_names()
    {
        var data = Dataset.FromArrays(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } }, ["a", "b"]);

        Assert.Equal([1, 2, 3, 4, 5, 6], data.Features.ToArray());
        Assert.Equal([4, 5, 6], Csv.Row(data, 1));
        Assert.Equal(["x0", "x1", "x2"], data.Schema.FeatureNames);
        Assert.Equal("label", data.Schema.LabelName);
        Assert.Equal(["x0", "x1", "x2", "label"], data.Schema.SourceColumns);
        Assert.All(data.Schema.FeatureKinds, kind => Assert.Equal(FeatureKind.Continuous, kind));
    }

    [Fact]
    public void The_arrays_are_copied()
    {
        var matrix = new double[,] { { 1 }, { 2 } };
        var rows = new[] { new[] { 1.0 }, new[] { 2.0 } };
        var fromMatrix = Dataset.FromArrays(matrix, ["a", "b"]);
        var fromRows = Dataset.FromRows(rows, ["a", "b"]);

        matrix[0, 0] = 99;
        rows[0][0] = 99;

        Assert.Equal(1, fromMatrix.GetRow(0)[0]);
        Assert.Equal(1, fromRows.GetRow(0)[0]);
    }

    [Fact]
    public void Options_name_the_features_kinds_label_and_classes()
    {
        var data = Dataset.FromRows(
            [[1.0, 0], [2.0, 1]],
            ["no", "no"],
            new DatasetOptions
            {
                FeatureNames = ["age", "city"],
                FeatureKinds = [FeatureKind.Continuous, FeatureKind.Categorical],
                LabelName = "outcome",
                ClassNames = ["yes", "no"],
            });

        Assert.Equal(["age", "city"], data.Schema.FeatureNames);
        Assert.Equal([FeatureKind.Continuous, FeatureKind.Categorical], data.Schema.FeatureKinds);
        Assert.Equal("outcome", data.Schema.LabelName);
        Assert.Equal(["yes", "no"], data.Schema.ClassNames);
        Assert.Equal([1, 1], data.Labels.ToArray());
        Assert.Equal([0, 2], data.ClassCounts);
    }

    [Fact]
    public void Labels_must_match_the_rows()
    {
        var error = Assert.Throws<DataFormatException>(() => Dataset.FromArrays(new double[,] { { 1 }, { 2 } }, ["a"]));
        Assert.Contains("2 rows", error.Message, StringComparison.Ordinal);
        Assert.Contains("1 labels", error.Message, StringComparison.Ordinal);
        Assert.Throws<DataFormatException>(() => Dataset.FromRows([[1.0]], ["a", "b"]));
    }

    [Fact]
    public void Rows_must_all_have_the_same_length()
    {
        var error = Assert.Throws<DataFormatException>(() => Dataset.FromRows([[1.0, 2], [3.0], [4.0, 5]], ["a", "b", "a"]));

        Assert.Contains("Row 1 has 1 features; row 0 has 2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void Features_must_be_finite(double value, string shown)
    {
        var matrix = new double[,] { { 1, 2 }, { 3, value } };

        var error = Assert.Throws<DataFormatException>(() => Dataset.FromArrays(matrix, ["a", "b"]));
        Assert.Contains($"Row 1, feature 1: {shown}", error.Message, StringComparison.Ordinal);
        Assert.Throws<DataFormatException>(() => Dataset.FromRows([[1.0, 2], [3.0, value]], ["a", "b"]));
    }

    [Fact]
    public void A_label_outside_explicit_class_names_is_refused()
    {
        var error = Assert.Throws<DataFormatException>(
            () => Dataset.FromRows([[1.0], [2.0]], ["a", "c"], new DatasetOptions { ClassNames = ["a", "b"] }));

        Assert.Contains("Row 1: label 'c'", error.Message, StringComparison.Ordinal);
        Assert.Contains("a, b", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Class_names_must_be_distinct()
        => Assert.Throws<DataFormatException>(
            () => Dataset.FromRows([[1.0]], ["a"], new DatasetOptions { ClassNames = ["a", "b", "a"] }));

    [Fact]
    public void Feature_names_must_fit_the_columns_and_be_unique()
    {
        Assert.Throws<DataFormatException>(
            () => Dataset.FromRows([[1.0, 2]], ["a"], new DatasetOptions { FeatureNames = ["only"] }));
        var duplicate = Assert.Throws<DataFormatException>(
            () => Dataset.FromRows([[1.0, 2]], ["a"], new DatasetOptions { FeatureNames = ["f", "f"] }));
        Assert.Contains("'f'", duplicate.Message, StringComparison.Ordinal);
        var label = Assert.Throws<DataFormatException>(
            () => Dataset.FromRows([[1.0, 2]], ["a"], new DatasetOptions { FeatureNames = ["f", "label"] }));
        Assert.Contains("'label'", label.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Feature_kinds_must_fit_the_columns()
        => Assert.Throws<DataFormatException>(
            () => Dataset.FromRows([[1.0, 2]], ["a"], new DatasetOptions { FeatureKinds = [FeatureKind.Categorical] }));

    [Fact]
    public void Weights_are_kept_when_valid()
    {
        var data = Dataset.FromRows([[1.0], [2.0]], ["a", "b"], new DatasetOptions { Weights = [0, 2.5] });

        Assert.True(data.HasWeights);
        Assert.Equal([0, 2.5], data.Weights.ToArray());
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Weights_must_be_finite_and_non_negative(double weight)
    {
        var error = Assert.Throws<DataFormatException>(
            () => Dataset.FromRows([[1.0], [2.0]], ["a", "b"], new DatasetOptions { Weights = [1, weight] }));

        Assert.Contains("Row 1: weight", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Weights_must_match_the_rows()
    {
        var error = Assert.Throws<DataFormatException>(
            () => Dataset.FromRows([[1.0], [2.0]], ["a", "b"], new DatasetOptions { Weights = [1] }));

        Assert.Contains("1 weights for 2 rows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Provenance_is_kept_when_given()
    {
        RowProvenance[] provenance = [RowProvenance.Original(40), RowProvenance.Synthetic("smote", 3, 9)];

        var data = Dataset.FromRows([[1.0], [2.0]], ["a", "b"], new DatasetOptions { Provenance = provenance });

        Assert.Equal(provenance[0], data.GetProvenance(0));
        Assert.Equal(provenance[1], data.GetProvenance(1));
        Assert.Equal(1, data.SyntheticRowCount);
    }

    [Fact]
    public void Provenance_must_match_the_rows()
    {
        var error = Assert.Throws<DataFormatException>(
            () => Dataset.FromRows([[1.0], [2.0]], ["a", "b"], new DatasetOptions { Provenance = [RowProvenance.Original(0)] }));

        Assert.Contains("1 provenance entries for 2 rows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Row_access_is_checked()
    {
        var data = Dataset.FromRows([[1.0], [2.0]], ["a", "b"]);

        Assert.Throws<ArgumentOutOfRangeException>(() => data.GetRow(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => data.GetRow(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => data.GetProvenance(2));
    }
}
