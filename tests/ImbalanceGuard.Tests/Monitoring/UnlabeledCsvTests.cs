using ImbalanceGuard.Monitoring;

namespace ImbalanceGuard.Tests.Monitoring;

/// <summary>Reading a file without labels: the features as the labelled reader reads them, the scores aside.</summary>
public class UnlabeledCsvTests
{
    [Fact]
    public void The_features_are_those_of_the_same_file_read_with_a_label_and_the_scores_are_not_one()
    {
        const string labelled = "x,colour,p,y\n1.5,red,0.2,0\n\n2.5,blue,0.9,1\n3.5,red,0.4,0\n";
        const string unlabelled = "x,colour,p\n1.5,red,0.2\n\n2.5,blue,0.9\n3.5,red,0.4\n";
        var expected = Dataset.ReadCsv(new StringReader(labelled), new CsvLoadOptions { LabelColumn = "y", IgnoreColumns = ["p"], TextColumnsAsCategorical = true });

        var data = UnlabeledCsv.Read(new StringReader(unlabelled), new CsvLoadOptions { TextColumnsAsCategorical = true }, scoreColumn: "p");

        Assert.Equal(expected.Schema.FeatureNames, data.Features.Schema.FeatureNames);
        Assert.Equal(expected.Schema.FeatureKinds, data.Features.Schema.FeatureKinds);
        Assert.Equal(expected.Schema.CategoryLevels(1), data.Features.Schema.CategoryLevels(1));
        Assert.Equal(expected.Features.ToArray(), data.Features.Features.ToArray());
        Assert.Equal([UnlabeledCsv.NoClass], data.Features.Schema.ClassNames);
        Assert.Equal([0.2, 0.9, 0.4], data.Scores!); // the blank line is no row and no score
        Assert.Equal(0, DriftReport.Of(expected, data.Features).Features.Count(f => f.Statistic != 0));
    }

    [Fact]
    public void Without_a_score_column_there_are_no_scores_and_every_column_is_a_feature()
    {
        var data = UnlabeledCsv.Read(new StringReader("a,b\n1,2\n3,4\n"));

        Assert.Null(data.Scores);
        Assert.Equal(["a", "b"], data.Features.Schema.FeatureNames);
        Assert.Equal(2, data.Features.RowCount);
    }

    [Theory]
    [InlineData("a,p\n1,high\n", "csv line 2, column 'p': 'high' is not a number.")]
    [InlineData("a,p\n1,NaN\n", "csv line 2, column 'p': 'NaN' is not allowed; scores must be finite numbers.")]
    [InlineData("a,q\n1,0.5\n", "csv: there is no score column 'p'; the columns are a, q.")]
    [InlineData("a,p\n1,0.5\n1\n", "csv line 3: 1 cells, but the header has 2 columns.")]
    [InlineData("a,p\n1,\"0.5\n", "csv line 2: a quoted cell is not closed before the end of the file.")]
    [InlineData("a,p\n", "csv: there are no data rows after the header.")]
    [InlineData("", "csv: the file is empty; expected a header row.")]
    public void A_file_that_cannot_be_read_is_one_message_counting_its_own_columns(string text, string message)
    {
        var error = Assert.Throws<DataFormatException>(() => UnlabeledCsv.Read(new StringReader(text), scoreColumn: "p"));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Options_naming_a_label_column_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => UnlabeledCsv.Read(new StringReader("a,y\n1,0\n"), new CsvLoadOptions { LabelColumn = "y" }));

        Assert.Contains("has no label column", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unlabelled_file_gets_the_quoting_and_limits_of_a_labelled_one()
    {
        var data = UnlabeledCsv.Read(new StringReader("note,p\n\"two\nlines\",0.5\nplain,0.25\n"), new CsvLoadOptions { CategoricalColumns = ["note"] }, "p");

        Assert.Equal(["two\nlines", "plain"], data.Features.Schema.CategoryLevels(0));
        Assert.Equal([0.5, 0.25], data.Scores!);
        var error = Assert.Throws<DataFormatException>(
            () => UnlabeledCsv.Read(new StringReader("a,p\n" + new string('1', 200) + ",0.5\n"), new CsvLoadOptions { Limits = new CsvLimits { MaxFieldLength = 100 } }, "p"));
        Assert.StartsWith("csv line 2, cell 1: the cell is longer than 100 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_scores_of_a_file_without_features_are_read_alone()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ig-scores-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "id;p\n7;0.25\n\n8;1e-3\n");
        try
        {
            Assert.Equal([0.25, 0.001], UnlabeledCsv.LoadScores(path, "p", ';'));
            File.WriteAllText(path, "id;p\n");
            Assert.Equal($"{Path.GetFileName(path)}: there are no data rows after the header.", Assert.Throws<DataFormatException>(() => UnlabeledCsv.LoadScores(path, "p", ';')).Message);
            File.WriteAllText(path, string.Empty);
            Assert.Equal($"{Path.GetFileName(path)}: the file is empty; expected a header row.", Assert.Throws<DataFormatException>(() => UnlabeledCsv.LoadScores(path, "p", ';')).Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var error = Assert.Throws<FileNotFoundException>(() => UnlabeledCsv.Load("/no/such/current.csv"));

        Assert.Contains("/no/such/current.csv: no such file.", error.Message, StringComparison.Ordinal);
    }
}
