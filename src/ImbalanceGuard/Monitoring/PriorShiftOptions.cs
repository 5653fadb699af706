namespace ImbalanceGuard.Monitoring;

/// <summary>How <see cref="PriorShift.Estimate"/> works: the deployed threshold, the bootstrap and its seed.</summary>
public sealed class PriorShiftOptions
{
    private readonly int _bootstrapSamples = 200;
    private readonly double? _threshold;

    /// <summary>
    /// The threshold the model is deployed at (rows scoring at least it are flagged), on the score's own scale; null
    /// for none. With it the estimate adds black-box shift estimation and the alert volume, precision and recall the new
    /// base rate implies there. There is no silent 0.5.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a number in [0, 1].</exception>
    public double? Threshold
    {
        get => _threshold;
        init => _threshold = value is null || value is >= 0 and <= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Threshold), value, "The threshold must be a probability in [0, 1].");
    }

    /// <summary>
    /// Bootstrap resamples of both files for the 95 % interval (each refits the recalibration and reruns EM). Default 200;
    /// at least 20.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 20.</exception>
    public int BootstrapSamples
    {
        get => _bootstrapSamples;
        init => _bootstrapSamples = value >= 20
            ? value
            : throw new ArgumentOutOfRangeException(nameof(BootstrapSamples), value, "An interval needs at least 20 bootstrap samples.");
    }

    /// <summary>Seeds the bootstrap: the same seed gives the same interval on every run and thread count. Default 0.</summary>
    public int Seed { get; init; }
}
