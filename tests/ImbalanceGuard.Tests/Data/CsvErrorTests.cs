namespace ImbalanceGuard.Tests.Data;

/// <summary>
/// Every unusable file fails with a <see cref="DataFormatException"/> whose message names the file and,
/// where the problem has one, the line and the column.
/// </summary>
public class CsvErrorTests
{
    [Fact]
    public void A_missing_file_is_a_file_not_found_error_naming_the_path()
    {
        var path = Path.Combine(Path.GetTempPath(), "imbalance-guard-" + Guid.NewGuid().ToString("N"), "absent.csv");

        var error = Assert.Throws<FileNotFoundException>(() => Dataset.LoadCsv(path));

        Assert.Equal(path, error.FileName);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_names_the_file()
    {
        var error = Assert.Throws<DataFormatException>(() => Csv.LoadFile("empty.csv", string.Empty));

        Assert.Contains("empty.csv", error.Message, StringComparison.Ordinal);
        Assert.Contains("empty", error.Message.Replace("empty.csv", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_with_only_a_header_names_the_file()
    {
        var error = Assert.Throws<DataFormatException>(() => Csv.LoadFile("header.csv", "a,b,label\n"));

        Assert.Contains("header.csv", error.Message, StringComparison.Ordinal);
        Assert.Contains("no data rows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_with_a_header_and_blank_lines_only_has_no_data_rows()
        => Csv.ReadFails("a,label\n\n\n", null, "cells.csv", "no data rows");

    [Fact]
    public void Errors_in_a_loaded_file_name_the_file_line_and_column()
    {
        var error = Assert.Throws<DataFormatException>(() => Csv.LoadFile("measurements.csv", "a,b,label\n1,2,x\n3,abc,y\n"));

        Assert.Contains("measurements.csv line 3, column 'b'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'abc' is not a number", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc", "'abc' is not a number")]
    [InlineData("1.2.3", "'1.2.3' is not a number")]
    [InlineData("NaN", "'NaN' is not allowed")]
    [InlineData("Infinity", "'Infinity' is not allowed")]
    [InlineData("-Infinity", "'-Infinity' is not allowed")]
    [InlineData("1e999", "'1e999' is not allowed")]
    public void A_cell_that_is_not_a_finite_number_names_line_and_column(string cell, string problem)
        => Csv.ReadFails($"a,b,label\n1,2,x\n3,{cell},y\n", null, "cells.csv line 3, column 'b'", problem);

    [Fact]
    public void An_empty_feature_cell_names_line_and_column()
        => Csv.ReadFails("a,b,label\n1,2,x\n3,,y\n", null, "cells.csv line 3, column 'b'", "empty");

    [Fact]
    public void A_blank_feature_cell_names_line_and_column()
        => Csv.ReadFails("a,b,label\n1,  ,x\n", null, "cells.csv line 2, column 'b'", "empty");

    [Fact]
    public void An_empty_label_names_line_and_column()
        => Csv.ReadFails("a,b,label\n1,2,x\n3,4,\n", null, "cells.csv line 3, column 'label'", "label is empty");

    [Fact]
    public void An_empty_categorical_cell_names_line_and_column()
        => Csv.ReadFails(
            "colour,label\nred,x\n,y\n",
            new CsvLoadOptions { CategoricalColumns = ["colour"] },
            "cells.csv line 3, column 'colour'",
            "empty");

    [Fact]
    public void An_empty_or_invalid_weight_names_line_and_column()
    {
        var options = new CsvLoadOptions { WeightColumn = "w" };
        Csv.ReadFails("a,w,label\n1,,x\n", options, "cells.csv line 2, column 'w'", "empty");
        Csv.ReadFails("a,w,label\n1,-2,x\n", options, "cells.csv line 2, column 'w'", "negative");
        Csv.ReadFails("a,w,label\n1,NaN,x\n", options, "cells.csv line 2, column 'w'", "'NaN' is not allowed");
    }

    [Theory]
    [InlineData("1,2\n", "2 cells", "3 columns")]
    [InlineData("1,2,x,4\n", "4 cells", "3 columns")]
    public void A_row_with_the_wrong_number_of_cells_names_the_line(string row, string cells, string columns)
        => Csv.ReadFails("a,b,label\n1,2,x\n" + row, null, "cells.csv line 3", cells, columns);

    [Fact]
    public void An_unclosed_quote_names_the_line()
        => Csv.ReadFails("a,label\n1,x\n\"2,y\n", null, "cells.csv line 3", "quoted cell is not closed");

    [Fact]
    public void An_unknown_label_column_names_the_column_and_lists_the_columns()
        => Csv.ReadFails("a,b,label\n1,2,x\n", new CsvLoadOptions { LabelColumn = "target" }, "cells.csv", "label column 'target'", "a, b, label");

    [Fact]
    public void Unknown_weight_and_categorical_columns_name_the_column()
    {
        Csv.ReadFails("a,b,label\n1,2,x\n", new CsvLoadOptions { WeightColumn = "w" }, "cells.csv", "weight column 'w'");
        Csv.ReadFails("a,b,label\n1,2,x\n", new CsvLoadOptions { CategoricalColumns = ["c"] }, "cells.csv", "categorical column 'c'");
    }

    [Fact]
    public void The_label_cannot_also_be_the_weight_or_a_categorical_feature()
    {
        Csv.ReadFails("a,w,label\n1,2,x\n", new CsvLoadOptions { WeightColumn = "label" }, "cells.csv", "'label'", "both the label and the weights");
        Csv.ReadFails("a,w,label\n1,2,x\n", new CsvLoadOptions { CategoricalColumns = ["label"] }, "cells.csv", "'label'", "cannot be a categorical feature");
    }

    [Theory]
    [InlineData("a,a,label\n1,2,x\n", "column 'a'", "columns 1 and 2")]
    [InlineData("a,label,label\n1,2,x\n", "column 'label'", "columns 2 and 3")]
    [InlineData("label,a,label\n1,2,x\n", "column 'label'", "columns 1 and 3")]
    public void Duplicate_column_names_name_the_file_line_and_column(string text, string column, string positions)
        => Csv.ReadFails(text, null, "cells.csv line 1, " + column, positions, "used twice");

    [Fact]
    public void A_header_with_a_single_column_names_the_file_and_the_separator()
        => Csv.ReadFails("a;label\n1;x\n", null, "cells.csv", "separator ','");

    [Theory]
    [InlineData(700, 3000)]  // two failing lines of one batch, read by different threads
    [InlineData(3000, 700)]
    [InlineData(5000, 9000)] // failing lines of two batches
    public void A_long_file_with_several_bad_lines_names_the_first_one_every_time(int firstBad, int secondBad)
    {
        var text = new System.Text.StringBuilder("a,b,label\n");
        for (var i = 0; i < 10_000; i++)
        {
            text.Append(i == secondBad ? "1,x,y\n" : i == firstBad ? "oops,2,y\n" : "1,2,y\n");
        }

        var bad = Math.Min(firstBad, secondBad);
        var expected = bad == firstBad ? $"cells.csv line {bad + 2}, column 'a': 'oops' is not a number" : $"cells.csv line {bad + 2}, column 'b': 'x' is not a number";
        for (var attempt = 0; attempt < 5; attempt++)
        {
            Csv.ReadFails(text.ToString(), null, expected);
        }
    }
}

