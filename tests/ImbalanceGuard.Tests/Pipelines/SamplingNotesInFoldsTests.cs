using System.Globalization;
using ImbalanceGuard.Models;
using ImbalanceGuard.Pipelines;
using ImbalanceGuard.Sampling;
using ImbalanceGuard.Thresholds;

namespace ImbalanceGuard.Tests.Pipelines;

/// <summary>The samplers' notes (heavy loss, many repeats) reach the fitted pipeline, each fold and the cross-validation.</summary>
public class SamplingNotesInFoldsTests
{
    // hacide: 980 rows of class 0 and 20 of class 1, so balancing by random under-sampling discards about 98 % of class 0.
    private static readonly Lazy<Dataset> Hacide = new(() => RepositoryFiles.LoadData("hacide.csv"));

    private static ImbalancePipeline Pipeline(Sampler sampler) => new(new LogisticRegression())
    {
        Preprocessing = [new StandardScaler()],
        Samplers = [sampler],
        Threshold = ThresholdPolicy.Tuned(ThresholdObjective.F1),
    };

    [Fact]
    public void The_fitted_pipeline_keeps_the_notes_of_its_final_fit_and_not_those_of_the_inner_folds()
    {
        var training = Split.FromPreSplit(Hacide.Value);

        var fitted = Pipeline(new RandomUnderSampler { Seed = 1 }).Fit(training);

        // Three inner folds also resample; their notes would repeat this one three more times.
        var note = Assert.Single(fitted.SamplingNotes);
        var direct = Assert.Single(new RandomUnderSampler { Seed = 1 }.FitResample(training).Notes);
        Assert.Equal(SamplingNoteKind.HeavyLoss, note.Kind);
        Assert.Equal("random-under", note.Sampler);
        Assert.Equal("0", note.ClassName);
        Assert.Equal(960 / 980.0, note.Amount, 12);
        Assert.Equal(direct.Message, note.Message);
    }

    [Fact]
    public void A_pipeline_loaded_from_a_file_has_no_notes_because_they_describe_the_fit()
    {
        var fitted = Pipeline(new RandomOverSampler { Seed = 1 }).Fit(Split.FromPreSplit(Hacide.Value));
        Assert.Equal(SamplingNoteKind.ManyRepeats, Assert.Single(fitted.SamplingNotes).Kind);

        using var stream = new MemoryStream();
        fitted.Save(stream);
        stream.Position = 0;

        Assert.Empty(FittedPipeline.Load(stream).SamplingNotes);
    }

    [Fact]
    public void Every_fold_carries_its_note_and_the_result_says_it_once_with_the_number_of_folds()
    {
        var result = CrossValidation.Run(Pipeline(new RandomUnderSampler { Seed = 1 }), Hacide.Value, new StratifiedKFold(5, shuffle: true, seed: 2));

        Assert.All(result.Folds, fold =>
        {
            var note = Assert.Single(fold.SamplingNotes);
            Assert.Equal(SamplingNoteKind.HeavyLoss, note.Kind);

            // The fold kept as many rows of class 0 as it had of class 1, so it discarded the rest of class 0.
            var positives = fold.ResampledRows / 2;
            var negatives = fold.TrainingRows - positives;
            Assert.Equal((negatives - positives) / (double)negatives, note.Amount, 12);
        });
        var summary = Assert.Single(result.SamplingNotes);
        Assert.Equal((SamplingNoteKind.HeavyLoss, "random-under", "0", 5, 5), (summary.Kind, summary.Sampler, summary.ClassName, summary.Folds, summary.TotalFolds));
        Assert.Equal(result.Folds.Min(f => f.SamplingNotes[0].Amount), summary.SmallestAmount);
        Assert.Equal(result.Folds.Max(f => f.SamplingNotes[0].Amount), summary.LargestAmount);
        Assert.StartsWith("random-under discarded 98.0 % of the rows of class '0' (in 5 of 5 folds): ", summary.Message);
        Assert.Equal(summary.Message, summary.ToString());
    }

    [Fact]
    public void Folds_that_discard_different_shares_give_the_range()
    {
        // 3 folds of 980 and 20 rows: training sides of 653 or 654 rows of class 0 and 13 or 14 of class 1.
        var result = CrossValidation.Run(Pipeline(new RandomUnderSampler { Seed = 1 }), Hacide.Value, new StratifiedKFold(3, shuffle: true, seed: 2));

        var summary = Assert.Single(result.SamplingNotes);
        var low = (summary.SmallestAmount * 100).ToString("0.0", CultureInfo.InvariantCulture);
        var high = (summary.LargestAmount * 100).ToString("0.0", CultureInfo.InvariantCulture);
        Assert.NotEqual(low, high);
        Assert.StartsWith($"random-under discarded {low}-{high} % of the rows of class '0' (in 3 of 3 folds): ", summary.Message);
    }

    [Fact]
    public void Many_repeats_are_summed_up_in_times_per_row()
    {
        var result = CrossValidation.Run(Pipeline(new RandomOverSampler { Seed = 1 }), Hacide.Value, new StratifiedKFold(5, shuffle: true, seed: 2));

        var summary = Assert.Single(result.SamplingNotes);
        Assert.Equal((SamplingNoteKind.ManyRepeats, "1", 5), (summary.Kind, summary.ClassName, summary.Folds));
        Assert.All(result.Folds, fold => Assert.Equal(summary.Kind, Assert.Single(fold.SamplingNotes).Kind));
        Assert.StartsWith($"random-over repeated each row of class '1' {summary.SmallestAmount.ToString("0.#", CultureInfo.InvariantCulture)} times on average (in 5 of 5 folds): ", summary.Message);
    }

    [Fact]
    public void A_mild_resampling_leaves_the_folds_and_the_result_without_notes()
    {
        // pima: 500 and 268 rows; balancing discards about 46 % of the larger class.
        var result = CrossValidation.Run(Pipeline(new RandomUnderSampler { Seed = 1 }), RepositoryFiles.LoadData("pima.csv"), new StratifiedKFold(3, shuffle: true, seed: 2));

        Assert.All(result.Folds, fold => Assert.Empty(fold.SamplingNotes));
        Assert.Empty(result.SamplingNotes);
    }
}
