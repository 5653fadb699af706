using System.Globalization;
using System.Text.RegularExpressions;
using ImbalanceGuard.Neighbors;
using ImbalanceGuard.Sampling;

namespace ImbalanceGuard.Tests.Guard;

/// <summary>
/// <see cref="LeakageChecks.InterpolatedRows"/>: synthetic rows without provenance, found by where they lie —
/// on the segment between two training rows of their class.
/// </summary>
public partial class InterpolatedRowsTests
{
    private const LeakageChecks WithInterpolated = LeakageChecks.All | LeakageChecks.InterpolatedRows;
    private static readonly string[] Classes = ["a", "b"];
    private static readonly Lazy<Dataset> Pima = new(() => RepositoryFiles.LoadData("pima.csv"));

    public static TheoryData<string> Samplers => ["smote", "borderline-smote-1", "adasyn"];

    public static TheoryData<string> BundledData
        => ["glass.csv", "hacide.csv", "optical_digits.csv", "pima.csv", "satimage.csv", "spam.csv"];

    // --- Synthetic rows rebuilt from arrays ---

    [Theory]
    [MemberData(nameof(Samplers))]
    public void Synthetic_rows_rebuilt_from_arrays_are_found_with_their_pair(string method)
    {
        var data = Pima.Value;
        var (training, _) = Split.Stratified(data, 0.25, seed: 1);
        var resampled = Sampler(method).Resample(training);
        int[] synthetic = [.. Enumerable.Range(0, resampled.RowCount).Where(i => resampled.GetProvenance(i).IsSynthetic)];
        Assert.NotEmpty(synthetic);
        var (_, holdout) = Split.FromPreSplit(data, Rebuilt(resampled, synthetic, data));

        // The default checks see nothing: the rows are no copies and carry no provenance.
        LeakageGuard.EnsureIndependent(training, holdout);
        var leak = Assert.Throws<LeakageException>(() => LeakageGuard.EnsureIndependent(training, holdout, WithInterpolated));

        Assert.Equal(LeakageCause.InterpolatedRows, leak.Cause);
        Assert.Contains($"{leak.HoldoutRows.Count} of {synthetic.Length} evaluation rows lie on a segment between two training rows of their class", leak.Message, StringComparison.Ordinal);

        // Every row made at a gap of at most ½ is found for certain; the rest when the seed is among the 20 nearest.
        var found = leak.HoldoutRows.ToHashSet();
        int[] nearTheSeed = [.. Enumerable.Range(0, synthetic.Length).Where(i => GapFromParents(resampled, synthetic[i], data) <= 0.5)];
        Assert.NotEmpty(nearTheSeed);
        Assert.Subset(found, nearTheSeed.ToHashSet());
        Assert.True(found.Count >= synthetic.Length * 9 / 10, $"{found.Count} of {synthetic.Length} found");

        // The message names each row's pair: the two rows the sampler made it from.
        foreach (Match named in PairPattern().Matches(leak.Message))
        {
            var row = int.Parse(named.Groups["row"].Value, CultureInfo.InvariantCulture);
            var from = int.Parse(named.Groups["from"].Value, CultureInfo.InvariantCulture);
            var to = int.Parse(named.Groups["to"].Value, CultureInfo.InvariantCulture);
            Assert.Equal(from, int.Parse(named.Groups["again"].Value, CultureInfo.InvariantCulture));
            var parents = resampled.GetProvenance(synthetic[row]).ParentRows.ToArray().Order();
            Assert.Equal(parents, new[] { training.GetProvenance(from).SourceRow, training.GetProvenance(to).SourceRow }.Order());
        }

        Assert.Equal(8, PairPattern().Matches(leak.Message).Count);
    }

    [Fact]
    public void Rows_smoted_before_the_split_and_rebuilt_are_found_and_no_real_row_is()
    {
        // The leak as it happens: the whole file over-sampled, written to arrays, read back, then split.
        var data = Pima.Value;
        var resampled = new Smote { Seed = 2 }.Resample(Split.FromPreSplit(data));
        var rebuilt = Rebuilt(resampled, [.. Enumerable.Range(0, resampled.RowCount)], data);
        var split = Split.Stratified(rebuilt, 0.25, seed: 3);
        var (training, holdout) = split;

        LeakageGuard.EnsureIndependent(training, holdout);
        var leak = Assert.Throws<LeakageException>(() => LeakageGuard.EnsureIndependent(training, holdout, WithInterpolated));

        // The over-sampler appended its rows after the data's: every row found is one of them.
        Assert.Equal(LeakageCause.InterpolatedRows, leak.Cause);
        Assert.All(leak.HoldoutRows, r => Assert.True(split.HoldoutRows[r] >= data.RowCount, $"real row {split.HoldoutRows[r]} flagged"));
        var syntheticInHoldout = split.HoldoutRows.Count(r => r >= data.RowCount);
        Assert.True(leak.HoldoutRows.Count >= syntheticInHoldout / 3, $"{leak.HoldoutRows.Count} of {syntheticInHoldout} synthetic rows found");
    }

