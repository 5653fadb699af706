namespace ImbalanceGuard.Models;

/// <summary>Fits a probabilistic classifier on training rows (row weights are honoured where the learner can).</summary>
public interface IClassifierTrainer
{
    /// <summary>Fits on <paramref name="training"/>.</summary>
    IProbabilisticClassifier Fit(TrainingSet training);
}
