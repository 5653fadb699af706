namespace ImbalanceGuard.Tests.Pipelines;

/// <summary>Small imbalanced problems for pipeline and cross-validation tests.</summary>
internal static class PipelineTestData
{
    /// <summary>A binary problem with a 10% minority (class "1"), 8 features, deterministic.</summary>
    public static Dataset Binary(int rows = 400, int seed = 3)
        => SyntheticData.MakeClassification(rows, features: 8, informative: 4, classes: 2, minorityFraction: 0.1, seed: seed, flipY: 0.02);

    /// <summary>The stratified split of <see cref="Binary"/>.</summary>
    public static TrainHoldoutSplit BinarySplit(int rows = 400, int seed = 3)
        => Split.Stratified(Binary(rows, seed), holdoutFraction: 0.3, seed: seed);
}
