using System.Globalization;

namespace ImbalanceGuard.Tests.Data;

public class CsvWritingTests
{
    [Fact]
    public void Writing_keeps_the_source_column_order_with_the_label_first()
    {
        var text = "label,a,b\nyes,1,2\nno,3,4.5\n";
        var data = Csv.Read(text, new CsvLoadOptions { LabelColumn = "label" });

        Assert.Equal(text, Csv.Write(data));
    }

    [Fact]
    public void Writing_keeps_the_label_and_weight_columns_where_they_were()
    {
        var text = "a,label,w,b\n1,x,0.25,2\n3,y,4,5\n";
        var data = Csv.Read(text, new CsvLoadOptions { LabelColumn = "label", WeightColumn = "w" });

        Assert.Equal(text, Csv.Write(data));
    }

    [Fact]
    public void Categorical_text_reads_and_writes_back_to_the_same_text()
    {
        var text = "colour,size,city,label\n"
            + "red,1.5,\"New York, NY\",yes\n"
            + "blue,2,Paris,no\n"
            + "red,0.1,\"say \"\"hi\"\"\",no\n"
            + "green,-3,Paris,yes\n";
        var data = Csv.Read(text, new CsvLoadOptions { CategoricalColumns = ["colour", "city"] });

        var written = Csv.Write(data);

        Assert.Equal(text, written);
        var again = Csv.Read(written, new CsvLoadOptions { CategoricalColumns = ["colour", "city"] });
        Assert.Equal(data.Features.ToArray(), again.Features.ToArray());
        Assert.Equal(data.Schema.CategoryLevels(0), again.Schema.CategoryLevels(0));
        Assert.Equal(data.Schema.CategoryLevels(2), again.Schema.CategoryLevels(2));
    }

    [Fact]
    public void The_split_sides_write_their_own_rows_with_the_same_header()
    {
        var text = "colour,label\nred,a\nblue,b\nred,a\ngreen,b\nblue,a\nred,b\n";
        var data = Csv.Read(text, new CsvLoadOptions { CategoricalColumns = ["colour"] });
        var split = Split.Stratified(data, 0.5, seed: 3);
        var lines = text.Split('\n');

        var holdoutLines = Csv.Write(split.Holdout).Split('\n');

        Assert.Equal("colour,label", holdoutLines[0]);
        Assert.Equal(split.HoldoutRows.Select(r => lines[r + 1]), holdoutLines[1..^1]);
    }

    [Fact]
    public void A_header_or_label_that_needs_quotes_is_quoted()
    {
        var data = Dataset.FromRows(
            [[1.0], [2.0]],
            ["plain", "with, comma"],
            new DatasetOptions { FeatureNames = ["x \"quoted\""], LabelName = "the label" });

        Assert.Equal("\"x \"\"quoted\"\"\",the label\n1,plain\n2,\"with, comma\"\n", Csv.Write(data));
    }

    [Fact]
    public void Numbers_are_written_so_that_they_parse_back_to_the_same_double()
    {
        var random = new Random(20240611);
        const int Rows = 2000;
        var features = new double[Rows, 3];
        for (var i = 0; i < Rows; i++)
        {
            features[i, 0] = RandomFinite(random);
            features[i, 1] = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-30, 30));
            features[i, 2] = random.Next(-1000, 1000) / 10.0;
        }

        features[0, 0] = double.Epsilon;
        features[1, 0] = double.MaxValue;
        features[2, 0] = double.MinValue;
        features[3, 0] = -0.0;
        features[4, 0] = 0.1 + 0.2;
        var data = Dataset.FromArrays(features, Enumerable.Range(0, Rows).Select(i => i % 3).ToArray());

        var lines = Csv.Write(data).Split('\n');

        Assert.Equal("x0,x1,x2,label", lines[0]);
        for (var i = 0; i < Rows; i++)
        {
            var cells = lines[i + 1].Split(',');
            for (var j = 0; j < 3; j++)
            {
                var parsed = double.Parse(cells[j], NumberStyles.Float, CultureInfo.InvariantCulture);
                Assert.True(
                    BitConverter.DoubleToInt64Bits(parsed) == BitConverter.DoubleToInt64Bits(features[i, j]),
                    $"Row {i}, feature {j}: {features[i, j]:R} was written as '{cells[j]}'.");
            }
        }

        var again = Csv.Read(string.Join('\n', lines));
        Assert.Equal(data.Features.ToArray(), again.Features.ToArray());
        Assert.Equal(Csv.Labels(data), Csv.Labels(again));
    }

    [Fact]
    public void Weights_are_written_round_trippably()
    {
        var options = new CsvLoadOptions { WeightColumn = "w" };
        var data = Csv.Read("a,w,label\n1,0.1,x\n2,0.3333333333333333,y\n3,2E-300,x\n4,7,y\n", options);

        var written = Csv.Write(data);
        var again = Csv.Read(written, options);

        Assert.Equal("a,w,label\n1,0.1,x\n2,0.3333333333333333,y\n3,2E-300,x\n4,7,y\n", written);
        Assert.Equal([0.1, 1.0 / 3, 2e-300, 7], again.Weights.ToArray());
    }

    [Fact]
    public void Another_separator_is_used_for_every_cell()
    {
        var data = Csv.Read("a,b,label\n1.5,2,x\n");

        Assert.Equal("a;b;label\n1.5;2;x\n", Csv.Write(data, ';'));
    }

    private static double RandomFinite(Random random)
    {
        while (true)
        {
            var value = BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue));
            if (double.IsFinite(value))
            {
                return value;
            }
        }
    }

    [Fact]
    public void A_table_large_enough_to_be_formatted_in_parallel_writes_every_line_in_order()
    {
        // 70 000 rows of a category, a number, a weight and a label: past the size formatted on several threads.
        var text = new System.Text.StringBuilder("colour,x,w,label\n");
        for (var i = 0; i < 70_000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{(i % 3 == 0 ? "red" : "\"dark, blue\"")},{(i * 0.1) - 700},{i % 7},{(i % 5 == 0 ? "rare" : "common")}\n");
        }

        var source = text.ToString();
        var data = Csv.Read(source, new CsvLoadOptions { CategoricalColumns = ["colour"], WeightColumn = "w" });

        Assert.Equal(source, Csv.Write(data));
    }
}

