namespace ImbalanceGuard.Ensembles;

/// <summary>
/// A learner that rebalances the classes inside itself (each member fits under-sampled rows), so its
/// probabilities overstate the positive class like a resampled model's, though no pipeline sampler ran.
/// </summary>
internal interface IRebalancingTrainer;
