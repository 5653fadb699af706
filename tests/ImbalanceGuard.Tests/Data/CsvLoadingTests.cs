using System.Globalization;
using System.Text;

namespace ImbalanceGuard.Tests.Data;

public class CsvLoadingTests
{
    [Fact]
    public void The_header_names_the_features_and_the_last_column_is_the_label_by_default()
    {
        var data = Csv.Read("a,b,target\n1,2.5,x\n-3,4e2,y\n0.125,0,x\n");

        Assert.Equal(["a", "b"], data.Schema.FeatureNames);
        Assert.Equal("target", data.Schema.LabelName);
        Assert.Equal(["a", "b", "target"], data.Schema.SourceColumns);
        Assert.Null(data.Schema.WeightName);
        Assert.Equal(3, data.RowCount);
        Assert.Equal(2, data.FeatureCount);
        Assert.Equal([1, 2.5, -3, 400, 0.125, 0], data.Features.ToArray());
        Assert.Equal(["x", "y", "x"], Csv.Labels(data));
        Assert.Equal([FeatureKind.Continuous, FeatureKind.Continuous], data.Schema.FeatureKinds);
        Assert.False(data.HasWeights);
        Assert.True(data.Weights.IsEmpty);
    }

    [Fact]
    public void The_label_column_can_be_named_anywhere_in_the_header()
    {
        var data = Csv.Read("class,a,b\nyes,1,2\nno,3,4\n", new CsvLoadOptions { LabelColumn = "class" });

        Assert.Equal(["a", "b"], data.Schema.FeatureNames);
        Assert.Equal("class", data.Schema.LabelName);
        Assert.Equal([1, 2, 3, 4], data.Features.ToArray());
        Assert.Equal(["yes", "no"], Csv.Labels(data));
        Assert.Equal(["class", "a", "b"], data.Schema.SourceColumns);
    }

    [Fact]
    public void The_bundled_pima_file_loads_with_its_documented_shape()
    {
        var data = RepositoryFiles.LoadData("pima.csv");

        Assert.Equal(768, data.RowCount);
        Assert.Equal(8, data.FeatureCount);
        Assert.Equal("label", data.Schema.LabelName);
        Assert.Equal(["0", "1"], data.Schema.ClassNames);
        Assert.Equal([500, 268], data.ClassCounts);
        Assert.Equal([6, 148, 72, 35, 0, 33.6, 0.627, 50], Csv.Row(data, 0));
    }

    [Fact]
    public void Categorical_text_columns_are_coded_in_order_of_first_appearance()
    {
        var data = Csv.Read(
            "colour,size,label\nred,1,a\nblue,2,b\nred,3,a\ngreen,4,b\nblue,5,a\n",
            new CsvLoadOptions { CategoricalColumns = ["colour"] });

        Assert.Equal([FeatureKind.Categorical, FeatureKind.Continuous], data.Schema.FeatureKinds);
        Assert.True(data.Schema.HasCategoricalFeatures);
        Assert.Equal(["red", "blue", "green"], data.Schema.CategoryLevels(0));
        Assert.Null(data.Schema.CategoryLevels(1));
        Assert.Equal([0.0, 1, 0, 2, 1], Enumerable.Range(0, 5).Select(i => data.GetRow(i)[0]));
    }

    [Fact]
    public void A_categorical_column_of_numbers_keeps_the_numbers_as_codes()
    {
        var data = Csv.Read("zone,label\n7,a\n3,b\n7,a\n", new CsvLoadOptions { CategoricalColumns = ["zone"] });

        Assert.Equal(FeatureKind.Categorical, data.Schema.FeatureKinds[0]);
        Assert.Null(data.Schema.CategoryLevels(0));
        Assert.Equal([7.0, 3, 7], data.Features.ToArray());
    }

    [Fact]
    public void Every_feature_can_be_declared_categorical()
    {
        var data = Csv.Read("a,b,label\nx,1,p\ny,2,q\n", new CsvLoadOptions { AllFeaturesCategorical = true });

        Assert.Equal([FeatureKind.Categorical, FeatureKind.Categorical], data.Schema.FeatureKinds);
        Assert.Equal(["x", "y"], data.Schema.CategoryLevels(0));
        Assert.Null(data.Schema.CategoryLevels(1));
    }

    [Fact]
    public void A_weight_column_becomes_row_weights_not_a_feature()
    {
        var data = Csv.Read("a,w,b,label\n1,0.5,2,x\n3,2,4,y\n", new CsvLoadOptions { WeightColumn = "w" });

        Assert.Equal(["a", "b"], data.Schema.FeatureNames);
        Assert.Equal("w", data.Schema.WeightName);
        Assert.True(data.HasWeights);
        Assert.Equal([0.5, 2], data.Weights.ToArray());
        Assert.Equal([1, 2, 3, 4], data.Features.ToArray());
    }

