namespace ImbalanceGuard.Sampling;

/// <summary>
/// How streamed over-sampling holds the classes it does not grow when the sampler compares rows of every class
/// (Borderline-SMOTE, SVM-SMOTE, ADASYN, KMeans-SMOTE): of each, the <see cref="RowsPerClass"/> rows with the lowest
/// <see cref="Rank"/> of their row id (the row's position among the file's data rows, 0 first), ties by row id —
/// an exact per-class sample that depends only on the row ids and the rank, never on threads or memory.
/// </summary>
/// <param name="RowsPerClass">The rows held of each class not grown (all of a class with fewer).</param>
/// <param name="Rank">A seeded hash of a row id, such as the engine's portable hash.</param>
public sealed record LargeClassSampling(int RowsPerClass, Func<long, long> Rank);
