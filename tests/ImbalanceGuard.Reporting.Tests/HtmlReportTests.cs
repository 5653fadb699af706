using System.Text.RegularExpressions;
using System.Xml.Linq;
using ImbalanceGuard.Pipelines;
using SkiaSharp;

namespace ImbalanceGuard.Reporting.Tests;

public partial class HtmlReportTests
{
    [Fact]
    public void The_report_is_one_self_contained_page()
    {
        AssertSelfContained(HtmlReport.Build(ReportFixtures.Hacide));
    }

    [Fact]
    public void The_sampling_notes_of_the_folds_are_listed_under_the_table_by_strategy()
    {
        var data = ReportFixtures.Hacide;
        var html = HtmlReport.Build(data);

        // hacide's random-under discards 98 % of class 0 in each fold; none and SMOTE have nothing to say.
        var noted = data.Strategies.Where(s => s.Result.SamplingNotes.Count > 0).ToArray();
        var strategy = Assert.Single(noted);
        Assert.Equal("random-under", strategy.Strategy);
        var note = Assert.Single(strategy.Result.SamplingNotes);
        Assert.Contains($"<li><strong>random-under</strong>: {System.Net.WebUtility.HtmlEncode(note.Message)}</li>", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("class=\"sampling-notes\"", StringComparison.Ordinal) > html.IndexOf("Strategies compared", StringComparison.Ordinal));
    }

