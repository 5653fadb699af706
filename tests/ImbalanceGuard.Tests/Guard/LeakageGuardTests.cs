using ImbalanceGuard.Sampling;

namespace ImbalanceGuard.Tests.Guard;

public class LeakageGuardTests
{
    private static readonly Lazy<Dataset> Pima = new(() => RepositoryFiles.LoadData("pima.csv"));

    // --- Clean evaluation passes ---

    [Fact]
    public void A_clean_stratified_split_of_pima_is_independent()
    {
        var (training, holdout) = Split.Stratified(Pima.Value, 0.25, seed: 1);

        LeakageGuard.EnsureIndependent(training, holdout);
        LeakageGuard.EnsureReal(holdout);
    }

    [Fact]
    public void Resampling_the_training_side_after_the_split_stays_independent()
    {
        var (training, holdout) = Split.Stratified(Pima.Value, 0.25, seed: 1);

        var resampled = new Smote { Seed = 4 }.Resample(training);

        Assert.True(resampled.SyntheticRowCount > 0);
        LeakageGuard.EnsureIndependent(resampled, holdout);
        LeakageGuard.EnsureIndependent(new RandomOverSampler { Seed = 4 }.Resample(training), holdout);
    }

    // --- Synthetic rows in the holdout ---

    [Fact]
    public void Synthetic_rows_in_a_pre_split_holdout_are_refused_by_row()
    {
        var training = Dataset.FromRows([[1.0, 1], [2.0, 2], [3.0, 3]], ["a", "b", "a"]);
        var holdout = Dataset.FromRows(
            [[10.0, 10], [11.0, 11], [12.0, 12], [13.0, 13]],
            ["a", "b", "a", "b"],
            new DatasetOptions
            {
                Provenance =
                [
                    RowProvenance.Original(0),
                    RowProvenance.Synthetic("smote", 4, 7),
                    RowProvenance.Original(2),
                    RowProvenance.Synthetic("adasyn", 1),
                ],
            });
        var (train, test) = Split.FromPreSplit(training, holdout);

        var leak = Assert.Throws<LeakageException>(() => LeakageGuard.EnsureIndependent(train, test));

        Assert.Equal(LeakageCause.SyntheticRowsInHoldout, leak.Cause);
        Assert.Equal([1, 3], leak.HoldoutRows);
        Assert.Contains("2 of 4 evaluation rows are synthetic", leak.Message, StringComparison.Ordinal);
        Assert.Contains("row 1: synthetic (smote) from rows 4, 7", leak.Message, StringComparison.Ordinal);
        Assert.Contains("row 3: synthetic (adasyn) from row 1", leak.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("row 0", leak.Message, StringComparison.Ordinal);

        var real = Assert.Throws<LeakageException>(() => LeakageGuard.EnsureReal(test));
        Assert.Equal(LeakageCause.SyntheticRowsInHoldout, real.Cause);
        Assert.Equal([1, 3], real.HoldoutRows);
    }

    // --- Source rows on both sides ---

    [Fact]
    public void Mixing_the_sides_of_two_splits_of_one_dataset_shares_source_rows()
    {
        var data = Pima.Value;
        var first = Split.Stratified(data, 0.25, seed: 1);
        var second = Split.Stratified(data, 0.25, seed: 2);
        var trainingRows = first.TrainingRows.ToHashSet();
        int[] shared = [.. Enumerable.Range(0, second.Holdout.RowCount).Where(i => trainingRows.Contains(second.HoldoutRows[i]))];
        Assert.True(shared.Length > 8);

        var leak = Assert.Throws<LeakageException>(() => LeakageGuard.EnsureIndependent(first.Training, second.Holdout));

        Assert.Equal(LeakageCause.SharedSourceRows, leak.Cause);
        Assert.Equal(shared, leak.HoldoutRows);
        Assert.Contains($"{shared.Length} of {second.Holdout.RowCount} evaluation rows are also training rows", leak.Message, StringComparison.Ordinal);
        Assert.Contains($"row {shared[0]} = source row {second.HoldoutRows[shared[0]]}", leak.Message, StringComparison.Ordinal);
        Assert.Contains($"row {shared[7]} = source row {second.HoldoutRows[shared[7]]}", leak.Message, StringComparison.Ordinal);
        Assert.DoesNotContain($"row {shared[8]} = source row", leak.Message, StringComparison.Ordinal);
        Assert.Contains($"and {shared.Length - 8} more", leak.Message, StringComparison.Ordinal);

        // Each split on its own is clean.
        LeakageGuard.EnsureIndependent(first.Training, first.Holdout);
        LeakageGuard.EnsureIndependent(second.Training, second.Holdout);
    }

    [Fact]
    public void Declaring_one_dataset_both_sides_shares_every_row()
    {
        var data = SmallData();

        var (training, holdout) = Split.FromPreSplit(data, data);

        var leak = Assert.Throws<LeakageException>(() => LeakageGuard.EnsureIndependent(training, holdout));
        Assert.Equal(LeakageCause.SharedSourceRows, leak.Cause);
        Assert.Equal(Enumerable.Range(0, data.RowCount), leak.HoldoutRows);
    }

    [Fact]
    public void A_holdout_row_that_is_a_parent_of_a_synthetic_training_row_is_found()
    {
        var data = Pima.Value;
        var first = Split.Stratified(data, 0.25, seed: 1);
        var second = Split.Stratified(data, 0.25, seed: 2);
        var resampled = new Smote { Seed = 0 }.Resample(first.Training);
        var parents = SyntheticParents(resampled);
        Assert.Subset(first.TrainingRows.Select(r => (long)r).ToHashSet(), parents);
        int[] holdoutParents = [.. Enumerable.Range(0, second.Holdout.RowCount).Where(i => parents.Contains(second.HoldoutRows[i]))];
        Assert.NotEmpty(holdoutParents);

        var leak = Assert.Throws<LeakageException>(() => LeakageGuard.EnsureIndependent(resampled, second.Holdout));

        Assert.Equal(LeakageCause.SharedSourceRows, leak.Cause);
        Assert.Subset(leak.HoldoutRows.ToHashSet(), holdoutParents.ToHashSet());
    }

    [Fact]
    public void A_holdout_row_used_only_as_a_parent_is_named_as_the_parent_of_a_training_row()
    {
        // SMOTE, then keep only 40 of the grown minority: originals are dropped while synthetic rows made
        // from them stay, so some holdout rows of the other split are parents without being training rows.
        var data = Pima.Value;
        var first = Split.Stratified(data, 0.25, seed: 1);
        var second = Split.Stratified(data, 0.25, seed: 2);
        var smoted = new Smote { Seed = 0 }.Resample(first.Training);
        var training = new RandomUnderSampler
        {
            SamplingStrategy = SamplingStrategy.Counts(new Dictionary<string, int> { ["1"] = 40 }),
            Seed = 3,
        }.Resample(smoted);

        var direct = Enumerable.Range(0, training.RowCount)
            .Where(i => !training.GetProvenance(i).IsSynthetic)
            .Select(i => training.GetProvenance(i).SourceRow)
            .ToHashSet();
        var parents = SyntheticParents(training);
        int[] same = [.. Enumerable.Range(0, second.Holdout.RowCount).Where(i => direct.Contains(second.HoldoutRows[i]))];
        int[] parentOnly = [.. Enumerable.Range(0, second.Holdout.RowCount)
            .Where(i => !direct.Contains(second.HoldoutRows[i]) && parents.Contains(second.HoldoutRows[i]))];
        Assert.NotEmpty(parentOnly);

        var leak = Assert.Throws<LeakageException>(() => LeakageGuard.EnsureIndependent(training, second.Holdout));

        Assert.Equal(LeakageCause.SharedSourceRows, leak.Cause);
        Assert.Equal([.. same, .. parentOnly], leak.HoldoutRows);
        var row = parentOnly[0];
        var source = second.HoldoutRows[row];
        var child = Enumerable.Range(0, training.RowCount).First(i => training.GetProvenance(i).ParentRows.Contains(source));
        Assert.Contains($"{parentOnly.Length} evaluation rows were used to make synthetic training rows", leak.Message, StringComparison.Ordinal);
        Assert.Contains($"row {row} = source row {source}, parent of training row {child}", leak.Message, StringComparison.Ordinal);
    }

    // --- Identical rows ---

    [Fact]
    public void A_holdout_row_with_the_features_and_label_of_a_training_row_is_found()
    {
        var training = Dataset.FromRows([[1.0, 2], [3.0, 4], [5.0, 6]], ["a", "b", "a"]);
        var holdout = Dataset.FromRows([[9.0, 9], [3.0, 4], [5.0, 6], [1.0, 2]], ["a", "b", "b", "a"]);
        var (train, test) = Split.FromPreSplit(training, holdout);

        var leak = Assert.Throws<LeakageException>(() => LeakageGuard.EnsureIndependent(train, test));

        // Row 2 has the features of training row 2 but another label: not a copy.
        Assert.Equal(LeakageCause.IdenticalRows, leak.Cause);
        Assert.Equal([1, 3], leak.HoldoutRows);
        Assert.Contains("2 of 4 evaluation rows have exactly the features and label of a training row", leak.Message, StringComparison.Ordinal);
        Assert.Contains("row 1 = training row 1 (source row 1)", leak.Message, StringComparison.Ordinal);
        Assert.Contains("row 3 = training row 0 (source row 0)", leak.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("row 2 =", leak.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_copy_of_a_synthetic_training_row_names_its_provenance()
    {
        var (training, _) = Split.Stratified(Pima.Value, 0.25, seed: 1);
        var resampled = new Smote { Seed = 0 }.Resample(training);
        var synthetic = resampled.RowCount - 1;
        var copy = Dataset.FromRows(
            [resampled.GetRow(synthetic).ToArray()],
            [resampled.GetClassName(synthetic)],
            new DatasetOptions { FeatureNames = Pima.Value.Schema.FeatureNames, ClassNames = Pima.Value.Schema.ClassNames });
        var (_, holdout) = Split.FromPreSplit(Pima.Value, copy);

        var leak = Assert.Throws<LeakageException>(() => LeakageGuard.EnsureIndependent(resampled, holdout));

        Assert.Equal(LeakageCause.IdenticalRows, leak.Cause);
        Assert.Equal([0], leak.HoldoutRows);
        Assert.Contains($"row 0 = training row {synthetic} ({resampled.GetProvenance(synthetic)})", leak.Message, StringComparison.Ordinal);
    }

    // --- Choosing the checks ---

    [Fact]
    public void Switching_off_the_synthetic_check_lets_synthetic_rows_through()
    {
        var (training, holdout) = SyntheticHoldout();

        LeakageGuard.EnsureIndependent(training, holdout, LeakageChecks.SharedSourceRows | LeakageChecks.IdenticalRows);
        LeakageGuard.EnsureIndependent(training, holdout, LeakageChecks.None);
        Assert.Throws<LeakageException>(() => LeakageGuard.EnsureIndependent(training, holdout, LeakageChecks.SyntheticRows));
    }

    [Fact]
    public void Without_the_shared_rows_check_the_identical_rows_check_still_sees_the_copies()
    {
        var data = Pima.Value;
        var first = Split.Stratified(data, 0.25, seed: 1);
        var second = Split.Stratified(data, 0.25, seed: 2);
        var shared = Assert.Throws<LeakageException>(() => LeakageGuard.EnsureIndependent(first.Training, second.Holdout));

        var identical = Assert.Throws<LeakageException>(
            () => LeakageGuard.EnsureIndependent(first.Training, second.Holdout, LeakageChecks.All & ~LeakageChecks.SharedSourceRows));

        Assert.Equal(LeakageCause.IdenticalRows, identical.Cause);
        Assert.Equal(shared.HoldoutRows, identical.HoldoutRows);
        LeakageGuard.EnsureIndependent(first.Training, second.Holdout, LeakageChecks.SyntheticRows);
        LeakageGuard.EnsureIndependent(first.Training, second.Holdout, LeakageChecks.None);
    }

    [Fact]
    public void Switching_off_the_identical_rows_check_lets_copies_through()
    {
        var data = SmallData();
        var copy = Dataset.FromRows([data.GetRow(2).ToArray()], [data.GetClassName(2)], new DatasetOptions { ClassNames = data.Schema.ClassNames });
        var (training, holdout) = Split.FromPreSplit(data, copy);

        Assert.Equal(LeakageCause.IdenticalRows, Assert.Throws<LeakageException>(() => LeakageGuard.EnsureIndependent(training, holdout)).Cause);
        LeakageGuard.EnsureIndependent(training, holdout, LeakageChecks.SyntheticRows | LeakageChecks.SharedSourceRows);
    }

    [Fact]
    public void Synthetic_rows_are_reported_before_other_causes()
    {
        var training = SmallData();
        var holdout = Dataset.FromRows(
            [training.GetRow(0).ToArray(), [50.0, 50]],
            [training.GetClassName(0), "b"],
            new DatasetOptions { Provenance = [RowProvenance.Original(0), RowProvenance.Synthetic("smote", 0, 1)] });
        var (train, test) = Split.FromPreSplit(training, holdout);

        var leak = Assert.Throws<LeakageException>(() => LeakageGuard.EnsureIndependent(train, test));
        Assert.Equal(LeakageCause.SyntheticRowsInHoldout, leak.Cause);
        Assert.Equal([1], leak.HoldoutRows);

        var next = Assert.Throws<LeakageException>(() => LeakageGuard.EnsureIndependent(train, test, LeakageChecks.All & ~LeakageChecks.SyntheticRows));
        Assert.Equal(LeakageCause.IdenticalRows, next.Cause);
        Assert.Equal([0], next.HoldoutRows);
    }

    [Fact]
    public void Null_sides_are_refused()
    {
        var (training, holdout) = Split.Stratified(SmallData(), 0.5);

        Assert.Throws<ArgumentNullException>(() => LeakageGuard.EnsureIndependent(null!, holdout));
        Assert.Throws<ArgumentNullException>(() => LeakageGuard.EnsureIndependent(training, null!));
        Assert.Throws<ArgumentNullException>(() => LeakageGuard.EnsureReal(null!));
    }

    [Fact]
    public void The_exception_carries_what_it_was_given()
    {
        var leak = new LeakageException("message", LeakageCause.IdenticalRows, [4, 2]);

        Assert.Equal("message", leak.Message);
        Assert.Equal(LeakageCause.IdenticalRows, leak.Cause);
        Assert.Equal([4, 2], leak.HoldoutRows);
    }

    private static Dataset SmallData()
        => Dataset.FromRows([[1.0, 2], [3.0, 4], [5.0, 6], [7.0, 8]], ["a", "b", "a", "b"]);

    private static (TrainingSet Training, HoldoutSet Holdout) SyntheticHoldout()
    {
        var holdout = Dataset.FromRows(
            [[10.0, 10], [11.0, 11]],
            ["a", "b"],
            new DatasetOptions { Provenance = [RowProvenance.Synthetic("smote", 0, 1), RowProvenance.Original(5)] });
        var (training, test) = Split.FromPreSplit(SmallData(), holdout);
        return (training, test);
    }

    /// <summary>Every source row that a synthetic row of <paramref name="data"/> was made from.</summary>
    private static HashSet<long> SyntheticParents(LabeledData data)
        => [.. Enumerable.Range(0, data.RowCount).SelectMany(i => data.GetProvenance(i).ParentRows.ToArray())];
}
