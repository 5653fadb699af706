namespace ImbalanceGuard.Tests.Data;

/// <summary>Text columns read as categories, ignored columns, and the hint for text in a numeric column.</summary>
public class CsvReadingOptionsTests
{
    private static readonly CsvLoadOptions TextAsCategories = new() { TextColumnsAsCategorical = true };

    [Fact]
    public void A_column_whose_first_cell_is_text_is_read_as_categories()
    {
        var data = Csv.Read("colour,size,label\nred,1.5,0\nblue,2,1\nred,3,0\n7,4,1\n", TextAsCategories);

        Assert.Equal([FeatureKind.Categorical, FeatureKind.Continuous], data.Schema.FeatureKinds);
        Assert.Equal(["red", "blue", "7"], data.Schema.CategoryLevels(0));
        Assert.Equal([0.0, 1.5], Csv.Row(data, 0));
        Assert.Equal([2.0, 4.0], Csv.Row(data, 3));
        Assert.Equal("colour,size,label\nred,1.5,0\nblue,2,1\nred,3,0\n7,4,1\n", Csv.Write(data));
    }

    [Fact]
    public void Blank_lines_before_the_first_row_do_not_decide_and_keep_line_numbers()
    {
        var data = Csv.Read("colour,size,label\n\nred,1,0\nblue,2,1\n", TextAsCategories);
        Assert.Equal(FeatureKind.Categorical, data.Schema.FeatureKinds[0]);

        Csv.ReadFails("a,b,label\n\n1,2,0\n3,x,1\n", TextAsCategories, "cells.csv line 4, column 'b': 'x' is not a number");
    }

    [Fact]
    public void Text_further_down_a_numeric_column_names_the_line_the_column_and_how_to_declare_it()
    {
        Csv.ReadFails(
            "a,b,label\n1,2,0\n3,red,1\n",
            TextAsCategories,
            "cells.csv line 3, column 'b': 'red' is not a number; if the column holds categories, list 'b' in CategoricalColumns.");
        Csv.ReadFails(
            "a,b,label\n1,2,0\n3,red,1\n",
            new CsvLoadOptions { TextColumnsAsCategorical = true, CategoricalHint = "name it with --categorical {0}" },
            "'red' is not a number; if the column holds categories, name it with --categorical b.");
    }

    [Fact]
    public void Without_the_option_text_is_still_an_error()
        => Csv.ReadFails("colour,size,label\nred,1,0\n", null, "column 'colour': 'red' is not a number");

    [Fact]
    public void Ignored_columns_are_neither_features_nor_written_back()
    {
        var data = Csv.Read("id,a,note,label\n17,1.5,x y,0\n18,2.5,z,1\n", new CsvLoadOptions { IgnoreColumns = ["id", "note"] });

        Assert.Equal(["a"], data.Schema.FeatureNames);
        Assert.Equal([2.5], Csv.Row(data, 1));
        Assert.Equal("a,label\n1.5,0\n2.5,1\n", Csv.Write(data));
    }

    [Theory]
    [InlineData("label", "column 'label' is the label column and cannot be ignored")]
    [InlineData("nope", "there is no ignored column 'nope'")]
    public void Ignoring_the_label_or_an_unknown_column_is_refused(string column, string expected)
        => Csv.ReadFails("a,label\n1,0\n", new CsvLoadOptions { IgnoreColumns = [column] }, expected);

    [Fact]
    public void Ignoring_every_feature_is_refused()
        => Csv.ReadFails("a,b,label\n1,2,0\n", new CsvLoadOptions { IgnoreColumns = ["a", "b"] }, "no feature column is left");

    [Fact]
    public void An_ignored_column_cannot_also_be_categorical()
        => Csv.ReadFails("a,b,label\n1,2,0\n", new CsvLoadOptions { IgnoreColumns = ["a"], CategoricalColumns = ["a"] }, "column 'a' is the label, weight or an ignored column");
}
