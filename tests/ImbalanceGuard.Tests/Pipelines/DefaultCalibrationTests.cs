using System.Text;
using System.Text.Json.Nodes;
using ImbalanceGuard.Calibration;
using ImbalanceGuard.Ensembles;
using ImbalanceGuard.Models;
using ImbalanceGuard.Pipelines;
using ImbalanceGuard.Sampling;
using ImbalanceGuard.Thresholds;

namespace ImbalanceGuard.Tests.Pipelines;

/// <summary>The default calibration (the prior correction after rebalancing) and what a fitted pipeline says about it.</summary>
public class DefaultCalibrationTests
{
    [Fact]
    public void The_default_is_automatic()
        => Assert.Equal(CalibrationMethod.Automatic, new ImbalancePipeline(new LogisticRegression()).Calibration);

    [Fact]
    public void After_smote_the_default_applies_the_prior_correction_and_probabilities_meet_the_base_rate()
    {
        var satimage = RepositoryFiles.LoadData("satimage.csv");
        var (training, holdout) = Split.Stratified(satimage, 0.3, seed: 1);
        ImbalancePipeline Pipeline(CalibrationMethod calibration) => new(new LogisticRegression())
        {
            Preprocessing = [new StandardScaler()],
            Samplers = [new Smote { Seed = 1 }],
            Calibration = calibration,
        };

        var automatic = Pipeline(CalibrationMethod.Automatic).Fit(training);
        var none = Pipeline(CalibrationMethod.None).Fit(training);

        var prior = Assert.IsType<PriorCorrection>(automatic.Calibrator);
        Assert.Equal(training.ClassCounts[1] / (double)training.RowCount, prior.TruePositiveRate, 12);
        Assert.Equal(0.5, prior.TrainingPositiveRate, 12);
        Assert.True(automatic.ProbabilitiesCalibrated);
        Assert.Null(automatic.ProbabilityWarning);
        Assert.Null(none.Calibrator);
        Assert.False(none.ProbabilitiesCalibrated);

        // Calibration in the large on rows no model saw: the uncorrected mean is far above the share of positives.
        var share = holdout.ClassCounts[1] / (double)holdout.RowCount;
        var corrected = automatic.PositiveProbabilities(holdout).Average();
        var inflated = none.PositiveProbabilities(holdout).Average();
        Assert.True(Math.Abs(corrected - share) < Math.Abs(inflated - share), $"corrected mean {corrected}, inflated {inflated}, share {share}");
        Assert.True(inflated > 2 * share, $"inflated mean {inflated}, share {share}");
    }

    [Fact]
    public void Class_weights_are_corrected_too()
    {
        var (training, _) = PipelineTestData.BinarySplit();
        var fitted = new ImbalancePipeline(new LogisticRegression()) { Preprocessing = [new StandardScaler()], ClassWeights = ClassWeights.Balanced }.Fit(training);

        var prior = Assert.IsType<PriorCorrection>(fitted.Calibrator);
        Assert.Equal(0.5, prior.TrainingPositiveRate, 12);
        Assert.True(fitted.ProbabilitiesCalibrated);
    }

    [Fact]
    public void Without_rebalancing_the_default_leaves_probabilities_as_the_model_gives_them()
    {
        var (training, holdout) = PipelineTestData.BinarySplit();
        var automatic = new ImbalancePipeline(new LogisticRegression()) { Preprocessing = [new StandardScaler()] }.Fit(training);
        var none = new ImbalancePipeline(new LogisticRegression()) { Preprocessing = [new StandardScaler()], Calibration = CalibrationMethod.None }.Fit(training);

        Assert.Null(automatic.Calibrator);
        Assert.True(automatic.ProbabilitiesCalibrated);
        Assert.True(none.ProbabilitiesCalibrated);
        Assert.Equal(none.PositiveProbabilities(holdout), automatic.PositiveProbabilities(holdout));
    }

