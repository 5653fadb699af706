using ImbalanceGuard.Sampling;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ImbalanceGuard.ML.Tests;

public class ResampleTests
{
    private readonly MLContext _ml = new(seed: 1);

    [Fact]
    public void Smote_on_a_training_view_keeps_the_schema_balances_the_classes_and_marks_the_synthetic_rows()
    {
        var split = _ml.Data.StratifiedTrainTestSplit(MLData.Vector(_ml), testFraction: 0.25, seed: 3);

        var resampled = _ml.Data.Resample(split.TrainSet, new Smote { Seed = 2 }, ["Features"], syntheticColumnName: "IsSynthetic");

        var labels = MLData.Column<bool>(resampled, "Label");
        Assert.Equal(labels.Count(l => !l), labels.Count(l => l)); // SMOTE 'auto' brings the minority up to the majority
        var synthetic = MLData.Column<bool>(resampled, "IsSynthetic");
        Assert.Equal(resampled.SyntheticRowCount, synthetic.Count(s => s));
        var before = MLData.Column<bool>(split.TrainSet, "Label");
        Assert.Equal(before.Count(l => !l) - before.Count(l => l), resampled.SyntheticRowCount);
        Assert.All(Enumerable.Range(0, resampled.RowCount), i => Assert.Equal(synthetic[i], resampled.IsSynthetic(i)));

        // The original schema, plus the flag column asked for.
        foreach (var column in split.TrainSet.Schema)
        {
            Assert.Equal(column.Type, resampled.Schema[column.Name].Type);
        }

        Assert.Equal(split.TrainSet.Schema.Count + 1, resampled.Schema.Count);
    }

    [Fact]
    public void Without_a_flag_column_the_schema_is_exactly_the_input_one()
    {
        var split = _ml.Data.StratifiedTrainTestSplit(MLData.Vector(_ml), seed: 3);

        var resampled = _ml.Data.Resample(split.TrainSet, new RandomOverSampler { Seed = 1 }, ["Features"]);

        Assert.Equal(split.TrainSet.Schema.Select(c => (c.Name, c.Type)), resampled.Schema.Select(c => (c.Name, c.Type)));
        Assert.True(resampled.IsResampled);
        Assert.True(resampled.SyntheticRowCount > 0);
    }

    [Fact]
    public void Kept_rows_come_through_whole_and_synthetic_rows_copy_the_other_columns_from_their_parent()
    {
        var split = _ml.Data.StratifiedTrainTestSplit(MLData.Vector(_ml), seed: 3);
        var ids = MLData.Column<string>(split.TrainSet, "Id");
        var ages = MLData.Column<float>(split.TrainSet, "Age");

        var resampled = _ml.Data.Resample(split.TrainSet, new Smote { Seed = 5 }, ["Features"]);

        var outIds = MLData.Column<string>(resampled, "Id");
        var outAges = MLData.Column<float>(resampled, "Age");
        var kept = resampled.Resampling!.KeptIndices;
        for (var i = 0; i < kept.Count; i++)
        {
            Assert.Equal(ids[kept[i]], outIds[i]);
        }

        for (var i = kept.Count; i < resampled.RowCount; i++)
        {
            var parent = (int)resampled.Resampling.Resampled.GetProvenance(i).ParentRows[0];
            Assert.Equal(ids[parent], outIds[i]);
            Assert.Equal(ages[parent], outAges[i]);
        }
    }

    [Fact]
    public void Synthetic_feature_vectors_lie_between_a_minority_row_and_its_neighbour()
    {
        var split = _ml.Data.StratifiedTrainTestSplit(MLData.Vector(_ml), seed: 3);
        var resampled = _ml.Data.Resample(split.TrainSet, new Smote { Seed = 5 }, ["Features"]);
        var features = resampled.GetColumn<VBuffer<float>>("Features").Select(v => v.DenseValues().ToArray()).ToArray();
        var original = split.TrainSet.GetColumn<VBuffer<float>>("Features").Select(v => v.DenseValues().ToArray()).ToArray();

        for (var i = resampled.Resampling!.KeptIndices.Count; i < resampled.RowCount; i++)
        {
            var parents = resampled.Resampling.Resampled.GetProvenance(i).ParentRows.ToArray();
            Assert.Equal(2, parents.Length);
            var (a, b) = (original[parents[0]], original[parents[1]]);
            for (var j = 0; j < MLData.FeatureCount; j++)
            {
                Assert.InRange(features[i][j], Math.Min(a[j], b[j]) - 1e-3f, Math.Max(a[j], b[j]) + 1e-3f);
            }
        }
    }

