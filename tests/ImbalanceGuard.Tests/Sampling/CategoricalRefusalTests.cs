using ImbalanceGuard.Sampling;

namespace ImbalanceGuard.Tests.Sampling;

/// <summary>
/// Samplers that mix feature values refuse categorical features before any work, naming the columns and what to use
/// instead; SMOTE-NC on the same real data makes rows whose categories all exist.
/// </summary>
public class CategoricalRefusalTests
{
    public static TheoryData<Sampler, string> Mixers => new()
    {
        { new Smote(), "smote-nc" },
        { new BorderlineSmote(), "smote-nc" },
        { new Adasyn(), "smote-nc" },
        { new SvmSmote(), "smote-nc" },
        { new KMeansSmote(), "smote-nc" },
        { new SmoteTomek(), "smote-nc" },
        { new SmoteEnn(), "smote-nc" },
        { new ClusterCentroids(), "voting=hard" },
        { new RandomOverSampler { Shrinkage = 0.5 }, "random-over" },
    };

    /// <summary>pima with its pregnancy count read as a category: real data with one categorical column.</summary>
    private static TrainingSet PimaWithCategoricalPregnancies()
        => Split.FromPreSplit(Dataset.LoadCsv(RepositoryFiles.DataFile("pima.csv"), new CsvLoadOptions { CategoricalColumns = ["pregnant"] }));

    [Theory]
    [MemberData(nameof(Mixers))]
    public void Samplers_that_mix_feature_values_refuse_categorical_columns_before_any_work(Sampler sampler, string alternative)
    {
        var heard = new List<SamplingProgress>();
        var reporting = sampler.ReportingTo(new Recorder(heard));

        var refusal = Assert.Throws<CategoricalFeaturesException>(() => reporting.FitResample(PimaWithCategoricalPregnancies()));

        Assert.Equal(sampler.Name, refusal.Sampler);
        Assert.Equal(["pregnant"], refusal.Columns);
        Assert.Equal(alternative, refusal.Alternative);
        Assert.StartsWith($"{sampler.Name} ", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("categorical column 'pregnant' into values that name no category", refusal.Message, StringComparison.Ordinal);
        Assert.Contains(alternative, refusal.Message, StringComparison.Ordinal);
        Assert.Empty(heard); // refused before the run started
    }

    [Fact]
    public void Smote_points_to_SmoteNc_on_mixed_data_and_to_Smoten_when_every_feature_is_categorical()
    {
        var mixed = Assert.Throws<CategoricalFeaturesException>(() => new Smote().FitResample(PimaWithCategoricalPregnancies()));
        Assert.Equal(
            "smote interpolates between rows and would turn the codes of the categorical column 'pregnant' into values that name no category; use smote-nc (SmoteNc), which interpolates the continuous features and samples categories from the neighbours.",
            mixed.Message);

        double[][] rows = [.. Enumerable.Range(0, 30).Select(i => new double[] { i % 3, i % 4 })];
        var codes = Split.FromPreSplit(Dataset.FromRows(
            rows,
            [.. Enumerable.Range(0, 30).Select(i => i % 5 == 0 ? "rare" : "common")],
            new DatasetOptions { FeatureNames = ["shape", "colour"], FeatureKinds = [FeatureKind.Categorical, FeatureKind.Categorical] }));
        var allCategorical = Assert.Throws<CategoricalFeaturesException>(() => new Adasyn().FitResample(codes));
        Assert.Equal(["shape", "colour"], allCategorical.Columns);
        Assert.Equal("smoten", allCategorical.Alternative);
        Assert.Contains("categorical columns 'shape', 'colour'", allCategorical.Message, StringComparison.Ordinal);
        Assert.Contains("every feature is categorical: use smoten (Smoten)", allCategorical.Message, StringComparison.Ordinal);
        Assert.All(new Smoten().FitResample(codes).Resampled.ClassCounts, count => Assert.Equal(24, count)); // SMOTEN takes it: 6 rare rows grow to 24
    }

    [Fact]
    public void Settings_that_keep_rows_whole_still_run_on_categorical_columns()
    {
        var training = PimaWithCategoricalPregnancies();

        var hard = new ClusterCentroids { Voting = CentroidVoting.Hard, Seed = 1 }.FitResample(training);
        var copies = new RandomOverSampler { Seed = 1 }.FitResample(training);

        Assert.Equal(0, hard.SyntheticCount); // the rows nearest the centroids, as they are
        Assert.All(hard.Resampled.ClassCounts, count => Assert.Equal(training.ClassCounts.Min(), count));
        Assert.All(copies.Resampled.ClassCounts, count => Assert.Equal(training.ClassCounts.Max(), count));
    }

    [Fact]
    public void Smote_nc_on_the_same_real_data_makes_only_categories_that_exist()
    {
        var training = PimaWithCategoricalPregnancies();
        var pregnancies = Enumerable.Range(0, training.RowCount).Select(i => training.GetRow(i)[0]).ToHashSet();

        var result = new SmoteNc { Seed = 7 }.FitResample(training);

        Assert.Equal(training.ClassCounts.Max() - training.ClassCounts.Min(), result.SyntheticCount);
        for (var i = result.Resampled.RowCount - result.SyntheticCount; i < result.Resampled.RowCount; i++)
        {
            Assert.Contains(result.Resampled.GetRow(i)[0], pregnancies);
        }
    }

    private sealed class Recorder(List<SamplingProgress> into) : IProgress<SamplingProgress>
    {
        public void Report(SamplingProgress value) => into.Add(value);
    }
}
