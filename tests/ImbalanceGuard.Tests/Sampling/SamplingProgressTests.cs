using ImbalanceGuard.Sampling;

namespace ImbalanceGuard.Tests.Sampling;

/// <summary>Progress reports: the run's start and end, each chunk of a long neighbour search; never the result.</summary>
public class SamplingProgressTests
{
    private static TrainingSet Rows(int count)
    {
        var rows = new List<double[]>(count);
        var labels = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            rows.Add([i % 101 / 7.0, i % 37 / 3.0, i % 11]);
            labels.Add(i % 9 == 0 ? "1" : "0");
        }

        return Split.FromPreSplit(Dataset.FromRows(rows, labels));
    }

    [Fact]
    public void A_chunked_search_reports_each_chunk_and_the_result_is_the_same()
    {
        var training = Rows(20_000);
        var reports = new List<SamplingProgress>();

        var reported = SamplerCatalog.Create("tomek-links", new SamplerParameters(new Dictionary<string, string>()), new Synchronous(reports.Add)).FitResample(training);
        var silent = new TomekLinks().FitResample(training);

        Assert.Equal(silent.KeptIndices, reported.KeptIndices);
        Assert.Equal(new SamplingProgress("tomek-links", 0, 1), reports[0]);
        Assert.Equal(new SamplingProgress("tomek-links", 1, 1), reports[^1]);
        var search = reports.Where(r => r.Step == "tomek-links: neighbour search").ToArray();
        Assert.Equal([8192L, 16384L, 20000L], search.Select(r => r.Done));
        Assert.All(search, r => Assert.Equal(20_000, r.Total));
    }

    [Fact]
    public void A_sampler_without_a_chunked_search_reports_its_start_and_end()
    {
        var reports = new List<SamplingProgress>();

        new Smote { Progress = new Synchronous(reports.Add) }.FitResample(Rows(500));

        Assert.Equal([new SamplingProgress("smote", 0, 1), new SamplingProgress("smote", 1, 1)], reports);
    }

    /// <summary>Reports on the sampler's thread, in order (<see cref="Progress{T}"/> would post them to the thread pool).</summary>
    private sealed class Synchronous(Action<SamplingProgress> report) : IProgress<SamplingProgress>
    {
        public void Report(SamplingProgress value) => report(value);
    }
}
