using CsCheck;
using ImbalanceGuard.Evaluation;

namespace ImbalanceGuard.Tests.Evaluation;

/// <summary>Small random multi-class decisions: 2 to 5 classes, 2 to 40 rows, weights 1 or 2, row-normalised probabilities on a grid.</summary>
public sealed record RandomClasses(int ClassCount, int[] Actual, int[] Predicted, double[] Weights, double[] Probabilities, int Seed)
{
    public static readonly Gen<RandomClasses> Gen =
        CsCheck.Gen.Select(CsCheck.Gen.Int[2, 5], CsCheck.Gen.Int[2, 40], CsCheck.Gen.Int).SelectMany((k, n, seed) =>
            CsCheck.Gen.Select(CsCheck.Gen.Int[0, k - 1].Array[n], CsCheck.Gen.Int[0, k - 1].Array[n], CsCheck.Gen.Int[1, 2].Array[n], CsCheck.Gen.Int[1, 6].Array[n * k])
                .Select((actual, predicted, weights, grid) => new RandomClasses(
                    k,
                    actual,
                    predicted,
                    [.. weights.Select(w => (double)w)],
                    Normalised(grid, k),
                    seed)));

    public ConfusionMatrix Matrix(double[]? weights) => ConfusionMatrix.Create(Actual, Predicted, ClassCount, weights);

    public bool EveryClassActual() => Enumerable.Range(0, ClassCount).All(c => Actual.Contains(c));

    public RandomClasses Shuffled()
    {
        var order = Enumerable.Range(0, Actual.Length).ToArray();
        new Random(Seed).Shuffle(order);
        return Pick(order, keepWeights: true);
    }

    /// <summary>Every row of weight 2 written twice, all weights 1.</summary>
    public RandomClasses Duplicated()
        => Pick([.. Enumerable.Range(0, Actual.Length).SelectMany(i => Weights[i] == 2 ? new[] { i, i } : [i])], keepWeights: false);

    private RandomClasses Pick(int[] rows, bool keepWeights) => this with
    {
        Actual = [.. rows.Select(i => Actual[i])],
        Predicted = [.. rows.Select(i => Predicted[i])],
        Weights = keepWeights ? [.. rows.Select(i => Weights[i])] : [.. rows.Select(_ => 1.0)],
        Probabilities = [.. rows.SelectMany(i => Probabilities.AsSpan(i * ClassCount, ClassCount).ToArray())],
    };

    private static double[] Normalised(int[] grid, int k)
    {
        var probabilities = new double[grid.Length];
        for (var row = 0; row < grid.Length / k; row++)
        {
            var sum = (double)grid.Skip(row * k).Take(k).Sum();
            for (var c = 0; c < k; c++)
            {
                probabilities[(row * k) + c] = grid[(row * k) + c] / sum;
            }
        }

        return probabilities;
    }
}