    [Fact]
    public void Explicit_none_after_resampling_says_the_probabilities_overstate_the_positive_class()
    {
        var (training, _) = PipelineTestData.BinarySplit();
        var fitted = new ImbalancePipeline(new LogisticRegression())
        {
            Preprocessing = [new StandardScaler()],
            Samplers = [new RandomOverSampler { Seed = 1 }],
            Calibration = CalibrationMethod.None,
            Threshold = ThresholdPolicy.Tuned(ThresholdObjective.F1),
        }.Fit(training);

        Assert.False(fitted.ProbabilitiesCalibrated);
        var warning = Assert.IsType<string>(fitted.ProbabilityWarning);
        Assert.Contains("not calibrated, so they overstate it", warning, StringComparison.Ordinal);
        Assert.Contains("'1'", warning, StringComparison.Ordinal);
        Assert.Contains("CalibrationMethod.PriorCorrection", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("Bayes", warning, StringComparison.Ordinal); // no cost objective here
    }

    [Fact]
    public void A_cost_threshold_on_uncalibrated_resampled_probabilities_names_the_bayes_threshold_that_does_not_apply()
    {
        var (training, _) = PipelineTestData.BinarySplit();
        var fitted = new ImbalancePipeline(new LogisticRegression())
        {
            Preprocessing = [new StandardScaler()],
            Samplers = [new Smote { Seed = 1 }],
            Calibration = CalibrationMethod.None,
            Threshold = ThresholdPolicy.Tuned(ThresholdObjective.MinimumCost(1, 9)),
        }.Fit(training);

        var warning = Assert.IsType<string>(fitted.ProbabilityWarning);
        Assert.Contains("the Bayes threshold c_FP / (c_FP + c_FN) = 0.1 does not apply", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_learner_that_rebalances_inside_itself_is_not_called_calibrated()
    {
        var (training, _) = PipelineTestData.BinarySplit();
        var fitted = new ImbalancePipeline(new EasyEnsembleClassifier { Estimators = 3, Seed = 1 }).Fit(training);

        Assert.Null(fitted.Calibrator); // the pipeline cannot know the share each member saw
        Assert.False(fitted.ProbabilitiesCalibrated);
        Assert.NotNull(fitted.ProbabilityWarning);
    }

    [Theory]
    [InlineData(CalibrationMethod.None, false)]
    [InlineData(CalibrationMethod.Automatic, true)]
    public void Whether_probabilities_are_calibrated_is_saved_with_the_pipeline(CalibrationMethod method, bool calibrated)
    {
        var (training, _) = PipelineTestData.BinarySplit();
        var fitted = new ImbalancePipeline(new LogisticRegression()) { Samplers = [new RandomUnderSampler { Seed = 2 }], Calibration = method }.Fit(training);
        using var stream = new MemoryStream();
        fitted.Save(stream);

        var saved = JsonNode.Parse(stream.ToArray())!;
        Assert.Equal(calibrated, saved["probabilities_calibrated"]!.GetValue<bool>());
        Assert.Equal(calibrated, FittedPipeline.Load(new MemoryStream(stream.ToArray())).ProbabilitiesCalibrated);
    }

    [Theory]
    [InlineData(true, CalibrationMethod.None, false)]
    [InlineData(true, CalibrationMethod.PriorCorrection, true)]
    [InlineData(false, CalibrationMethod.None, true)]
    public void A_file_saved_before_the_flag_is_read_from_its_resampling_counts_and_calibrator(bool resample, CalibrationMethod method, bool calibrated)
    {
        var (training, holdout) = PipelineTestData.BinarySplit();
        var fitted = new ImbalancePipeline(new LogisticRegression())
        {
            Samplers = resample ? [new RandomOverSampler { Seed = 2 }] : [],
            Calibration = method,
        }.Fit(training);
        using var stream = new MemoryStream();
        fitted.Save(stream);
        var old = JsonNode.Parse(stream.ToArray())!.AsObject();
        Assert.True(old.Remove("probabilities_calibrated"));

        var loaded = FittedPipeline.Load(new MemoryStream(Encoding.UTF8.GetBytes(old.ToJsonString())));

        Assert.Equal(calibrated, loaded.ProbabilitiesCalibrated);
        Assert.Equal(fitted.PositiveProbabilities(holdout), loaded.PositiveProbabilities(holdout));
    }

    [Fact]
    public void Cross_validation_says_whether_every_fold_was_calibrated()
    {
        var data = PipelineTestData.Binary();
        var splitter = new StratifiedKFold(3, shuffle: true, seed: 1);
        var smote = new ImbalancePipeline(new LogisticRegression()) { Samplers = [new Smote { Seed = 1 }] };
        var raw = new ImbalancePipeline(new LogisticRegression()) { Samplers = [new Smote { Seed = 1 }], Calibration = CalibrationMethod.None };

        Assert.True(CrossValidation.Run(smote, data, splitter).ProbabilitiesCalibrated);
        Assert.False(CrossValidation.Run(raw, data, splitter).ProbabilitiesCalibrated);
    }
}
