namespace ImbalanceGuard.Models;

/// <summary>
/// The focal loss of Lin et al. (2017), <c>-α_t (1 - p_t)^γ log p_t</c> with p_t the probability of the true
/// class: γ &gt; 0 down-weights rows the model already gets right, so training concentrates on the hard ones;
/// α weighs the positive class (the second class of a binary problem) against the negative (1 - α).
/// With γ = 0 and no α it is the log-loss.
/// </summary>
public sealed class FocalLoss
{
    private readonly double _gamma = 2.0;
    private readonly double? _alpha;

    /// <summary>The focusing exponent γ (the paper's <c>gamma</c>), at least 0. Default 2, the paper's choice.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or not finite.</exception>
    public double Gamma
    {
        get => _gamma;
        init => _gamma = ModelChecks.NonNegative(value, "gamma", nameof(Gamma));
    }

    /// <summary>
    /// The weight α of the positive class (the paper's <c>alpha</c>; negatives weigh 1 - α), in (0, 1);
    /// binary problems only. Null for no class weighting. Default null.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not in (0, 1).</exception>
    public double? Alpha
    {
        get => _alpha;
        init => _alpha = value is { } a && !(a > 0 && a < 1)
            ? throw new ArgumentOutOfRangeException(nameof(Alpha), value, "alpha must be in (0, 1), or null for no class weighting.")
            : value;
    }
}
