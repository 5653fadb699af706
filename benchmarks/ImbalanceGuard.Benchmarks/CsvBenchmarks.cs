using BenchmarkDotNet.Attributes;

namespace ImbalanceGuard.Benchmarks;

/// <summary>Reading and writing the CSV files every command starts and ends with: 20 000 rows of 20 features and a label.</summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class CsvBenchmarks
{
    private string _text = string.Empty;
    private Dataset _data = null!;

    [GlobalSetup]
    public void Setup()
    {
        _data = SyntheticData.MakeClassification(rows: 20_000, features: 20, informative: 5, classes: 2, minorityFraction: 0.05, seed: 0);
        using var writer = new StringWriter();
        _data.WriteCsv(writer);
        _text = writer.ToString();
    }

    [Benchmark]
    public int Read() => Dataset.ReadCsv(new StringReader(_text)).RowCount;

    [Benchmark]
    public int Write()
    {
        using var writer = new StringWriter(new System.Text.StringBuilder(_text.Length));
        _data.WriteCsv(writer);
        return writer.GetStringBuilder().Length;
    }
}
