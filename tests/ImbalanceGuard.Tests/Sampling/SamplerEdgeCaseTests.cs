using ImbalanceGuard.Sampling;

namespace ImbalanceGuard.Tests.Sampling;

/// <summary>What every sampler must do at the edges: classes left out of the strategy, k larger than a class,
/// duplicate rows, ties, a single class, and strategies the data cannot satisfy.</summary>
public class SamplerEdgeCaseTests
{
    public static TheoryData<string> SamplerNames() => [.. SamplerCatalog.Names];

    /// <summary>The combined samplers clean every class after over-sampling (as imbalanced-learn's do), so they are not here.</summary>
    public static TheoryData<string> SingleStepSamplerNames() => [.. SamplerCatalog.Names.Where(n => n is not ("smote-tomek" or "smote-enn"))];

    [Theory]
    [MemberData(nameof(SingleStepSamplerNames))]
    public void A_class_absent_from_the_strategy_is_left_exactly_as_it_was(string name)
    {
        var training = RandomData.Make(3, classes: 3, minClassRows: 20, dimensions: 3);
        var counts = training.ClassCounts;
        var probe = Create(name, []);
        var strategy = probe.Kind switch
        {
            SamplingKind.OverSampling => $"{{1: {counts[0]}}}",
            SamplingKind.UnderSampling => $"{{0: {counts[2]}}}",
            _ => "[0]",
        };
        var parameters = new Dictionary<string, string> { ["sampling_strategy"] = strategy };
        if (name == "smote-nc")
        {
            parameters["categorical_features"] = "0";
        }

        var result = Create(name, parameters).FitResample(training);
        var untouched = probe.Kind == SamplingKind.OverSampling ? new[] { 0, 2 } : [1, 2];
        foreach (var c in untouched)
        {
            var name_ = training.Schema.ClassNames[c];
            Assert.Equal(counts[c], result.CountsAfter[name_]);
            Assert.Equal(
                Enumerable.Range(0, training.RowCount).Where(i => training.Labels[i] == c),
                result.KeptIndices.Where(i => training.Labels[i] == c));
        }
    }

    [Theory]
    [InlineData("smote", "k_neighbors")]
    [InlineData("borderline-smote-1", "k_neighbors")]
    [InlineData("borderline-smote-2", "k_neighbors")]
    [InlineData("adasyn", "n_neighbors")]
    [InlineData("smoten", "k_neighbors")]
    [InlineData("smote-tomek", "k_neighbors")]
    [InlineData("smote-enn", "k_neighbors")]
    [InlineData("near-miss-1", "n_neighbors")]
    [InlineData("near-miss-3", "n_neighbors")]
    public void Neighbours_beyond_a_class_are_refused_with_a_message_that_names_the_parameter(string name, string parameter)
    {
        // The minority has 4 rows: k = 5 needs 6 (5 neighbours besides the row itself); NearMiss-1 and -3 search the
        // minority from outside it, so n_neighbors = 5 needs 5. (NearMiss-2 takes every minority row: NearMissEdgeParityTests.)
        var rows = Enumerable.Range(0, 30).Select(i => new[] { i * 0.1, (i % 7) * 0.3 }).ToArray();
        var labels = Enumerable.Range(0, 30).Select(i => i % 7 == 0 && i < 28 ? 1 : 0).ToArray();
        var training = Split.FromPreSplit(Dataset.FromRows(rows, labels));
        Assert.Equal(4, training.ClassCounts[1]);
        var value = name.StartsWith("near-miss", StringComparison.Ordinal) ? "5" : "4";
        var error = Assert.Throws<SamplingException>(() => Create(name, new() { [parameter] = value }).FitResample(training));
        Assert.Contains(parameter, error.Message, StringComparison.Ordinal);
        Assert.Contains("'1'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("smote-nc", "k_neighbors", "4")]
    [InlineData("svm-smote", "k_neighbors", "4")]
    [InlineData("kmeans-smote", "k_neighbors", "4")]
    [InlineData("near-miss-3", "n_neighbors_ver3", "31")]
    [InlineData("enn", "n_neighbors", "30")]
    [InlineData("renn", "n_neighbors", "30")]
    [InlineData("allknn", "n_neighbors", "30")]
    [InlineData("ncr", "n_neighbors", "30")]
    [InlineData("cnn", "n_neighbors", "6")]
    [InlineData("oss", "n_neighbors", "6")]
    [InlineData("iht", "cv", "31")]
    public void Neighbourhoods_and_folds_beyond_the_data_are_refused_with_a_message_that_names_the_parameter(string name, string parameter, string value)
    {
        // 30 rows: the minority has 4; n_neighbors = 30 leaves no row out; the starting store of CNN/OSS has 5 rows.
        var rows = Enumerable.Range(0, 30).Select(i => new[] { i % 3, i * 0.1, (i % 7) * 0.3 }).ToArray();
        var labels = Enumerable.Range(0, 30).Select(i => i % 7 == 0 && i < 28 ? 1 : 0).ToArray();
        var training = Split.FromPreSplit(Dataset.FromRows(rows, labels));
        var parameters = new Dictionary<string, string> { [parameter] = value };
        if (name == "smote-nc")
        {
            parameters["categorical_features"] = "0";
        }

        if (name == "kmeans-smote")
        {
            parameters["kmeans_estimator"] = "1";
        }

        var error = Assert.Throws<SamplingException>(() => Create(name, parameters).FitResample(training));
        Assert.Contains(parameter, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SamplerNames))]
    public void A_single_class_is_refused(string name)
    {
        var training = Split.FromPreSplit(Dataset.FromRows([.. Enumerable.Range(0, 20).Select(i => new double[] { i })], [.. Enumerable.Repeat(0, 20)]));
        var error = Assert.Throws<SamplingException>(() => Create(name, []).FitResample(training));
        Assert.Contains("at least two classes", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SamplerNames))]
    public void Duplicate_and_tied_rows_are_handled_deterministically(string name)
    {
        // Every row sits on a coarse grid, many rows repeat, and one minority row is duplicated 4 times.
        var rows = new List<double[]>();
        var labels = new List<int>();
        for (var i = 0; i < 80; i++)
        {
            rows.Add([i % 4, (i / 4) % 3]);
            labels.Add(i % 9 == 0 ? 1 : 0);
        }

        for (var i = 0; i < 4; i++)
        {
            rows.Add([0.5, 0.5]);
            labels.Add(1);
        }

        var training = Split.FromPreSplit(Dataset.FromRows(rows, labels));
        var parameters = name switch
        {
            "smote-nc" => new Dictionary<string, string> { ["categorical_features"] = "1" },
            "kmeans-smote" => new Dictionary<string, string> { ["kmeans_estimator"] = "2", ["cluster_balance_threshold"] = "0.05" },
            _ => [],
        };
        var first = Create(name, parameters, training.Schema).FitResample(training);
        var second = Create(name, parameters, training.Schema).FitResample(training);
        Assert.Equal(first.KeptIndices, second.KeptIndices);
        Assert.Equal(first.Resampled.Features.ToArray(), second.Resampled.Features.ToArray());
    }

