namespace ImbalanceGuard.Tests.Data;

/// <summary>
/// The reader reads a file without a label column (today's rows, scored but not yet labelled) with every rule of a
/// labelled one: the same features, categories, messages and limits; a score column is taken aside as numbers.
/// </summary>
public class UnlabeledReadingTests
{
    private static readonly UnlabeledColumns NoLabel = new("(label)", "(unlabelled)", null);

    [Fact]
    public void Every_column_is_a_feature_and_every_row_has_the_one_class()
    {
        var table = Read("a,color\n1,red\n2,blue\n", new CsvLoadOptions { TextColumnsAsCategorical = true }, NoLabel);

        Assert.Equal(["a", "color"], table.Data.Schema.FeatureNames);
        Assert.Equal([FeatureKind.Continuous, FeatureKind.Categorical], table.Data.Schema.FeatureKinds);
        Assert.Equal(["(unlabelled)", "(unlabelled)"], Csv.Labels(table.Data));
        Assert.Equal("(label)", table.Data.Schema.LabelName);
        Assert.Null(table.Scores);
    }

    [Fact]
    public void A_score_column_is_taken_aside_and_is_not_a_feature()
    {
        var table = Read("a,score,b\n1,0.25,3\n2,0.75,4\n", new CsvLoadOptions(), NoLabel with { ScoreColumn = "score" });

        Assert.Equal(["a", "b"], table.Data.Schema.FeatureNames);
        Assert.Equal([0.25, 0.75], table.Scores!);
        Assert.Equal([1, 3, 2, 4], table.Data.Features.ToArray());
        Assert.Equal(["a", "b"], table.Data.Schema.SourceColumns);
    }

    [Theory]
    [InlineData("a,score\n1,0.5\n2,high\n", "cells.csv line 3, column 'score': 'high' is not a number.")]
    [InlineData("a,score\n1,0.5\n2,NaN\n", "cells.csv line 3, column 'score': 'NaN' is not allowed")]
    [InlineData("a,score\n1,0.5\n2\n", "cells.csv line 3: 1 cells, but the header has 2 columns.")]
    [InlineData("a,b\n1,0.5\n", "cells.csv: there is no score column 'score'; the columns are a, b.")]
    [InlineData("a,score\n1,0.5\n2,0.\0\n", "cells.csv line 3: holds a NUL character")]
    public void Bad_cells_are_named_as_in_a_labelled_file(string text, string expected)
    {
        var error = Assert.Throws<DataFormatException>(() => Read(text, new CsvLoadOptions(), NoLabel with { ScoreColumn = "score" }));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_of_one_feature_column_is_enough()
    {
        var table = Read("a\n1\n2\n", new CsvLoadOptions(), NoLabel);

        Assert.Equal([1, 2], table.Data.Features.ToArray());
    }

    private static CsvTable Read(string text, CsvLoadOptions options, UnlabeledColumns unlabeled)
        => CsvDatasetReader.ReadTable(new CsvRecordReader(new StringReader(text), Csv.SourceName, options.Limits), options, Csv.SourceName, unlabeled);
}
