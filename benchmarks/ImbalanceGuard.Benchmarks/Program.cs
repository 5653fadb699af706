using BenchmarkDotNet.Running;
using ImbalanceGuard.Benchmarks;

// `memory <csv> <method> [--param key=value]...` measures one resampling's peak memory;
// `near-copies <data-folder> [--seeds N]` or `near-copies --rows N [--features D]` what the interpolated-rows
// leakage check finds on real data, or its time; `in-memory-split <csv> <share> <folder>` the in-memory twin of
// the larger-than-memory benchmark; anything else goes to BenchmarkDotNet (e.g. `--filter '*Sampler*'`).
if (args.Length > 0 && args[0] == "memory")
{
    return PeakMemory.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "in-memory-split")
{
    return InMemorySplitAndUnderSample.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "near-copies")
{
    return NearCopyMeasurement.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
