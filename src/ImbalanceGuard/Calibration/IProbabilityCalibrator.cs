namespace ImbalanceGuard.Calibration;

/// <summary>Maps a model's score to a calibrated probability of the positive class.</summary>
public interface IProbabilityCalibrator
{
    /// <summary>The calibrated probability for <paramref name="score"/>.</summary>
    double Calibrate(double score);
}
