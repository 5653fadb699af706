using BenchmarkDotNet.Attributes;
using ImbalanceGuard.Neighbors;

namespace ImbalanceGuard.Benchmarks;

/// <summary>
/// The interpolated-rows leakage check against its budget: one neighbour query of the holdout against the
/// training rows (the baseline), on generated data split 3:1.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class LeakageGuardBenchmarks
{
    private TrainingSet? _training;
    private HoldoutSet? _holdout;
    private double[] _trainingPoints = [];
    private double[] _holdoutPoints = [];

    [Params(200_000)]
    public int Rows { get; set; }

    [Params(20)]
    public int Dimensions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var data = SyntheticData.MakeClassification(Rows, Dimensions, informative: Math.Min(Dimensions, 5), classes: 2, minorityFraction: 0.1, seed: 1);
        (_training, _holdout) = Split.Stratified(data, 0.25, 0);
        _trainingPoints = _training.Features.ToArray();
        _holdoutPoints = _holdout.Features.ToArray();
    }

    /// <summary>The budget: each holdout row's nearest training row.</summary>
    [Benchmark(Baseline = true)]
    public int OneNeighbourQuery() => new NeighborIndex(_trainingPoints, Dimensions).Query(_holdoutPoints, 1).QueryCount;

    [Benchmark]
    public int InterpolatedRowsCheck()
    {
        LeakageGuard.EnsureIndependent(_training!, _holdout!, LeakageChecks.InterpolatedRows);
        return _holdout!.RowCount;
    }
}
