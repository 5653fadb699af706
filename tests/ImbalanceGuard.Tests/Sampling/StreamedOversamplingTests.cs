using ImbalanceGuard.Sampling;

namespace ImbalanceGuard.Tests.Sampling;

/// <summary>
/// Streamed over-sampling's reading: the rows kept have the values a whole-file load gives them (category levels and
/// classes of every row), and what it refuses. Its output against the in-memory samplers is checked end to end by
/// the CLI's OutOfCoreOversamplingTests.
/// </summary>
public class StreamedOversamplingTests
{
    // Levels first seen in rows of class a; column s is a number in every row of b but text in one row of a.
    private static readonly string[] Lines =
    [
        "colour,s,x,label",
        "red,tiny,0.5,a",
        "blue,1,0.25,a",
        "green,2,1.5,b",
        "red,3,2.5,a",
        "blue,2,3.5,b",
        "green,1,4.5,b",
        "red,5,5.5,a",
    ];

    private static string Write(string[] lines)
    {
        var path = Path.Combine(Path.GetTempPath(), "ig-streamed-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }

    [Fact]
    public void A_filtered_read_gives_the_rows_kept_the_values_and_classes_of_the_whole_file()
    {
        var path = Write(Lines);
        try
        {
            var options = new CsvLoadOptions { TextColumnsAsCategorical = true };
            var whole = Dataset.LoadCsv(path, options);
            var filter = new ClassRowFilter(label => label == "b", null, countValues: false, rowBudget: 100, memoryLimitBytes: 1 << 20);
            using var reader = CsvRecordReader.Open(path, options.Limits);
            var kept = CsvDatasetReader.ReadTable(reader, options, "test.csv", null, filter).Data;

            Assert.Equal(whole.Schema.ClassNames, kept.Schema.ClassNames);
            Assert.Equal(whole.Schema.CategoryLevels(0), kept.Schema.CategoryLevels(0));
            Assert.Equal(whole.Schema.CategoryLevels(1), kept.Schema.CategoryLevels(1));
            int[] rowsOfB = [.. Enumerable.Range(0, whole.RowCount).Where(i => whole.Labels[i] == whole.Schema.ClassIndex("b"))];
            Assert.Equal(rowsOfB.Length, kept.RowCount);
            for (var i = 0; i < rowsOfB.Length; i++)
            {
                Assert.Equal(whole.GetRow(rowsOfB[i]).ToArray(), kept.GetRow(i).ToArray());
            }

            Assert.Equal(3, filter.KeptRows);
            Assert.Equal(new Dictionary<string, long> { ["a"] = 4, ["b"] = 3 }, filter.Tally.ByLabel());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_sampler_that_compares_other_classes_is_refused_and_so_are_rows_beyond_the_limit()
    {
        var path = Write(["x,y,label", .. Enumerable.Range(0, 40).Select(i => $"{i},{i % 7},{(i % 4 == 0 ? "b" : "a")}")]);
        try
        {
            using var output = new StringWriter();
            Assert.Throws<ArgumentException>(() => StreamedOversampling.Resample(path, new CsvLoadOptions(), new BorderlineSmote(), output, 1 << 20));
            var tooSmall = Assert.Throws<SamplingException>(() => StreamedOversampling.Resample(path, new CsvLoadOptions(), new Smote { KNeighbors = 3 }, output, 1000));
            Assert.Contains("memory limit", tooSmall.Message, StringComparison.Ordinal);

            using var written = new StringWriter();
            var result = StreamedOversampling.Resample(path, new CsvLoadOptions(), new Smote { KNeighbors = 3 }, written, 1 << 20);
            Assert.Equal(10, result.RowsInMemory);
            Assert.Equal(20, result.SyntheticCount);
            Assert.Equal(new Dictionary<string, long> { ["a"] = 30, ["b"] = 30 }, result.CountsAfter);
            Assert.Equal(1 + 40 + 20, written.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
