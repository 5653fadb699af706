using ImbalanceGuard.Evaluation;

namespace ImbalanceGuard.Thresholds;

/// <summary>
/// Severity tiers with their thresholds: each tier's threshold is the lowest whose flags (by weight) fit its budget
/// on the tuning scores, so the tiers fill their budgets from the top score down. Thresholds never rise from one
/// tier to the next, because budgets grow. A row's tier is the most severe one whose threshold its score reaches.
/// </summary>
public sealed class TierThresholds
{
    // Budgets are shares such as 1/1000; a product rounded one ulp high must not reject a row that fits.
    private const double BudgetSlack = 1e-12;

    private readonly FittedSeverityTier[] _tiers;

    internal TierThresholds(IReadOnlyList<FittedSeverityTier> tiers)
    {
        _tiers = [.. tiers];
    }

    /// <summary>The tiers, most severe first.</summary>
    public IReadOnlyList<FittedSeverityTier> Tiers => _tiers;

    /// <summary>
    /// Finds each tier's threshold on <paramref name="scores"/> (out-of-fold or validation scores; labels are not
    /// used). A tier whose budget not even the highest-scoring rows fit flags nothing: its threshold is above every score.
    /// </summary>
    /// <exception cref="ArgumentException">There are no scores.</exception>
    public static TierThresholds Tune(SeverityTiers tiers, BinaryScores scores)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count == 0)
        {
            throw new ArgumentException("There are no scores to place severity tiers on.", nameof(scores));
        }

        // The sweep runs from the highest distinct score down, with the weight flagged at each.
        var sweep = scores.Sweep;
        var total = sweep.Positives + sweep.Negatives;
        var fitted = new FittedSeverityTier[tiers.Tiers.Count];
        var next = 0;
        var flaggedAtNext = 0.0;
        for (var t = 0; t < fitted.Length; t++)
        {
            var tier = tiers.Tiers[t];
            var limit = tier.Budget * total * (1 + BudgetSlack);
            while (next < sweep.Count && sweep.ConfusionAt(next).PredictedPositives <= limit)
            {
                flaggedAtNext = sweep.ConfusionAt(next).PredictedPositives;
                next++;
            }

            fitted[t] = next == 0
                ? new FittedSeverityTier(tier.Name, tier.Budget, Math.BitIncrement(sweep.Thresholds[0]), 0)
                : new FittedSeverityTier(tier.Name, tier.Budget, sweep.Thresholds[next - 1], flaggedAtNext / total);
        }

        return new TierThresholds(fitted);
    }

    /// <summary>The index of the most severe tier whose threshold <paramref name="score"/> reaches, or -1 for none.</summary>
    public int TierOf(double score)
    {
        for (var t = 0; t < _tiers.Length; t++)
        {
            if (score >= _tiers[t].Threshold)
            {
                return t;
            }
        }

        return -1;
    }

    /// <summary>The most severe tier whose threshold <paramref name="score"/> reaches, or null when it is in none.</summary>
    public FittedSeverityTier? Of(double score) => TierOf(score) is var t and >= 0 ? _tiers[t] : null;
}
