using ImbalanceGuard.Neighbors;
using ImbalanceGuard.Sampling;

namespace ImbalanceGuard.Tests.Sampling;

/// <summary>
/// Invariants every sampler must keep on any data: kept rows are input rows in input order, synthetic rows
/// come after them with their provenance, counts follow the strategy, a seed fixes the output whatever the
/// thread count — and every SMOTE-family row lies between a row of its class and one of its k neighbours.
/// </summary>
public class SamplerPropertyTests
{
    private const int Cases = 25;

    public static TheoryData<string> SamplerNames() => [.. SamplerCatalog.Names];

    [Theory]
    [MemberData(nameof(SamplerNames))]
    public void Kept_rows_come_first_in_input_order_then_synthetic_rows(string name)
    {
        foreach (var (training, result) in Runs(name))
        {
            var kept = result.KeptIndices;
            Assert.True(kept.Zip(kept.Skip(1)).All(p => p.First <= p.Second), "kept indices must ascend");
            Assert.All(kept, i => Assert.InRange(i, 0, training.RowCount - 1));
            var resampled = result.Resampled;
            Assert.Equal(kept.Count + result.SyntheticCount, resampled.RowCount);
            for (var i = 0; i < kept.Count; i++)
            {
                Assert.Equal(training.GetRow(kept[i]).ToArray(), resampled.GetRow(i).ToArray());
                Assert.Equal(training.Labels[kept[i]], resampled.Labels[i]);
                Assert.Equal(training.GetProvenance(kept[i]), resampled.GetProvenance(i));
            }

            for (var i = kept.Count; i < resampled.RowCount; i++)
            {
                var provenance = resampled.GetProvenance(i);
                Assert.True(provenance.IsSynthetic);
                Assert.NotEmpty(provenance.ParentRows.ToArray());
                Assert.All(provenance.ParentRows.ToArray(), p => Assert.InRange(p, 0, training.RowCount - 1));
            }

            Assert.Equal(resampled.SyntheticRowCount, result.SyntheticCount);
        }
    }

