using System.Text.Json;
using ImbalanceGuard.Neighbors;
using ImbalanceGuard.Sampling;

namespace ImbalanceGuard.Tests.Sampling;

/// <summary>
/// The deterministic parts of the SMOTE family match imbalanced-learn: the targets of the <c>auto</c>
/// strategy, SMOTE's neighbour lists, Borderline-SMOTE's danger and noise rows and ADASYN's per-row counts —
/// exactly where the data has no distance ties (hacide, pima). Elsewhere equidistant rows may be chosen
/// differently (the reference does not specify which; this project takes the lower row index), so the
/// checks say what must still hold.
/// </summary>
public class SmoteFamilyParityTests
{
    public static TheoryData<string> Datasets() => [.. SamplerOracle.Datasets];

    [Theory]
    [MemberData(nameof(Datasets))]
    public void Auto_targets_match(string dataset)
    {
        var oracle = SamplerOracle.Load(dataset);
        var training = oracle.Training();
        var counts = training.ClassCounts;
        var names = training.Schema.ClassNames;
        var over = SamplingStrategy.Auto.Resolve(counts, names, SamplingKind.OverSampling).ByName(names);
        var under = SamplingStrategy.Auto.Resolve(counts, names, SamplingKind.UnderSampling).ByName(names);
        Assert.Equal(SamplerOracle.Counts(oracle.SmoteFamily.GetProperty("oversampling_auto_targets")), over.ToDictionary());
        Assert.Equal(SamplerOracle.Counts(oracle.SmoteFamily.GetProperty("undersampling_auto_targets")), under.ToDictionary());
    }

    [Theory]
    [MemberData(nameof(Datasets))]
    public void Smote_neighbour_lists_match(string dataset)
    {
        var (input, classes) = Load(dataset);
        foreach (var (c, reference) in classes)
        {
            var rows = SamplerOracle.Ints(reference.GetProperty("rows"));
            Assert.Equal(rows, input.RowsOfClass(c));
            var neighbours = SmoteGeneration.NeighboursWithin(input, rows, 5);
            var expected = reference.GetProperty("smote_k5_neighbours").EnumerateArray().Select(SamplerOracle.Ints).ToArray();
            for (var i = 0; i < rows.Length; i++)
            {
                var ours = neighbours.AsSpan(i * 5, 5).ToArray();
                if (dataset is "hacide" or "pima")
                {
                    Assert.Equal(expected[i], ours);
                    continue;
                }

                // With ties the lists may name different rows, but never rows at other distances.
                Assert.Equal(Distances(input, rows[i], expected[i]), Distances(input, rows[i], ours));
            }
        }
    }

    private static double[] Distances(SamplerInput input, int row, int[] neighbours)
        => [.. neighbours.Select(n => SquaredEuclidean.Distance(input.Row(row), input.Row(n))).Order()];

    [Theory]
    [MemberData(nameof(Datasets))]
    public void Borderline_danger_and_noise_rows_match(string dataset)
    {
        var (input, classes) = Load(dataset);
        foreach (var (c, reference) in classes)
        {
            var (danger, noise) = BorderlineSmote.InDangerAndNoise(input, c, 10, "test");
            AssertSameRows(dataset, "danger", SamplerOracle.Ints(reference.GetProperty("borderline_m10_danger_rows")), danger, input.ClassCounts[c]);
            AssertSameRows(dataset, "noise", SamplerOracle.Ints(reference.GetProperty("borderline_m10_noise_rows")), noise, input.ClassCounts[c]);
        }
    }

    [Theory]
    [MemberData(nameof(Datasets))]
    public void Adasyn_rows_per_seed_match(string dataset)
    {
        var oracle = SamplerOracle.Load(dataset);
        var (input, classes) = Load(dataset);
        var targets = SamplerOracle.Counts(oracle.SmoteFamily.GetProperty("oversampling_auto_targets"));
        foreach (var (c, reference) in classes)
        {
            var expected = SamplerOracle.Ints(reference.GetProperty("adasyn_n5_per_row"));
            var actual = Adasyn.RowsPerSeed(input, c, targets[input.ClassNames[c]], 5, "test");
            if (dataset is "hacide" or "pima")
            {
                Assert.Equal(expected, actual);
                continue;
            }

            // A tie broken the other way changes one row's share and with it the normaliser of every row
            // (optical_digits row 1210: the reference takes row 1560 over the equally distant row 699).
            // What must hold: with the normaliser corrected by the few shares that ties changed (each a
            // multiple of 1/k, at most 1% of rows), our shares reproduce the reference's counts on 99% of rows.
            var shares = Adasyn.OtherClassShares(input, c, 5, "test");
            var total = NumpySum.Pairwise(shares);
            var wanted = targets[input.ClassNames[c]];
            var limit = (int)Math.Ceiling(0.01 * shares.Length) * 5;
            var best = Enumerable.Range(-limit, (2 * limit) + 1)
                .Where(j => total + (j / 5.0) > 0)
                .Select(j => Adasyn.Apportion(shares, total + (j / 5.0), wanted))
                .Max(counts => counts.Zip(expected).Count(p => p.First == p.Second));
            Assert.True(best >= 0.99 * expected.Length, $"{dataset} class {input.ClassNames[c]}: at best {best} of {expected.Length} counts agree.");
        }
    }

    private static void AssertSameRows(string dataset, string what, int[] expected, int[] actual, int classRows)
    {
        if (dataset is "hacide" or "pima")
        {
            Assert.Equal(expected, actual);
            return;
        }

        var differ = expected.Except(actual).Count() + actual.Except(expected).Count();
        Assert.True(differ <= 0.01 * classRows, $"{dataset} {what}: {differ} of {classRows} rows classified differently.");
    }

    internal static (SamplerInput Input, List<(int Class, JsonElement Reference)> Classes) Load(string dataset)
    {
        var oracle = SamplerOracle.Load(dataset);
        var input = SamplerInputs.From(oracle.Training());
        var classes = oracle.SmoteFamily.GetProperty("classes").EnumerateObject()
            .Select(p => (input.Schema.ClassIndex(p.Name), p.Value)).ToList();
        return (input, classes);
    }
}
