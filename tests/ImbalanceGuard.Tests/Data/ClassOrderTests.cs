namespace ImbalanceGuard.Tests.Data;

/// <summary>Classes are ordered like <c>np.unique</c>: numerically when every label is a number, else ordinally.</summary>
public class ClassOrderTests
{
    [Fact]
    public void Numeric_labels_sort_numerically_not_as_text()
    {
        var data = Csv.Read("a,label\n1,10\n2,9\n3,2\n4,10\n5,-1\n6,0.5\n");

        Assert.Equal(["-1", "0.5", "2", "9", "10"], data.Schema.ClassNames);
        Assert.Equal([4, 3, 2, 4, 0, 1], data.Labels.ToArray());
    }

    [Fact]
    public void Text_labels_sort_by_ordinal_order()
    {
        var data = Csv.Read("a,label\n1,b\n2,B\n3,a\n4,10\n5,é\n6,9\n");

        Assert.Equal(["10", "9", "B", "a", "b", "é"], data.Schema.ClassNames);
    }

    [Fact]
    public void Non_finite_labels_are_text()
    {
        var data = Csv.Read("a,label\n1,NaN\n2,1\n3,Infinity\n");

        Assert.Equal(["1", "Infinity", "NaN"], data.Schema.ClassNames);
    }

    [Fact]
    public void Integer_labels_from_arrays_sort_numerically()
    {
        var data = Dataset.FromArrays(new double[,] { { 1 }, { 2 }, { 3 }, { 4 } }, [10, 9, -3, 9]);

        Assert.Equal(["-3", "9", "10"], data.Schema.ClassNames);
        Assert.Equal([2, 1, 0, 1], data.Labels.ToArray());
        Assert.Equal([1, 2, 1], data.ClassCounts);
    }

    [Fact]
    public void Class_counts_by_name_follow_class_order_and_skip_empty_classes()
    {
        var data = Dataset.FromRows(
            [[1.0], [2.0], [3.0]],
            ["10", "9", "10"],
            new DatasetOptions { ClassNames = ["10", "9", "8"] });

        Assert.Equal(["10", "9", "8"], data.Schema.ClassNames);
        Assert.Equal([2, 1, 0], data.ClassCounts);
        Assert.Equal([new KeyValuePair<string, int>("10", 2), new("9", 1)], data.ClassCountsByName());
    }

    [Fact]
    public void The_class_order_decides_the_class_index()
    {
        var data = Csv.Read("a,label\n1,10\n2,9\n");

        Assert.Equal(0, data.Schema.ClassIndex("9"));
        Assert.Equal(1, data.Schema.ClassIndex("10"));
        Assert.False(data.Schema.TryGetClassIndex("11", out _));
        var error = Assert.Throws<ArgumentException>(() => data.Schema.ClassIndex("11"));
        Assert.Contains("9, 10", error.Message, StringComparison.Ordinal);
    }
}