    [Theory]
    [MemberData(nameof(SamplerNames))]
    public void Counts_follow_the_strategy(string name)
    {
        foreach (var (training, result) in Runs(name))
        {
            var sampler = SamplerCatalog.Create(name, new SamplerParameters(new Dictionary<string, string>()));
            var before = result.CountsBefore;
            var after = result.CountsAfter;
            foreach (var className in training.Schema.ClassNames)
            {
                var was = before.GetValueOrDefault(className);
                var now = after.GetValueOrDefault(className);
                var targeted = result.Targets.TryGetValue(className, out var target);
                switch (sampler.Kind)
                {
                    case SamplingKind.OverSampling when name is "smote-tomek" or "smote-enn":
                        Assert.True(now <= was + (targeted ? target : 0));
                        break;
                    case SamplingKind.OverSampling:
                        Assert.True(now >= was, $"{className}: {was} → {now}");
                        if (!targeted)
                        {
                            Assert.Equal(was, now);
                        }
                        else if (name is not "adasyn" && result.Warnings.Count == 0)
                        {
                            Assert.Equal(was + target, now);
                        }

                        break;
                    case SamplingKind.UnderSampling when name == "iht":
                        // Rows tied at the percentile all stay.
                        Assert.True(targeted ? now >= target && now <= was : now == was);
                        break;
                    case SamplingKind.UnderSampling when result.Warnings.Count > 0:
                        Assert.True(targeted ? now <= target : now == was);
                        break;
                    case SamplingKind.UnderSampling:
                        Assert.Equal(targeted ? target : was, now);
                        break;
                    default:
                        Assert.True(now <= was);
                        if (!targeted)
                        {
                            Assert.Equal(was, now);
                        }

                        break;
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(SamplerNames))]
    public void The_seed_fixes_the_output_whatever_the_thread_count(string name)
    {
        for (var seed = 0; seed < 6; seed++)
        {
            var training = RandomData.Make(seed, classes: 2 + (seed % 2), minClassRows: 12);
            SamplingResult one;
            try
            {
                one = Run(name, training, seed: 7, threads: 1);
            }
            catch (SamplingException e) when (IsLegitimateRefusal(name, e))
            {
                continue;
            }

            var again = Run(name, training, seed: 7, threads: 1);
            var many = Run(name, training, seed: 7, threads: 4);
            foreach (var other in new[] { again, many })
            {
                Assert.Equal(one.KeptIndices, other.KeptIndices);
                Assert.Equal(one.Resampled.Features.ToArray(), other.Resampled.Features.ToArray());
                Assert.Equal(one.Resampled.Labels.ToArray(), other.Resampled.Labels.ToArray());
            }
        }
    }

    [Theory]
    [InlineData("smote", 0.0, 1.0)]
    [InlineData("borderline-smote-1", 0.0, 1.0)]
    [InlineData("borderline-smote-2", 0.0, 1.0)]
    [InlineData("adasyn", 0.0, 1.0)]
    [InlineData("smote-tomek", 0.0, 1.0)]
    [InlineData("smote-enn", 0.0, 1.0)]
    public void Every_synthetic_row_lies_between_a_class_row_and_one_of_its_k_neighbours(string name, double low, double high)
    {
        const int K = 5;
        foreach (var (training, result) in Runs(name))
        {
            var resampled = result.Resampled;
            var input = SamplerInputs.From(training);
            var neighbourCache = new Dictionary<(int Class, bool Own), Dictionary<int, HashSet<int>>>();
            for (var i = result.KeptIndices.Count; i < resampled.RowCount; i++)
            {
                var provenance = resampled.GetProvenance(i);
                var parents = provenance.ParentRows.ToArray();
                Assert.Equal(2, parents.Length);
                var (seed, partner) = ((int)parents[0], (int)parents[1]);
                var c = training.Labels[seed];
                Assert.Equal(c, resampled.Labels[i]);
                var own = training.Labels[partner] == c;
                var neighbours = NeighboursOf(input, c, own, K, neighbourCache);
                Assert.Contains(partner, neighbours[seed]);
                var gap = GapAlong(training.GetRow(seed), training.GetRow(partner), resampled.GetRow(i));
                Assert.InRange(gap, low - 1e-9, (own ? high : 0.5) + 1e-9);
            }
        }
    }

    /// <summary>Where <paramref name="point"/> lies on the line from <paramref name="a"/> to <paramref name="b"/> (fails if off it).</summary>
    internal static double GapAlong(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> point)
    {
        var lengthSquared = SquaredEuclidean.Distance(a, b);
        if (lengthSquared == 0)
        {
            Assert.Equal(a.ToArray(), point.ToArray());
            return 0;
        }

        var t = 0.0;
        for (var f = 0; f < a.Length; f++)
        {
            t += (point[f] - a[f]) * (b[f] - a[f]);
        }

        t /= lengthSquared;
        for (var f = 0; f < a.Length; f++)
        {
            var expected = a[f] + (t * (b[f] - a[f]));
            Assert.True(Math.Abs(point[f] - expected) <= 1e-9 * (1 + Math.Abs(expected)), $"feature {f}: {point[f]} is off the segment ({expected}).");
        }

        return t;
    }

    private static Dictionary<int, HashSet<int>> NeighboursOf(
        SamplerInput input, int c, bool own, int k, Dictionary<(int, bool), Dictionary<int, HashSet<int>>> cache)
    {
        if (cache.TryGetValue((c, own), out var known))
        {
            return known;
        }

        var rows = input.RowsOfClass(c);
        int[] among = own ? rows : [.. Enumerable.Range(0, input.RowCount).Where(r => input.Labels[r] != c)];
        var table = SmoteGeneration.Neighbours(input, rows, among, Math.Min(k, own ? among.Length - 1 : among.Length));
        var width = table.Length / rows.Length;
        var result = new Dictionary<int, HashSet<int>>();
        for (var i = 0; i < rows.Length; i++)
        {
            result[rows[i]] = [.. table.AsSpan(i * width, width).ToArray()];
        }

        cache[(c, own)] = result;
        return result;
    }

    private static IEnumerable<(TrainingSet Training, SamplingResult Result)> Runs(string name)
    {
        for (var seed = 0; seed < Cases; seed++)
        {
            var training = RandomData.Make(seed, classes: 2 + (seed % 3), minClassRows: 12);
            SamplingResult result;
            try
            {
                result = Run(name, training, seed, threads: -1);
            }
            catch (SamplingException e) when (IsLegitimateRefusal(name, e))
            {
                continue;
            }

            yield return (training, result);
        }
    }

    /// <summary>Refusals that are right for some random data (e.g. ADASYN when no row has a neighbour of another class).</summary>
    private static bool IsLegitimateRefusal(string name, SamplingException e)
        => (name == "adasyn" && e.Message.Contains("nothing to weigh by", StringComparison.Ordinal))
            || (name == "kmeans-smote" && e.Message.Contains("no cluster has enough rows", StringComparison.Ordinal));

    private static SamplingResult Run(string name, TrainingSet training, int seed, int threads)
    {
        var parameters = new Dictionary<string, string> { ["n_jobs"] = threads.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (SamplerCatalog.ParametersOf(name).Contains("random_state"))
        {
            parameters["random_state"] = seed.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (name == "smote-nc")
        {
            parameters["categorical_features"] = "0";
        }

        var sampler = SamplerCatalog.Create(name, new SamplerParameters(parameters, training.Schema));
        if (name == "smote-nc" && training.FeatureCount < 2)
        {
            sampler = SamplerCatalog.Create("smote", new SamplerParameters(parameters.Where(p => p.Key != "categorical_features").ToDictionary(), training.Schema));
        }

        return sampler.FitResample(training);
    }
}