    // --- No alarm on untouched real data ---

    [Theory]
    [MemberData(nameof(BundledData))]
    public void Untouched_real_data_raises_no_alarm(string file)
    {
        var data = RepositoryFiles.LoadData(file);
        for (var seed = 0; seed < 3; seed++)
        {
            var (training, holdout) = Split.Stratified(data, 0.25, seed);

            LeakageGuard.EnsureIndependent(training, holdout, LeakageChecks.InterpolatedRows);
        }
    }

    [Fact]
    public void Resampling_the_training_side_after_the_split_raises_no_alarm()
    {
        var (training, holdout) = Split.Stratified(Pima.Value, 0.25, seed: 1);

        LeakageGuard.EnsureIndependent(new Smote { Seed = 4 }.Resample(training), holdout, WithInterpolated);
        LeakageGuard.EnsureIndependent(new Adasyn { Seed = 4 }.Resample(training), holdout, WithInterpolated);
    }

    // --- The geometry ---

    [Fact]
    public void A_row_on_the_segment_is_named_with_its_pair_and_gap()
    {
        double[] a = [1, 2, 3, 4], b = [5, 10, 7, -4];
        var holdout = Holdout([Between(a, b, 0.3183), [9, 9, 9, 9]], ["a", "a"]);
        var training = Training([a, b, [0, 0, 0, 0], [20, 20, 20, 20]], ["a", "a", "a", "b"]);

        var leak = Assert.Throws<LeakageException>(() => Check(training, holdout));

        Assert.Equal(LeakageCause.InterpolatedRows, leak.Cause);
        Assert.Equal([0], leak.HoldoutRows);
        Assert.Contains("1 of 2 evaluation rows lie on a segment", leak.Message, StringComparison.Ordinal);
        Assert.Contains("row 0 = training row 0 + 0.3183 × (training row 1 − training row 0)", leak.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tolerance_follows_the_size_of_each_coordinate()
    {
        // Features up to ±26 000: SMOTE's rounding there is ~4e-12, far above an absolute tolerance, far below 1e-9 of the size.
        double[] a = [-26_000.5, 12_000.25, 25_999.75, 0.003], b = [25_999.5, -13_000.125, -25_000.5, 0.007];
        var onSegment = Between(a, b, 0.3719);
        var offByOneMillionth = (double[])onSegment.Clone();
        offByOneMillionth[0] += 26_000 * 1e-6;
        var smallOff = (double[])onSegment.Clone();
        smallOff[3] += 1e-6;
        var training = Training([a, b], ["a", "a"]);

        Assert.Equal([0], Assert.Throws<LeakageException>(() => Check(training, Holdout([onSegment, offByOneMillionth, smallOff], ["a", "a", "a"]))).HoldoutRows);
    }

    [Fact]
    public void The_pair_must_be_of_the_rows_class()
    {
        double[] a = [1, 2, 3], b = [5, 10, 7];
        var training = Training([a, b, [30, 30, 30], [31, 31, 31]], ["a", "a", "b", "b"]);

        Check(training, Holdout([Between(a, b, 0.4127)], ["b"]));
        Assert.Throws<LeakageException>(() => Check(training, Holdout([Between(a, b, 0.4127)], ["a"])));
    }

    [Fact]
    public void Ends_that_differ_in_fewer_than_three_features_are_not_enough()
    {
        // On a grid, rows that differ in one or two features line up all the time.
        double[] a = [1, 2, 3, 4], b = [1, 2, 7.5, 9];
        var training = Training([a, b], ["a", "a"]);

        Check(training, Holdout([Between(a, b, 0.3183)], ["a"]));
    }

    [Fact]
    public void With_two_features_both_must_differ_and_with_one_nothing_is_checked()
    {
        double[] a = [1, 2], b = [4.5, 9];
        Assert.Throws<LeakageException>(() => Check(Training([a, b], ["a", "a"]), Holdout([Between(a, b, 0.3183)], ["a"])));

        // On a line every inner point is between two others.
        Check(Training([[1.0], [4.5]], ["a", "a"]), Holdout([[2.05]], ["a"]));
    }

    [Fact]
    public void A_constant_feature_neither_hides_nor_fakes_a_row()
    {
        double[] a = [1, 7, 2, 3], b = [5, 7, 10, 7];
        var training = Training([a, b], ["a", "a"]);
        var onSegment = Between(a, b, 0.6121);
        var offTheConstant = (double[])onSegment.Clone();
        offTheConstant[1] = 7.5;

        Assert.Equal([0], Assert.Throws<LeakageException>(() => Check(training, Holdout([onSegment, offTheConstant], ["a", "a"]))).HoldoutRows);
    }

    [Fact]
    public void Duplicated_training_rows_make_no_pair_and_a_copy_is_left_to_the_identical_rows_check()
    {
        double[] a = [1, 2, 3], b = [5, 10, 7];
        var training = Training([a, a, a, a, a, b, b, b], ["a", "a", "a", "a", "a", "a", "a", "a"]);
        var holdout = Holdout([(double[])a.Clone(), Between(a, b, 0.8093)], ["a", "a"]);

        var leak = Assert.Throws<LeakageException>(() => Check(training, holdout));
        Assert.Equal([1], leak.HoldoutRows);
        Assert.Equal(LeakageCause.IdenticalRows, Assert.Throws<LeakageException>(() => LeakageGuard.EnsureIndependent(training, holdout, WithInterpolated)).Cause);
    }

    [Fact]
    public void Rows_beyond_the_ends_or_midway_on_a_grid_are_not_flagged()
    {
        // Beyond the ends is extrapolation (SVM-SMOTE's, out of scope). A row midway between two rows of whole
        // numbers is what real data on a grid shows (spam's near-duplicate emails): a simple fraction, not a SMOTE gap.
        double[] a = [2, 3, 4, 0], b = [4, 5, 8, 2];
        var training = Training([a, b], ["a", "a"]);

        Check(training, Holdout([Between(a, b, 1.3), Between(a, b, -0.2), [3, 4, 6, 1], Between(a, b, 0.25)], ["a", "a", "a", "a"]));
        Assert.Throws<LeakageException>(() => Check(training, Holdout([Between(a, b, 0.2537)], ["a"])));
    }

    [Fact]
    public void A_class_with_one_training_row_or_none_has_no_pair()
    {
        var training = Training([[1, 2, 3], [5, 10, 7], [30, 30, 30]], ["a", "a", "a"]);
        var single = Training([[1, 2, 3], [5, 10, 7], [30, 30, 30]], ["a", "b", "a"]);

        Check(training, Holdout([[3, 6, 5]], ["b"]));
        Check(single, Holdout([Between([1, 2, 3], [5, 10, 7], 0.3183)], ["b"]));
    }

    [Fact]
    public void A_NaN_never_reaches_the_check()
    {
        Assert.Throws<DataFormatException>(() => Dataset.FromRows([[1.0, double.NaN, 3]], ["a"], new DatasetOptions { ClassNames = Classes }));
    }

    /// <summary>
    /// The pair checks run on every core once a chunk holds enough rows (here 19 000 SMOTE rows rebuilt from arrays);
    /// the matches must be one thread's, row by row: each row's 20 nearest of its class from the exact scan, its
    /// first pair, nearest first.
    /// </summary>
    [Fact]
    public void Pair_checks_on_every_core_find_what_one_thread_finds()
    {
        var data = SyntheticData.MakeClassification(32_000, 20, informative: 5, classes: 2, minorityFraction: 0.1, seed: 3);
        var (training, _) = Split.Stratified(data, 0.25, seed: 0);
        var resampled = new Smote { Seed = 4 }.Resample(training);
        int[] synthetic = [.. Enumerable.Range(0, resampled.RowCount).Where(i => resampled.GetProvenance(i).IsSynthetic)];
        var (_, holdout) = Split.FromPreSplit(data, Rebuilt(resampled, synthetic, data));
        Assert.True(holdout.RowCount * InterpolatedRowSearch.Candidates * 20 >= ParallelWork.MinimumWork, "too few rows to run in parallel");

        var found = InterpolatedRowSearch.Find(training.Table, holdout.Table);

        var expected = new List<InterpolatedRowSearch.Match>();
        var trainingFeatures = training.Table.Features;
        var holdoutFeatures = holdout.Table.Features;
        foreach (var label in holdout.Table.Labels.Distinct())
        {
            int[] among = [.. Enumerable.Range(0, training.RowCount).Where(i => training.Table.Labels[i] == label)];
            int[] rows = [.. Enumerable.Range(0, holdout.RowCount).Where(i => holdout.Table.Labels[i] == label)];
            var index = new NeighborIndex(PointRows.Mapped(trainingFeatures, among, 20), 20, null);
            var nearest = index.ExactScan(QueryBatch.OutsideRows(holdoutFeatures, rows, 0, rows.Length, 20), InterpolatedRowSearch.Candidates);
            for (var q = 0; q < rows.Length; q++)
            {
                if (InterpolatedRowSearch.FindPair(holdoutFeatures.AsSpan(rows[q] * 20, 20), nearest.Indices(q), among, trainingFeatures, 20, 3) is { } pair)
                {
                    expected.Add(pair with { HoldoutRow = rows[q] });
                }
            }
        }

        Assert.True(found.Count >= synthetic.Length * 9 / 10, $"{found.Count} of {synthetic.Length} found");
        Assert.Equal(expected.OrderBy(m => m.HoldoutRow), found);
    }

    [Fact]
    public void The_check_is_opt_in()
    {
        Assert.Equal(LeakageChecks.None, LeakageChecks.All & LeakageChecks.InterpolatedRows);
        Assert.Equal(
            LeakageChecks.SyntheticRows | LeakageChecks.SharedSourceRows,
            new ImbalanceGuard.Pipelines.CrossValidationOptions().LeakageChecks);
    }

    private static void Check(TrainingSet training, HoldoutSet holdout)
        => LeakageGuard.EnsureIndependent(training, holdout, LeakageChecks.InterpolatedRows);

    /// <summary>SMOTE's own arithmetic: <c>from + gap × (to − from)</c>, feature by feature.</summary>
    private static double[] Between(double[] from, double[] to, double gap)
        => [.. from.Select((value, j) => value + (gap * (to[j] - value)))];

    private static TrainingSet Training(double[][] rows, string[] labels)
        => Split.FromPreSplit(Dataset.FromRows(rows, labels, new DatasetOptions { ClassNames = Classes }));

    private static HoldoutSet Holdout(double[][] rows, string[] labels)
    {
        var first = rows[0].Length;
        var placeholder = Dataset.FromRows([new double[first]], ["a"], new DatasetOptions { ClassNames = Classes });
        return Split.FromPreSplit(placeholder, Dataset.FromRows(rows, labels, new DatasetOptions { ClassNames = Classes })).Holdout;
    }

    private static Sampler Sampler(string method) => method switch
    {
        "smote" => new Smote { Seed = 5 },
        "borderline-smote-1" => new BorderlineSmote { Seed = 5 },
        _ => new Adasyn { Seed = 5 },
    };

    /// <summary>The rows <paramref name="rows"/> copied out as arrays and labels and read back: no provenance.</summary>
    private static Dataset Rebuilt(LabeledData data, int[] rows, Dataset schemaOf)
        => Dataset.FromRows(
            [.. rows.Select(i => data.GetRow(i).ToArray())],
            [.. rows.Select(data.GetClassName)],
            new DatasetOptions { FeatureNames = schemaOf.Schema.FeatureNames, ClassNames = schemaOf.Schema.ClassNames });

    /// <summary>Where synthetic row <paramref name="row"/> lies from its seed to its neighbour (its parents, rows of <paramref name="source"/>).</summary>
    private static double GapFromParents(LabeledData data, int row, Dataset source)
    {
        var parents = data.GetProvenance(row).ParentRows;
        var seed = source.GetRow((int)parents[0]);
        var neighbour = source.GetRow((int)parents[1]);
        var made = data.GetRow(row);
        var widest = 0;
        for (var j = 1; j < made.Length; j++)
        {
            widest = Math.Abs(neighbour[j] - seed[j]) > Math.Abs(neighbour[widest] - seed[widest]) ? j : widest;
        }

        return (made[widest] - seed[widest]) / (neighbour[widest] - seed[widest]);
    }

    [GeneratedRegex(@"row (?<row>\d+) = training row (?<from>\d+) \+ [0-9.]+ × \(training row (?<to>\d+) − training row (?<again>\d+)\)")]
    private static partial Regex PairPattern();
}