    [Fact]
    public void Scalar_and_key_columns_resample_in_their_own_types_with_exact_categories()
    {
        var split = _ml.Data.StratifiedTrainTestSplit(MLData.Scalars(_ml), labelColumnName: "Outcome", seed: 4);

        var resampled = _ml.Data.Resample(split.TrainSet, new SmoteNc { Seed = 3 }, ["Glucose", "Mass", "Band"]);

        Assert.Equal(split.TrainSet.Schema["Band"].Type, resampled.Schema["Band"].Type); // still a key of 3 values
        Assert.All(MLData.Column<uint>(resampled, "Band"), band => Assert.InRange(band, 1u, 3u));
        var outcomes = MLData.Column<string>(resampled, "Outcome");
        Assert.Equal(outcomes.Count(o => o == "healthy"), outcomes.Count(o => o == "diabetic"));
    }

    [Fact]
    public void Under_sampling_follows_the_sampling_strategy()
    {
        var split = _ml.Data.StratifiedTrainTestSplit(MLData.Vector(_ml), seed: 3);
        var positives = MLData.Column<bool>(split.TrainSet, "Label").Count(l => l);

        var resampled = _ml.Data.Resample(split.TrainSet, new RandomUnderSampler { Seed = 1, SamplingStrategy = SamplingStrategy.Ratio(0.8) }, ["Features"]);

        var labels = MLData.Column<bool>(resampled, "Label");
        Assert.Equal(positives, labels.Count(l => l));
        Assert.Equal((int)(positives / 0.8), labels.Count(l => !l)); // imbalanced-learn: n_majority = int(n_minority / ratio)
        Assert.Equal(0, resampled.SyntheticRowCount);
    }

    [Fact]
    public void The_default_features_are_every_numeric_column_but_the_label()
    {
        var training = _ml.Data.AsTrainingData(MLData.Vector(_ml));

        var dataset = _ml.Data.ToDataset(training);

        Assert.Equal(MLData.FeatureCount + 1, dataset.FeatureCount); // the vector and Age; not the text Id
        Assert.Equal(["False", "True"], dataset.Schema.ClassNames);
    }

    [Fact]
    public void Bad_input_names_the_problem()
    {
        var split = _ml.Data.StratifiedTrainTestSplit(MLData.Vector(_ml), seed: 3);

        Assert.Contains("no label column 'Class'", Assert.Throws<ArgumentException>(() => _ml.Data.StratifiedTrainTestSplit(MLData.Vector(_ml), labelColumnName: "Class")).Message);
        Assert.Contains("no feature column 'V1'", Assert.Throws<ArgumentException>(() => _ml.Data.Resample(split.TrainSet, new Smote(), ["V1"])).Message);
        Assert.Contains("features must be numeric", Assert.Throws<ArgumentException>(() => _ml.Data.Resample(split.TrainSet, new Smote(), ["Id"])).Message);
        var once = _ml.Data.Resample(split.TrainSet, new Smote(), ["Features"]);
        Assert.Contains("already resampled", Assert.Throws<ArgumentException>(() => _ml.Data.Resample(once, new Smote(), ["Features"])).Message);
        Assert.Contains("IsSynthetic", Assert.Throws<ArgumentException>(() => _ml.Data.Resample(_ml.Data.AsTrainingData(_ml.Data.Resample(split.TrainSet, new Smote(), ["Features"], "IsSynthetic")), new Smote(), ["Features"], "IsSynthetic")).Message);
    }
}
