using ImbalanceGuard.Sampling;
using Microsoft.ML;

namespace ImbalanceGuard.ML.Tests;

/// <summary>
/// Key and Boolean columns, and columns the caller declares categorical, reach the samplers as categories: the
/// samplers that mix feature values refuse them by name, SMOTE-NC keeps them whole.
/// </summary>
public class CategoricalColumnTests
{
    private readonly MLContext _ml = new(seed: 1);

    [Fact]
    public void Smote_refuses_a_key_column_naming_it_and_smote_nc()
    {
        var split = _ml.Data.StratifiedTrainTestSplit(MLData.Scalars(_ml), labelColumnName: "Outcome", seed: 4);

        var refusal = Assert.Throws<CategoricalFeaturesException>(() => _ml.Data.Resample(split.TrainSet, new Smote { Seed = 3 }, ["Glucose", "Mass", "Band"]));

        Assert.Equal(["Band"], refusal.Columns);
        Assert.Equal("smote-nc", refusal.Alternative);
        Assert.Contains("categorical column 'Band'", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_vector_declared_categorical_is_refused_by_smote_and_keeps_its_codes_through_smote_nc()
    {
        var split = _ml.Data.StratifiedTrainTestSplit(MLData.Vector(_ml), seed: 3);
        string[] features = ["Features", "Age"];

        var refusal = Assert.Throws<CategoricalFeaturesException>(
            () => _ml.Data.Resample(split.TrainSet, new BorderlineSmote { Seed = 3 }, features, categoricalColumnNames: ["Features"]));
        var resampled = _ml.Data.Resample(split.TrainSet, new SmoteNc { Seed = 3 }, features, categoricalColumnNames: ["Features"]);

        Assert.Equal(Enumerable.Range(0, MLData.FeatureCount).Select(i => $"Features[{i}]"), refusal.Columns);
        Assert.Equal("smote-nc", refusal.Alternative);
        var before = MLData.Column<float[]>(split.TrainSet, "Features");
        var after = MLData.Column<float[]>(resampled, "Features");
        Assert.True(resampled.SyntheticRowCount > 0);
        for (var slot = 0; slot < MLData.FeatureCount; slot++)
        {
            var codes = before.Select(row => row[slot]).ToHashSet();
            for (var i = after.Length - resampled.SyntheticRowCount; i < after.Length; i++)
            {
                Assert.Contains(after[i][slot], codes);
            }
        }
    }

    [Fact]
    public void A_categorical_column_that_is_not_a_feature_is_an_argument_error()
    {
        var split = _ml.Data.StratifiedTrainTestSplit(MLData.Vector(_ml), seed: 3);

        var error = Assert.Throws<ArgumentException>(() => _ml.Data.Resample(split.TrainSet, new SmoteNc(), ["Features", "Age"], categoricalColumnNames: ["Id"]));

        Assert.Contains("The categorical column 'Id' is not among the feature columns (Features, Age)", error.Message, StringComparison.Ordinal);
    }
}
