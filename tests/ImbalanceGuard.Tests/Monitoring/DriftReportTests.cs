using ImbalanceGuard.Monitoring;

namespace ImbalanceGuard.Tests.Monitoring;

/// <summary>Feature drift between two datasets: SciPy parity on shifted satimage, ranking, edge cases and column mismatches.</summary>
public class DriftReportTests
{
    [Fact]
    public void Shifted_satimage_matches_scipy_feature_by_feature_and_ranks_by_adjusted_p_value()
    {
        var fixture = DriftFixtures.Load("drift_satimage.json");
        var data = RepositoryFiles.LoadData("satimage.csv");
        var (reference, current) = SplitAndShift(data, referenceRows: 3000);

        var report = DriftReport.Of(reference, current);

        Assert.Equal(3000, report.ReferenceRowCount);
        Assert.Equal(data.RowCount - 3000, report.CurrentRowCount);
        foreach (var expected in fixture.GetProperty("features").EnumerateArray())
        {
            var feature = report.Feature(expected.GetProperty("name").GetString()!);
            Assert.Equal(DriftTest.KolmogorovSmirnov, feature.Test);
            Assert.True(Math.Abs(feature.Statistic - expected.GetProperty("statistic").GetDouble()) <= 1e-9, feature.Name);
            DriftFixtures.AssertRelative(expected.GetProperty("p_value").GetDouble(), feature.PValue, 1e-6, feature.Name);
        }

        // satimage's rows are ordered, so the split alone drifts every feature. x20 · 1.05 adds to that and leads; x05's
        // current values sit lower than the reference's (median 67 against 70), so + 3 narrows its gap instead.
        Assert.Equal("x20", report.Features[0].Name);
        var unshifted = DriftReport.Of(reference, SplitAndShift(data, 3000, shift: false).Current);
        Assert.True(report.Feature("x20").Statistic > unshifted.Feature("x20").Statistic);
        Assert.True(report.Feature("x05").Statistic < unshifted.Feature("x05").Statistic);
        Assert.All(report.Features.Where(f => f.Name is not ("x05" or "x20")), f => Assert.Equal(unshifted.Feature(f.Name).Statistic, f.Statistic));
        Assert.All(report.Features, f => Assert.True(f.AdjustedPValue >= f.PValue));
        for (var i = 1; i < report.Features.Count; i++)
        {
            var (before, after) = (report.Features[i - 1], report.Features[i]);
            Assert.True(before.AdjustedPValue < after.AdjustedPValue
                || (before.AdjustedPValue == after.AdjustedPValue && before.PopulationStabilityIndex >= after.PopulationStabilityIndex));
        }
    }

    [Fact]
    public void Identical_reference_and_current_data_show_no_drift()
    {
        var data = Dataset.ReadCsv(new StringReader(Csv(40, (i, _) => $"{i % 7},{(i % 3 == 0 ? "red" : "blue")},{i % 2}")), new CsvLoadOptions { CategoricalColumns = ["colour"] });

        var report = DriftReport.Of(data, data);

        Assert.All(report.Features, f =>
        {
            Assert.Equal(0.0, f.Statistic);
            Assert.Equal(1.0, f.PValue);
            Assert.Equal(1.0, f.AdjustedPValue);
            Assert.Equal(0.0, f.PopulationStabilityIndex);
        });
        Assert.Equal(DriftTest.ChiSquare, report.Feature("colour").Test);
        Assert.Equal(FeatureKind.Categorical, report.Feature("colour").Kind);
    }

    [Fact]
    public void A_constant_feature_and_a_single_category_give_no_drift_while_a_moved_constant_does()
    {
        var reference = Dataset.ReadCsv(new StringReader(Csv(30, (i, _) => $"5,red,{i % 2}")), new CsvLoadOptions { CategoricalColumns = ["colour"] });
        var same = Dataset.ReadCsv(new StringReader(Csv(12, (i, _) => $"5,red,{i % 2}")), new CsvLoadOptions { CategoricalColumns = ["colour"] });
        var moved = Dataset.ReadCsv(new StringReader(Csv(12, (i, _) => $"6,red,{i % 2}")), new CsvLoadOptions { CategoricalColumns = ["colour"] });

        var unchanged = DriftReport.Of(reference, same);
        Assert.Equal(1.0, unchanged.Feature("size").PValue);
        Assert.Equal(0.0, unchanged.Feature("size").PopulationStabilityIndex);
        Assert.Equal(1.0, unchanged.Feature("colour").PValue);
        Assert.Equal(0.0, unchanged.Feature("colour").Statistic);

        var shifted = DriftReport.Of(reference, moved);
        Assert.Equal("size", shifted.Features[0].Name);
        Assert.Equal(1.0, shifted.Feature("size").Statistic);
        Assert.True(shifted.Feature("size").PValue < 1e-6);
    }

