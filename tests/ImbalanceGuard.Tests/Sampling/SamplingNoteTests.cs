using ImbalanceGuard.Sampling;

namespace ImbalanceGuard.Tests.Sampling;

/// <summary>Notes on what a resampling did as asked (heavy loss, many repeats) and the refusal to delete a class.</summary>
public class SamplingNoteTests
{
    private static readonly Lazy<TrainingSet> Hacide = new(() => Split.FromPreSplit(RepositoryFiles.LoadData("hacide.csv")));
    private static readonly Lazy<TrainingSet> Satimage = new(() => Split.FromPreSplit(RepositoryFiles.LoadData("satimage.csv")));

    [Fact]
    public void Under_sampling_that_discards_more_than_90_percent_of_a_class_says_so_apart_from_the_warnings()
    {
        // hacide: 980 rows of class 0, 20 of class 1; balancing keeps 20 of the 980.
        var result = new RandomUnderSampler { Seed = 1 }.FitResample(Hacide.Value);

        Assert.Empty(result.Warnings); // the targets were met
        var note = Assert.Single(result.Notes);
        Assert.Equal(SamplingNoteKind.HeavyLoss, note.Kind);
        Assert.Equal("0", note.ClassName);
        Assert.Equal(
            "random-under kept 20 of the 980 rows of class '0' (98.0 % discarded): the learner sees that class through a few rows. Consider class weights, a balanced ensemble (easy-ensemble keeps every row across its members) or a milder sampling_strategy.",
            note.Message);
        Assert.Equal(note.Message, note.ToString());
    }

    [Fact]
    public void Under_sampling_that_keeps_more_than_a_tenth_has_no_note()
    {
        // satimage: 5809 rows of class 0 and 626 of class 1 keep 10.8 % of class 0.
        var result = new RandomUnderSampler { Seed = 1 }.FitResample(Satimage.Value);

        Assert.Equal(626, result.CountsAfter["0"]);
        Assert.Empty(result.Notes);
    }

    [Fact]
    public void Over_sampling_that_repeats_each_row_ten_times_or_more_says_so()
    {
        var result = new RandomOverSampler { Seed = 1 }.FitResample(Hacide.Value);

        Assert.Empty(result.Warnings);
        var note = Assert.Single(result.Notes);
        Assert.Equal(SamplingNoteKind.ManyRepeats, note.Kind);
        Assert.Equal("1", note.ClassName);
        Assert.Equal(
            "random-over repeats each row of class '1' 49 times on average (980 rows from 20): a flexible learner can memorise them. Consider class weights, SMOTE, a smoothed bootstrap (shrinkage) or a milder sampling_strategy.",
            note.Message);
    }

    [Fact]
    public void Over_sampling_below_ten_repeats_or_without_copies_has_no_note()
    {
        // satimage's minority rows appear 5809 / 626 = 9.3 times each; a smoothed bootstrap makes new rows, not copies.
        Assert.Empty(new RandomOverSampler { Seed = 1 }.FitResample(Satimage.Value).Notes);
        Assert.Empty(new RandomOverSampler { Seed = 1, Shrinkage = 1.0 }.FitResample(Hacide.Value).Notes);
    }

    [Fact]
    public void A_target_of_zero_rows_in_under_sampling_is_refused_because_it_deletes_the_class()
    {
        var sampler = new RandomUnderSampler { Seed = 1, SamplingStrategy = SamplingStrategy.Counts(new Dictionary<string, int> { ["0"] = 0 }) };

        var error = Assert.Throws<SamplingException>(() => sampler.FitResample(Hacide.Value));

        Assert.Equal(
            "sampling_strategy asks for 0 rows of class '0', which has 980: that deletes the class, not rebalances it. Keep at least 1 row, or remove the class from the data before the split.",
            error.Message);
    }

    [Fact]
    public void A_target_of_one_row_is_still_allowed_and_noted()
    {
        var sampler = new RandomUnderSampler { Seed = 1, SamplingStrategy = SamplingStrategy.Counts(new Dictionary<string, int> { ["0"] = 1 }) };

        var result = sampler.FitResample(Hacide.Value);

        Assert.Equal(1, result.CountsAfter["0"]);
        Assert.Equal(SamplingNoteKind.HeavyLoss, Assert.Single(result.Notes).Kind);
    }
}