    [Fact]
    public void A_report_without_sampling_notes_has_no_list_of_them()
    {
        var html = HtmlReport.Build(ReportFixtures.Compare("pima.csv", ["none", "class-weight"]));

        Assert.DoesNotContain("sampling-notes", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_plot_is_an_inline_png_that_decodes_to_a_drawn_image()
    {
        var html = HtmlReport.Build(ReportFixtures.Hacide);

        var images = Images().Matches(html).Select(m => Convert.FromBase64String(m.Groups[1].Value)).ToArray();
        Assert.Equal(6, images.Length); // class balance, PR, ROC, threshold, calibration, original vs synthetic
        foreach (var png in images)
        {
            using var bitmap = SKBitmap.Decode(png);
            Assert.NotNull(bitmap);
            Assert.True(bitmap.Width >= 400 && bitmap.Height >= 300, $"{bitmap.Width}×{bitmap.Height}");
            Assert.True(DistinctColours(bitmap) > 20, "a plot should hold axes, lines and text, not a blank canvas");
        }
    }

    [Fact]
    public void The_report_states_the_accuracy_trap_the_ranking_and_the_recommendation()
    {
        var data = ReportFixtures.Hacide;
        var html = HtmlReport.Build(data);
        var verdict = ReportVerdict.Of(data);

        Assert.Contains("The accuracy trap", html, StringComparison.Ordinal);
        Assert.Contains("98.0 % accurate", html, StringComparison.Ordinal); // hacide: 980 of 1000 rows are class 0
        Assert.Contains(System.Net.WebUtility.HtmlEncode(verdict.Recommendation), html, StringComparison.Ordinal);
        Assert.Equal(data.Strategies[0].Strategy, verdict.Best.Strategy);
        var order = data.Strategies.Select(s => html.IndexOf($"<td>{s.Strategy}</td>", StringComparison.Ordinal)).ToArray();
        Assert.All(order, i => Assert.True(i > 0));
        Assert.Equal(order.Order(), order);
        Assert.Equal(ThresholdTunedOnOutOfFold(data), verdict.Threshold.Threshold);
    }

    [Fact]
    public void The_table_shows_each_metric_mean_and_spread_as_measured()
    {
        var data = ReportFixtures.Hacide;
        var html = HtmlReport.Build(data);
        var best = data.Strategies[0].Result[MetricNames.AveragePrecision];

        Assert.Contains($"{best.Mean:0.000} <span class=\"spread\">± {best.StandardDeviation:0.000}</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_from_the_data_are_escaped()
    {
        var data = ReportFixtures.Hacide with { Title = "<script>alert('x')</script> & co", Method = "a <b>bold</b> claim" };

        var html = HtmlReport.Build(data);

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co", html, StringComparison.Ordinal);
        Assert.Contains("a &lt;b&gt;bold&lt;/b&gt; claim", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_markup_is_well_formed_once_void_elements_are_closed_and_scripts_set_aside()
    {
        var html = HtmlReport.Build(ReportFixtures.Hacide);
        var markup = Script().Replace(html["<!DOCTYPE html>".Length..], "<script/>"); // script text is not XML
        var xml = VoidElement().Replace(markup, m => m.Value.EndsWith("/>", StringComparison.Ordinal) ? m.Value : m.Value[..^1] + "/>");

        var document = XDocument.Parse(xml);

        Assert.Equal("html", document.Root!.Name.LocalName);
        Assert.Equal(6, document.Descendants("figure").Count());
    }

    [Fact]
    public void The_same_comparison_gives_the_same_report()
        => Assert.Equal(HtmlReport.Build(ReportFixtures.Hacide), HtmlReport.Build(ReportFixtures.Hacide));

    [Fact]
    public void Without_two_features_there_is_no_scatter()
    {
        var data = ReportFixtures.Compare("pima.csv", ["none", "class-weight"]);

        var html = HtmlReport.Build(data);

        Assert.Equal(5, Images().Matches(html).Count);
        Assert.DoesNotContain("Original and synthetic rows", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_replaces_the_file_whole_and_leaves_no_temporary_file()
    {
        var folder = Directory.CreateTempSubdirectory("ig-report-");
        try
        {
            var path = Path.Combine(folder.FullName, "report.html");
            File.WriteAllText(path, "old");

            HtmlReport.Write(ReportFixtures.Hacide, path);

            Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(path), StringComparison.Ordinal);
            Assert.Equal(["report.html"], folder.GetFiles().Select(f => f.Name));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Write_leaves_a_users_own_tmp_file_alone()
    {
        var folder = Directory.CreateTempSubdirectory("ig-report-");
        try
        {
            var path = Path.Combine(folder.FullName, "mine.html");
            File.WriteAllText(path + ".tmp", "my notes");

            HtmlReport.Write(ReportFixtures.Hacide, path);

            Assert.Equal("my notes", File.ReadAllText(path + ".tmp"));
            Assert.Equal(["mine.html", "mine.html.tmp"], folder.GetFiles().Select(f => f.Name).Order(StringComparer.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Write_onto_a_folder_fails_and_leaves_nothing_behind()
    {
        var folder = Directory.CreateTempSubdirectory("ig-report-");
        try
        {
            var path = Path.Combine(folder.FullName, "out.html");
            Directory.CreateDirectory(path);

            Assert.ThrowsAny<IOException>(() => HtmlReport.Write(ReportFixtures.Hacide, path));

            Assert.Empty(folder.GetFiles());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_report_needs_a_strategy()
    {
        var data = ReportFixtures.Hacide with { Strategies = [] };

        Assert.Throws<ArgumentException>(() => HtmlReport.Build(data));
    }

    /// <summary>One HTML page with its style inline and nothing fetched from elsewhere.</summary>
    internal static void AssertSelfContained(string html)
    {
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(ExternalReference(), html);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
    }

    internal static int DistinctColours(SKBitmap bitmap)
    {
        var colours = new HashSet<uint>();
        for (var y = 0; y < bitmap.Height; y += 3)
        {
            for (var x = 0; x < bitmap.Width; x += 3)
            {
                colours.Add((uint)bitmap.GetPixel(x, y));
            }
        }

        return colours.Count;
    }

    private static double ThresholdTunedOnOutOfFold(ReportData data)
        => Thresholds.ThresholdTuner.Tune(data.Strategies[0].Result.OutOfFoldScores, Thresholds.ThresholdObjective.F1).Threshold;

    [GeneratedRegex("""(src|href)\s*=\s*["']?(https?:|//)""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();

    [GeneratedRegex("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"")]
    internal static partial Regex Images();

    [GeneratedRegex("<script>.*?</script>", RegexOptions.Singleline)]
    private static partial Regex Script();

    [GeneratedRegex("<(meta|img|br|hr|link|input)\\b[^>]*>")]
    private static partial Regex VoidElement();
}
