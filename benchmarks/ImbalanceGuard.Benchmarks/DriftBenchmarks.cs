using BenchmarkDotNet.Attributes;
using ImbalanceGuard.Monitoring;

namespace ImbalanceGuard.Benchmarks;

/// <summary>
/// The two-sample Kolmogorov–Smirnov test at the largest size SciPy computes exactly (10 000 rows against 9 999, the
/// unequal sizes that take the band recursion): a wide band (shift 0.5, the worst case) and a narrow one (shift 0.01).
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class DriftBenchmarks
{
    private double[] _reference = [];
    private double[] _far = [];
    private double[] _near = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(3);
        _reference = [.. Enumerable.Range(0, 10_000).Select(_ => random.NextDouble())];
        _far = [.. Enumerable.Range(0, 9_999).Select(_ => random.NextDouble() + 0.5)];
        _near = [.. Enumerable.Range(0, 9_999).Select(_ => random.NextDouble() + 0.01)];
    }

    [Benchmark]
    public double ExactWideBand() => KolmogorovSmirnov.TwoSample(_reference, _far).PValue;

    [Benchmark]
    public double ExactNarrowBand() => KolmogorovSmirnov.TwoSample(_reference, _near).PValue;
}
