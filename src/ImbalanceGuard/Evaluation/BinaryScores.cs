using System.Globalization;

namespace ImbalanceGuard.Evaluation;

/// <summary>
/// The input of every binary metric, validated once: which rows are positive, a score per row (higher means
/// more likely positive), and optional row weights. Sorting by score is done once and shared by the curves,
/// the ranking metrics and the threshold tuner.
/// </summary>
public sealed class BinaryScores
{
    private readonly bool[] _positive;
    private readonly double[] _scores;
    private readonly double[]? _weights;
    private ThresholdSweep? _sweep;

    private BinaryScores(bool[] positive, double[] scores, double[]? weights)
    {
        _positive = positive;
        _scores = scores;
        _weights = weights;
        for (var i = 0; i < positive.Length; i++)
        {
            var weight = weights?[i] ?? 1.0;
            if (positive[i])
            {
                PositiveWeight += weight;
            }
            else
            {
                NegativeWeight += weight;
            }
        }
    }

    /// <summary>The number of rows.</summary>
    public int Count => _scores.Length;

    /// <summary>Whether each row is positive.</summary>
    public ReadOnlySpan<bool> IsPositive => _positive;

    /// <summary>The score of each row.</summary>
    public ReadOnlySpan<double> Scores => _scores;

    /// <summary>The weight of each row; empty when rows are unweighted.</summary>
    public ReadOnlySpan<double> Weights => _weights;

    /// <summary>Whether rows carry weights.</summary>
    public bool HasWeights => _weights is not null;

    /// <summary>The total weight (the count when unweighted) of positive rows.</summary>
    public double PositiveWeight { get; }

    /// <summary>The total weight (the count when unweighted) of negative rows.</summary>
    public double NegativeWeight { get; }

    /// <summary>The weight of one row (1 when unweighted).</summary>
    public double Weight(int row) => _weights?[row] ?? 1.0;

    /// <summary>Every distinct threshold, from the highest score down, with the counts each gives.</summary>
    public ThresholdSweep Sweep => _sweep ??= ThresholdSweep.Of(this);

    /// <summary>Labels 0 (negative) and 1 (positive) with a score per row.</summary>
    /// <exception cref="ArgumentException">Lengths differ, a label is not 0 or 1, a score is NaN or infinite, or a weight is negative or not finite.</exception>
    public static BinaryScores Create(ReadOnlySpan<int> labels, ReadOnlySpan<double> scores, ReadOnlySpan<double> weights = default)
    {
        var positive = new bool[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            positive[i] = labels[i] switch
            {
                1 => true,
                0 => false,
                _ => throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Row {i}: label {labels[i]} is not 0 or 1; binary metrics need exactly two classes."),
                    nameof(labels)),
            };
        }

        return Create(positive, scores, weights);
    }

    /// <summary>A positive flag with a score per row.</summary>
    /// <exception cref="ArgumentException">Lengths differ, a score is NaN or infinite, or a weight is negative or not finite.</exception>
    public static BinaryScores Create(ReadOnlySpan<bool> isPositive, ReadOnlySpan<double> scores, ReadOnlySpan<double> weights = default)
    {
        if (isPositive.Length != scores.Length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{isPositive.Length} labels but {scores.Length} scores."),
                nameof(scores));
        }

        if (!weights.IsEmpty && weights.Length != scores.Length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{weights.Length} weights for {scores.Length} rows."),
                nameof(weights));
        }

        for (var i = 0; i < scores.Length; i++)
        {
            if (!double.IsFinite(scores[i]))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Row {i}: score {scores[i]} is not a finite number."),
                    nameof(scores));
            }

            if (!weights.IsEmpty && !(weights[i] >= 0 && double.IsFinite(weights[i])))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Row {i}: weight {weights[i]} must be a finite, non-negative number."),
                    nameof(weights));
            }
        }

        return new BinaryScores(isPositive.ToArray(), scores.ToArray(), weights.IsEmpty ? null : weights.ToArray());
    }

    /// <summary>The rows <paramref name="rows"/> of this data, in that order, with their weights.</summary>
    internal BinaryScores Select(IReadOnlyList<int> rows)
    {
        var positive = new bool[rows.Count];
        var scores = new double[rows.Count];
        var weights = HasWeights ? new double[rows.Count] : null;
        for (var i = 0; i < rows.Count; i++)
        {
            positive[i] = _positive[rows[i]];
            scores[i] = _scores[rows[i]];
            if (weights is not null)
            {
                weights[i] = Weight(rows[i]);
            }
        }

        return Create(positive, scores, weights);
    }

    /// <summary>Fails unless every score is a probability in [0, 1].</summary>
    /// <exception cref="ArgumentException">A score is outside [0, 1]; the message names the row.</exception>
    public void RequireProbabilities(string metric)
    {
        for (var i = 0; i < _scores.Length; i++)
        {
            if (_scores[i] < 0 || _scores[i] > 1)
            {
                throw new ArgumentException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{metric} needs probabilities in [0, 1]; row {i} has score {_scores[i]}."));
            }
        }
    }

    /// <summary>Fails unless both classes are present.</summary>
    /// <exception cref="ArgumentException">Every row is positive, or every row is negative.</exception>
    public void RequireBothClasses(string metric)
    {
        if (PositiveWeight == 0 || NegativeWeight == 0)
        {
            throw new ArgumentException(
                $"{metric} needs both classes; the data has no {(PositiveWeight == 0 ? "positive" : "negative")} rows (with weight).");
        }
    }
}
