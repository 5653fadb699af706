using System.Globalization;
using System.Text;

namespace ImbalanceGuard.Scale.Tests;

public class StreamedEvaluatorTests
{
    /// <summary>1 000 000 rows y,p: class 1 about 1 %, half the scores rounded to 3 decimals, half distinct (about 500 000 distinct).</summary>
    private static string Scored(ScratchFolder folder)
    {
        var random = new Random(5);
        var text = new StringBuilder("y,p\n");
        for (var i = 0; i < 1_000_000; i++)
        {
            var positive = random.NextDouble() < 0.01;
            var score = Math.Pow(random.NextDouble(), positive ? 1.0 : 2.5);
            text.Append(CultureInfo.InvariantCulture, $"{(positive ? 1 : 0)},{(i % 2 == 0 ? Math.Round(score, 3) : score):R}\n");
        }

        var path = folder.File("scores.csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    [Fact]
    public void A_slice_too_large_for_the_cap_is_halved_until_it_fits_and_the_metrics_do_not_change()
    {
        using var folder = new ScratchFolder();
        var path = Scored(folder);
        var request = new ScoreFileRequest(path, "y", "p", Threshold: 0.5);
        StreamedEvaluation ruled, oneSlice;
        using (var engine = DuckDbEngine.Open(new EngineOptions { MemoryLimitBytes = 256L << 20, Threads = 2 }))
        {
            ruled = StreamedEvaluator.Run(engine, request);
        }

        // One slice of every row under 10 MB: its GROUP BY of ~500 000 distinct scores fails (measured: halved 6 times).
        using (var engine = DuckDbEngine.Open(new EngineOptions { MemoryLimitBytes = 10L << 20, Threads = 2 }))
        {
            oneSlice = StreamedEvaluator.Run(engine, request, sliceRows: long.MaxValue);
        }

        Assert.Equal(ruled, oneSlice);
        Assert.Equal(1_000_000, oneSlice.Rows);
    }
}
