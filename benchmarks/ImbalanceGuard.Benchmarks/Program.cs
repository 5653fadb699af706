using BenchmarkDotNet.Running;
using ImbalanceGuard.Benchmarks;

// `memory <csv> <method> [--param key=value]...` measures one resampling's peak memory;
// anything else goes to BenchmarkDotNet (e.g. `--filter '*Sampler*'`).
if (args.Length > 0 && args[0] == "memory")
{
    return PeakMemory.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
