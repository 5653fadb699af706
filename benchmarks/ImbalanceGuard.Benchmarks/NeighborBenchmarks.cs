using BenchmarkDotNet.Attributes;
using ImbalanceGuard.Neighbors;

namespace ImbalanceGuard.Benchmarks;

/// <summary>The neighbour engine: every point's k nearest others, by algorithm and dimension.</summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class NeighborBenchmarks
{
    private double[] _points = [];

    [Params(2, 8, 20, 64)]
    public int Dimensions { get; set; }

    [Params(NeighborAlgorithm.BruteForce, NeighborAlgorithm.KdTree)]
    public NeighborAlgorithm Algorithm { get; set; }

    [Params(5)]
    public int K { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var data = SyntheticData.MakeClassification(rows: 20_000, features: Dimensions, informative: Math.Min(Dimensions, 5), classes: 2, minorityFraction: 0.1, seed: 1);
        _points = data.Features.ToArray();
    }

    [Benchmark]
    public int QueryAll() => new NeighborIndex(_points, Dimensions, new NeighborSearchOptions { Algorithm = Algorithm }).QueryAll(K).QueryCount;
}