    [Fact]
    public void Quoted_cells_may_hold_separators_and_doubled_quotes()
    {
        var data = Csv.Read(
            "\"a, first\",city,\"label\"\n\"1.5\",\"New York, NY\",\"yes\"\n2,\"say \"\"hi\"\"\",no\n",
            new CsvLoadOptions { CategoricalColumns = ["city"] });

        Assert.Equal(["a, first", "city"], data.Schema.FeatureNames);
        Assert.Equal([1.5, 0], Csv.Row(data, 0));
        Assert.Equal(["New York, NY", "say \"hi\""], data.Schema.CategoryLevels(1));
        Assert.Equal(["yes", "no"], Csv.Labels(data));
    }

    [Fact]
    public void Blank_lines_are_skipped_but_still_counted_in_line_numbers()
    {
        var data = Csv.Read("a,label\n\n1,x\n\n\n2,y\n\n");
        Assert.Equal(2, data.RowCount);
        Assert.Equal([1.0, 2], data.Features.ToArray());

        Csv.ReadFails("a,label\n\n1,x\n\nnope,y\n", null, "cells.csv line 5", "column 'a'");
    }

    [Fact]
    public void Cells_and_labels_are_trimmed()
    {
        var data = Csv.Read("a,label\n 1.5 , yes \n2,no\n");

        Assert.Equal([1.5, 2], data.Features.ToArray());
        Assert.Equal(["no", "yes"], data.Schema.ClassNames);
    }

    [Fact]
    public void Another_separator_can_be_chosen()
    {
        var data = Csv.Read("a;b;label\n1.5;2;x\n", new CsvLoadOptions { Separator = ';' });

        Assert.Equal(["a", "b"], data.Schema.FeatureNames);
        Assert.Equal([1.5, 2], data.Features.ToArray());
        Assert.Throws<DataFormatException>(() => Csv.Read("a;b;label\n1.5;2;x\n"));
    }

    [Fact]
    public void Windows_line_endings_read_like_unix_ones()
    {
        var data = Csv.Read("a,label\r\n1,x\r\n2,y\r\n");

        Assert.Equal([1.0, 2], data.Features.ToArray());
        Assert.Equal(["x", "y"], data.Schema.ClassNames);
    }

    [Fact]
    public void A_file_loads_by_path()
    {
        var data = Csv.LoadFile("small.csv", "a,label\n1,x\n2,y\n");

        Assert.Equal(2, data.RowCount);
        Assert.Equal(RowProvenance.Original(1), data.GetProvenance(1));
    }

    [Fact]
    public void Lines_with_and_without_quotes_mix_in_one_file()
    {
        var data = Csv.Read("a,b,label\n\"1\",2,x\n3,4,y\n5,\"6\",\"x\"\n7,8,y\n");

        Assert.Equal([1.0, 2, 3, 4, 5, 6, 7, 8], data.Features.ToArray());
        Assert.Equal(["x", "y", "x", "y"], Csv.Labels(data));
        Csv.ReadFails("a,b,label\n\"1\",2,x\n3,y\n", null, "cells.csv line 3: 2 cells", "3 columns");
    }

    [Theory]
    [InlineData(8192, 16)] // exactly one storage block of values
    [InlineData(7001, 20)] // a block and a part of another
    public void Every_value_of_a_long_file_lands_in_its_row_and_column(int rows, int features)
    {
        var text = new StringBuilder(string.Join(',', Enumerable.Range(0, features).Select(j => "f" + j)) + ",label\n");
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < features; j++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{(i * features) + j},");
            }

            text.Append(i % 3 == 0 ? "rare\n" : "common\n");
        }

        var data = Csv.Read(text.ToString());

        Assert.Equal(rows, data.RowCount);
        Assert.Equal(Enumerable.Range(0, rows * features).Select(v => (double)v), data.Features.ToArray());
        Assert.Equal(Enumerable.Range(0, rows).Select(i => i % 3 == 0 ? "rare" : "common"), Csv.Labels(data));
    }

    [Fact]
    public void Many_distinct_labels_each_keep_their_own_rows()
    {
        // Past the number of labels matched by comparing characters, labels are looked up by text.
        var labels = Enumerable.Range(0, 120).Select(i => "class-" + (i % 40).ToString(CultureInfo.InvariantCulture)).ToArray();
        var text = "a,label\n" + string.Concat(labels.Select((label, i) => $"{i},{label}\n"));

        var data = Csv.Read(text);

        Assert.Equal(40, data.ClassCount);
        Assert.Equal(labels, Csv.Labels(data));
        Assert.All(data.ClassCounts, count => Assert.Equal(3, count));
        Assert.Equal(labels.Distinct().Order(StringComparer.Ordinal), data.Schema.ClassNames);
    }
}