    [Fact]
    public void A_category_only_the_current_data_has_counts_as_drift_matched_by_text_not_code()
    {
        // The current file meets "green" first, so its codes differ from the reference's; categories match by text.
        var reference = Dataset.ReadCsv(new StringReader(Csv(60, (i, _) => $"{i},{(i % 2 == 0 ? "red" : "blue")},{i % 2}")), new CsvLoadOptions { CategoricalColumns = ["colour"] });
        var current = Dataset.ReadCsv(new StringReader(Csv(60, (i, _) => $"{i},{(i % 3 == 0 ? "green" : i % 3 == 1 ? "red" : "blue")},{i % 2}")), new CsvLoadOptions { CategoricalColumns = ["colour"] });

        var colour = DriftReport.Of(reference, current).Feature("colour");

        // Counts red/blue/green: reference 30/30/0, current 20/20/20 — the same table through ChiSquareTest directly.
        var expected = ChiSquareTest.Homogeneity([30, 30, 0], [20, 20, 20]);
        Assert.Equal(2, expected.DegreesOfFreedom);
        Assert.Equal(expected.Statistic, colour.Statistic, 12);
        Assert.Equal(expected.PValue, colour.PValue, 15);
        Assert.Equal(PopulationStabilityIndex.FromCounts([30, 30, 0], [20, 20, 20]), colour.PopulationStabilityIndex, 12);
    }

    [Fact]
    public void Empty_current_data_is_refused()
    {
        // A CSV file without rows is refused when read; rows made in code can be none.
        var options = new DatasetOptions { FeatureNames = ["size", "weight"] };
        var reference = Dataset.FromRows([[1.0, 2.0], [2.0, 3.0]], ["a", "b"], options);
        var empty = Dataset.FromRows([], Array.Empty<string>(), options);

        var error = Assert.Throws<ArgumentException>(() => DriftReport.Of(reference, empty));

        Assert.Contains("current data has none", error.Message);
    }

    [Fact]
    public void Columns_that_differ_are_one_error_naming_them()
    {
        var options = new CsvLoadOptions { CategoricalColumns = ["colour"] };
        var reference = Dataset.ReadCsv(new StringReader("size,colour,label\n1,red,0\n2,blue,1\n"), options);
        var renamed = Dataset.ReadCsv(new StringReader("size,hue,label\n1,red,0\n2,blue,1\n"), new CsvLoadOptions { CategoricalColumns = ["hue"] });
        var reordered = Dataset.ReadCsv(new StringReader("colour,size,label\nred,1,0\nblue,2,1\n"), options);
        var numericColour = Dataset.ReadCsv(new StringReader("size,colour,label\n1,3,0\n2,4,1\n"));

        var names = Assert.Throws<DriftColumnsException>(() => DriftReport.Of(reference, renamed));
        Assert.Equal(["colour", "hue"], names.Columns);
        Assert.Contains("only the reference has colour", names.Message);
        Assert.Contains("only the current data has hue", names.Message);

        Assert.Equal(["size", "colour"], Assert.Throws<DriftColumnsException>(() => DriftReport.Of(reference, reordered)).Columns);

        var kinds = Assert.Throws<DriftColumnsException>(() => DriftReport.Of(reference, numericColour));
        Assert.Equal(["colour"], kinds.Columns);
        Assert.Contains("colour is categorical in the reference and numeric in the current data", kinds.Message);
    }

    private static string Csv(int rows, Func<int, int, string> row)
        => "size,colour,label\n" + string.Concat(Enumerable.Range(0, rows).Select(i => row(i, rows) + "\n"));

    /// <summary>Rows before <paramref name="referenceRows"/> as the reference; the rest as current with x05 + 3 and x20 · 1.05 (as the fixture script does).</summary>
    private static (Dataset Reference, Dataset Current) SplitAndShift(Dataset data, int referenceRows, bool shift = true)
    {
        var names = data.Schema.FeatureNames;
        var x05 = data.Schema.FeatureIndex("x05");
        var x20 = data.Schema.FeatureIndex("x20");
        var referenceRowsList = new List<double[]>();
        var currentRowsList = new List<double[]>();
        for (var row = 0; row < data.RowCount; row++)
        {
            var values = data.GetRow(row).ToArray();
            if (row < referenceRows)
            {
                referenceRowsList.Add(values);
            }
            else
            {
                if (shift)
                {
                    values[x05] += 3;
                    values[x20] *= 1.05;
                }

                currentRowsList.Add(values);
            }
        }

        var labels = Enumerable.Range(0, data.RowCount).Select(data.GetClassName).ToArray();
        var options = new DatasetOptions { FeatureNames = names };
        return (Dataset.FromRows(referenceRowsList, labels[..referenceRows], options), Dataset.FromRows(currentRowsList, labels[referenceRows..], options));
    }
}