    [Fact]
    public void Smote_on_identical_rows_makes_copies_of_them()
    {
        var rows = Enumerable.Range(0, 20).Select(i => i < 6 ? new[] { 1.0, 2.0 } : new[] { i * 1.0, -i * 1.0 }).ToArray();
        var labels = Enumerable.Range(0, 20).Select(i => i < 6 ? 1 : 0).ToArray();
        var result = new Smote().FitResample(Split.FromPreSplit(Dataset.FromRows(rows, labels)));
        Assert.Equal(8, result.SyntheticCount);
        for (var i = 20; i < result.Resampled.RowCount; i++)
        {
            Assert.Equal([1.0, 2.0], result.Resampled.GetRow(i).ToArray());
        }
    }

    [Fact]
    public void Tomek_links_with_equidistant_neighbours_take_the_lower_index()
    {
        // Row 0 (class 1) is equally near rows 1 and 2 (class 0); its nearest is row 1, whose nearest is row 0.
        double[][] rows = [[0, 0], [1, 0], [-1, 0], [5, 5], [6, 5]];
        var training = Split.FromPreSplit(Dataset.FromRows(rows, [1, 0, 0, 0, 0]));
        var result = new TomekLinks().FitResample(training);
        Assert.Equal([0, 2, 3, 4], result.KeptIndices);
    }

    [Theory]
    [InlineData("smote", "majority", "cannot be used with an over-sampler")]
    [InlineData("random-under", "minority", "cannot be used with an under-sampler")]
    [InlineData("smote", "{0: 10}", "can only add rows")]
    [InlineData("random-under", "{0: 100000}", "can only remove rows")]
    [InlineData("smote", "{9: 100}", "not present")]
    [InlineData("smote", "[1]", "only for cleaning samplers")]
    [InlineData("tomek-links", "{1: 3}", "cannot take per-class counts")]
    [InlineData("tomek-links", "0.5", "cannot take a ratio")]
    public void Strategies_the_data_cannot_satisfy_are_refused(string name, string strategy, string message)
    {
        var training = RandomData.Make(5, classes: 2, minClassRows: 20);
        var error = Assert.Throws<SamplingException>(() => Create(name, new() { ["sampling_strategy"] = strategy }).FitResample(training));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ratio_needs_exactly_two_classes()
    {
        var training = RandomData.Make(6, classes: 3, minClassRows: 20);
        var error = Assert.Throws<SamplingException>(() => new Smote { SamplingStrategy = SamplingStrategy.Ratio(0.5) }.FitResample(training));
        Assert.Contains("exactly two classes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ratio_that_would_shrink_the_minority_is_refused()
    {
        var training = RandomData.Make(7, classes: 2, minClassRows: 30);
        var ratio = (training.ClassCounts[1] - 5) / (double)training.ClassCounts[0];
        var error = Assert.Throws<SamplingException>(() => new Smote { SamplingStrategy = SamplingStrategy.Ratio(ratio) }.FitResample(training));
        Assert.Contains("Increase the ratio", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("smote", "k_neighbors", "0")]
    [InlineData("enn", "n_neighbors", "-1")]
    [InlineData("enn", "kind_sel", "most")]
    [InlineData("near-miss-1", "n_neighbors_ver3", "0")]
    [InlineData("random-over", "shrinkage", "-1")]
    [InlineData("ncr", "threshold_cleaning", "x")]
    [InlineData("smote", "n_jobs", "0")]
    public void Invalid_parameter_values_are_refused_when_the_sampler_is_made(string name, string parameter, string value)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => Create(name, new() { [parameter] = value }));
        Assert.Contains(parameter, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_samplers_and_parameters_are_named()
    {
        var unknownSampler = Assert.Throws<ArgumentException>(() => Create("smoot", []));
        Assert.Contains("smoot", unknownSampler.Message, StringComparison.Ordinal);
        var unknownParameter = Assert.Throws<ArgumentException>(() => Create("smote", new() { ["n_neighbors"] = "3" }));
        Assert.Contains("no parameter n_neighbors", unknownParameter.Message, StringComparison.Ordinal);
        Assert.Contains("k_neighbors", unknownParameter.Message, StringComparison.Ordinal);
    }

    private static Sampler Create(string name, Dictionary<string, string> parameters, DataSchema? schema = null)
        => SamplerCatalog.Create(name, new SamplerParameters(parameters, schema));
}
