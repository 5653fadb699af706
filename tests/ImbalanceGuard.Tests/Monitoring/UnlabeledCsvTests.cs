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
    [InlineData("a,p\n1,\"0.5\n", "csv line 2: a quoted cell is not closed.")]
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
    public void Read_a_character_at_a_time_the_text_is_the_same_lines_with_the_label_cell_added()
    {
        // A reader that reads characters rather than lines must see what one reading lines sees.
        using var byLines = new AddedLabelColumn(new StringReader("a;p\n1;0.5\n\n2;0.7\n"), ';', "csv", "p");
        using var byCharacters = new AddedLabelColumn(new StringReader("a;p\n1;0.5\n\n2;0.7\n"), ';', "csv", "p");

        var lines = new List<string>();
        while (byLines.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        Assert.Equal(string.Join('\n', lines) + "\n", byCharacters.ReadToEnd());
        Assert.Equal(["a;p;\u0001label", "1;0.5;(unlabelled)", string.Empty, "2;0.7;(unlabelled)"], lines);
        Assert.Equal([0.5, 0.7], byCharacters.Scores);
    }

    [Fact]
    public void A_line_begun_a_character_at_a_time_is_finished_by_read_line()
    {
        using var reader = new AddedLabelColumn(new StringReader("a\n1\n"), ',', "csv", null);

        Assert.Equal('a', (char)reader.Read());
        Assert.Equal(",\u0001label", reader.ReadLine());
        Assert.Equal('1', (char)reader.Peek());
        Assert.Equal("1,(unlabelled)", reader.ReadLine());
        Assert.Null(reader.ReadLine());
        Assert.Equal(-1, reader.Read());
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
