using CsCheck;
using ImbalanceGuard.Evaluation;

namespace ImbalanceGuard.Tests.Evaluation;

/// <summary>precision@k, recall at a minimum precision and precision at a minimum recall, against brute force over every threshold.</summary>
public class OperatingPointTests
{
    private static readonly double[] Minimums = [0, 0.1, 0.25, 1.0 / 3, 0.5, 0.6, 2.0 / 3, 0.75, 0.9, 1];

    [Fact]
    public void Precision_at_k_agrees_with_brute_force_over_thresholds()
        => RandomScores.Gen.Sample(
            r =>
            {
                foreach (var data in new[] { r.Unweighted, r.Weighted })
                {
                    for (var k = 1; k <= data.Count; k++)
                    {
                        var expected = BruteForcePrecisionAtK(data, k);
                        var actual = OperatingPoints.PrecisionAtK(data, k);
                        Assert.True(Math.Abs(expected - actual) <= 1e-12, $"k={k}: {expected} vs {actual} for {r}");
                    }
                }
            },
            iter: 300,
            threads: 1);

    [Fact]
    public void Precision_at_k_without_ties_is_the_share_of_positives_among_the_top_k()
    {
        var data = BinaryScores.Create([1, 0, 1, 1, 0, 0], [0.9, 0.8, 0.7, 0.6, 0.5, 0.4]);
        Assert.Equal(1.0, OperatingPoints.PrecisionAtK(data, 1));
        Assert.Equal(0.5, OperatingPoints.PrecisionAtK(data, 2));
        Assert.Equal(2.0 / 3, OperatingPoints.PrecisionAtK(data, 3));
        Assert.Equal(0.5, OperatingPoints.PrecisionAtK(data, 6));
    }

    /// <summary>Two of three rows tied at the cut fit in the top 3: each counts for ⅔, as the mean over the three ways to break the tie.</summary>
    [Fact]
    public void A_tie_at_the_boundary_counts_each_tied_row_for_the_share_that_fits()
    {
        var data = BinaryScores.Create([1, 1, 0, 0], [0.9, 0.5, 0.5, 0.5]);
        // The top 3 is the 0.9 row and two of the three tied rows. Leaving out the tied positive gives 1/3,
        // leaving out either negative 2/3: the mean is (1/3 + 2/3 + 2/3) / 3 = 5/9.
        Assert.Equal(5.0 / 9, OperatingPoints.PrecisionAtK(data, 3), 15);
        Assert.Throws<ArgumentOutOfRangeException>(() => OperatingPoints.PrecisionAtK(data, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => OperatingPoints.PrecisionAtK(data, 5));
    }

    [Fact]
    public void Recall_at_precision_agrees_with_brute_force_over_thresholds()
        => RandomScores.Gen.Sample(
            r =>
            {
                foreach (var data in new[] { r.Unweighted, r.Weighted })
                {
                    if (data.PositiveWeight == 0)
                    {
                        Assert.Throws<ArgumentException>(() => OperatingPoints.RecallAtPrecision(data, 0.5));
                        continue;
                    }

                    foreach (var minimum in Minimums)
                    {
                        var expected = BruteForce(data, c => c.Precision >= minimum, c => (c.Recall, c.Precision));
                        var actual = OperatingPoints.RecallAtPrecision(data, minimum);
                        Assert.True(expected == actual, $"min precision {minimum}: {expected} vs {actual} for {r}");
                    }
                }
            },
            iter: 300,
            threads: 1);

    [Fact]
    public void Precision_at_recall_agrees_with_brute_force_over_thresholds()
        => RandomScores.Gen.Sample(
            r =>
            {
                foreach (var data in new[] { r.Unweighted, r.Weighted })
                {
                    if (data.PositiveWeight == 0)
                    {
                        continue;
                    }

                    foreach (var minimum in Minimums)
                    {
                        var expected = BruteForce(data, c => c.Recall >= minimum, c => (c.Precision, c.Recall));
                        var actual = OperatingPoints.PrecisionAtRecall(data, minimum);
                        Assert.True(expected == actual, $"min recall {minimum}: {expected} vs {actual} for {r}");
                    }
                }
            },
            iter: 300,
            threads: 1);

    [Fact]
    public void An_unreachable_precision_gives_no_point_and_bad_minimums_are_refused()
    {
        var data = BinaryScores.Create([0, 1, 0, 1], [0.9, 0.8, 0.3, 0.2]);
        Assert.Null(OperatingPoints.RecallAtPrecision(data, 0.9));
        var point = OperatingPoints.RecallAtPrecision(data, 0.5);
        Assert.Equal(0.2, point!.Value.Threshold);
        Assert.Equal(1.0, point.Value.Recall);
        Assert.Throws<ArgumentOutOfRangeException>(() => OperatingPoints.RecallAtPrecision(data, 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => OperatingPoints.PrecisionAtRecall(data, double.NaN));
    }

    /// <summary>Every row's score as a threshold, counted directly; the best by (value, tie-breaker, higher threshold).</summary>
    private static OperatingPoint? BruteForce(BinaryScores data, Func<BinaryConfusion, bool> allowed, Func<BinaryConfusion, (double Value, double TieBreak)> key)
    {
        var candidates = new List<OperatingPoint>();
        for (var i = 0; i < data.Count; i++)
        {
            if (data.Weight(i) == 0)
            {
                continue; // a threshold only rows of weight 0 sit at is not one scikit-learn's curve has
            }

            var confusion = BinaryConfusion.At(data, data.Scores[i]);
            if (allowed(confusion))
            {
                candidates.Add(new OperatingPoint(data.Scores[i], confusion));
            }
        }

        return candidates.Count == 0
            ? null
            : candidates.OrderByDescending(p => key(p.Confusion).Value).ThenByDescending(p => key(p.Confusion).TieBreak).ThenByDescending(p => p.Threshold).First();
    }

    private static double BruteForcePrecisionAtK(BinaryScores data, int k)
    {
        // The threshold t where fewer than k rows score above t and at least k score t or more.
        foreach (var t in data.Scores.ToArray().Distinct())
        {
            var above = Enumerable.Range(0, data.Count).Where(i => data.Scores[i] > t).ToList();
            var at = Enumerable.Range(0, data.Count).Where(i => data.Scores[i] == t).ToList();
            if (above.Count < k && above.Count + at.Count >= k)
            {
                var share = (double)(k - above.Count) / at.Count;
                var flagged = above.Sum(data.Weight) + (share * at.Sum(data.Weight));
                var positive = above.Where(i => data.IsPositive[i]).Sum(data.Weight) + (share * at.Where(i => data.IsPositive[i]).Sum(data.Weight));
                return flagged == 0 ? 0 : positive / flagged;
            }
        }

        throw new InvalidOperationException("No threshold holds the k-th row.");
    }
}
