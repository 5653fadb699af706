using CsCheck;
using ImbalanceGuard.Evaluation;

namespace ImbalanceGuard.Tests.Evaluation;

/// <summary>
/// Small random binary problems for property tests: 2 to 40 rows, scores on a grid of 1 to 40 levels (so ties
/// are common), integer weights 0 to 3 (so weighted sums are exact and comparisons do not hinge on rounding).
/// </summary>
public sealed record RandomScores(int[] Labels, double[] Scores, double[] Weights, int Seed)
{
    public static readonly Gen<RandomScores> Gen =
        CsCheck.Gen.Select(CsCheck.Gen.Int[2, 40], CsCheck.Gen.Int[1, 40], CsCheck.Gen.Int).SelectMany((n, levels, seed) =>
            CsCheck.Gen.Select(CsCheck.Gen.Int[0, 1].Array[n], CsCheck.Gen.Int[0, levels].Array[n], CsCheck.Gen.Int[0, 3].Array[n])
                .Select((labels, grid, weights) => new RandomScores(
                    labels,
                    [.. grid.Select(g => (double)g / levels)],
                    [.. weights.Select(w => (double)w)],
                    seed)));

    public BinaryScores Unweighted => BinaryScores.Create(Labels, Scores);

    public BinaryScores Weighted => BinaryScores.Create(Labels, Scores, Weights);

    public bool HasBothClasses(bool weighted)
    {
        var data = weighted ? Weighted : Unweighted;
        return data.PositiveWeight > 0 && data.NegativeWeight > 0;
    }

    /// <summary>The same rows in a random order (seeded).</summary>
    public RandomScores Shuffled()
    {
        var order = Enumerable.Range(0, Labels.Length).ToArray();
        new Random(Seed).Shuffle(order);
        return this with
        {
            Labels = [.. order.Select(i => Labels[i])],
            Scores = [.. order.Select(i => Scores[i])],
            Weights = [.. order.Select(i => Weights[i])],
        };
    }

    public override string ToString()
        => $"labels [{string.Join(",", Labels)}] scores [{string.Join(",", Scores)}] weights [{string.Join(",", Weights)}] seed {Seed}";
}
