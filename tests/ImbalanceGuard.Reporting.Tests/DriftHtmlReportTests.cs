using System.Net;
using SkiaSharp;

namespace ImbalanceGuard.Reporting.Tests;

public class DriftHtmlReportTests
{
    [Fact]
    public void The_drift_page_is_one_self_contained_page()
    {
        HtmlReportTests.AssertSelfContained(DriftHtmlReport.Build(DriftFixtures.Example));
    }

    [Fact]
    public void With_scores_and_a_threshold_the_worst_six_features_the_scores_and_the_alerts_are_drawn_images()
    {
        var data = DriftFixtures.Example;
        var html = DriftHtmlReport.Build(data);

        var images = HtmlReportTests.Images().Matches(html).Select(m => Convert.FromBase64String(m.Groups[1].Value)).ToArray();
        Assert.Equal(DriftHtmlReport.PlottedFeatures + 2, images.Length);
        foreach (var png in images)
        {
            using var bitmap = SKBitmap.Decode(png);
            Assert.NotNull(bitmap);
            Assert.True(bitmap.Width >= 400 && bitmap.Height >= 300, $"{bitmap.Width}×{bitmap.Height}");
            Assert.True(HtmlReportTests.DistinctColours(bitmap) > 20, "a plot should hold axes, bars or lines and text, not a blank canvas");
        }

        // The six plotted are the six worst, in the table's order; the two least severe are not drawn.
        var plotted = data.Features.Take(DriftHtmlReport.PlottedFeatures).Select(f => html.IndexOf($"alt=\"Distribution of {f.Name}\"", StringComparison.Ordinal)).ToArray();
        Assert.All(plotted, i => Assert.True(i > 0));
        Assert.Equal(plotted.Order(), plotted);
        Assert.All(data.Features.Skip(DriftHtmlReport.PlottedFeatures), f => Assert.DoesNotContain($"alt=\"Distribution of {f.Name}\"", html, StringComparison.Ordinal));
        Assert.Contains("alt=\"Score histograms\"", html, StringComparison.Ordinal);
        Assert.Contains("alt=\"Alerts against the base rate\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_threshold_there_is_no_alert_volume_and_no_alerts_plot()
    {
        var html = DriftHtmlReport.Build(DriftFixtures.Scored(threshold: null));

        Assert.Equal(DriftHtmlReport.PlottedFeatures + 1, HtmlReportTests.Images().Matches(html).Count);
        Assert.DoesNotContain("Alerts against the base rate", html, StringComparison.Ordinal);
        Assert.Contains("No threshold was given, so there is no alert volume", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_table_lists_every_feature_most_severe_first_and_highlights_exactly_the_drifted()
    {
        var data = DriftFixtures.Labelled();
        var html = DriftHtmlReport.Build(data);

        var rows = data.Features.Select(f => html.IndexOf($"<td>{f.Name}</td>", StringComparison.Ordinal)).ToArray();
        Assert.All(rows, i => Assert.True(i > 0));
        Assert.Equal(rows.Order(), rows);
        Assert.Equal(data.Drifted.Count, html.Split("<tr class=\"drifted\">").Length - 1);
        Assert.Equal("colour", data.Drifted[0].Name); // red 20 % → 50 %, green new, blue gone
        Assert.Contains("<td>chi-square</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void With_labels_on_both_sides_the_classes_and_their_test_are_shown_and_there_is_no_score_section()
    {
        var data = DriftFixtures.Labelled();
        var html = DriftHtmlReport.Build(data);
        var change = data.ClassChange!.Value;

        Assert.Contains("<th>current rows</th>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>1</td><td>20</td><td>0.1000</td><td>50</td><td>0.3333</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(DriftVerdict.PIs(change.PValue)), html, StringComparison.Ordinal);
        Assert.DoesNotContain("Scores and the base rate", html, StringComparison.Ordinal);
        Assert.Equal(2, HtmlReportTests.Images().Matches(html).Count); // two features, each drawn
        Assert.Contains("<p class=\"trap\">" + WebUtility.HtmlEncode(DriftVerdict.Of(data)), html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_verdict_names_the_worst_feature_the_class_change_and_a_moved_rate()
    {
        var labelled = DriftVerdict.Of(DriftFixtures.Labelled());
        Assert.StartsWith("Feature drift in ", labelled, StringComparison.Ordinal);
        Assert.Contains("most of all colour (chi-square ", labelled, StringComparison.Ordinal);
        Assert.Contains("; the class counts changed (chi-square p = ", labelled, StringComparison.Ordinal);

        // docs/examples: the reference's rate, 0.37, is far outside the interval of the current estimate.
        var example = DriftFixtures.Example;
        Assert.True(example.PositiveRateMoved);
        Assert.Contains("the positive rate has moved: it is estimated at ", DriftVerdict.Of(example), StringComparison.Ordinal);
        Assert.Contains(" alerts per 1,000 rows are expected at threshold 0.5.", DriftVerdict.Of(example), StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_data_on_both_sides_is_no_change()
    {
        var example = DriftFixtures.Labelled();
        var same = example with { Drift = Monitoring.DriftReport.Of(example.Reference!, example.Reference!), Current = example.Reference, CurrentRows = example.ReferenceRows, ClassCountsCurrent = example.ClassCountsReference };

        Assert.False(same.Changed);
        Assert.Equal("No feature drift: none of the 2 features differs at a 5 % false-discovery rate; the class counts did not change detectably (chi-square p = 1).", DriftVerdict.Of(same));
        Assert.Contains("<p class=\"verdict\">", DriftHtmlReport.Build(same), StringComparison.Ordinal);
    }

    [Fact]
    public void Scores_alone_give_a_page_without_feature_plots_but_with_the_scores_and_the_alerts()
    {
        var example = DriftFixtures.Example;
        var scoresAlone = example with { Drift = null, Reference = null, Current = null };
        var html = DriftHtmlReport.Build(scoresAlone);

        Assert.Contains("Neither file has a feature column besides the label and the score", html, StringComparison.Ordinal);
        Assert.Equal(2, HtmlReportTests.Images().Matches(html).Count);
        Assert.StartsWith("No feature columns to compare; the positive rate has moved", DriftVerdict.Of(scoresAlone), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.5, "0.5", "p = 0.5")]
    [InlineData(0.0004567, "4.57E-4", "p = 4.57E-4")]
    [InlineData(0.0, "< 1E-300", "p < 1E-300")] // a tail that underflowed (KDD Cup halves: chi-square 1689 on 1 degree of freedom)
    [InlineData(double.NaN, "n/a", "p = n/a")]
    public void A_p_value_is_written_so_that_none_reads_as_certainty(double p, string cell, string clause)
    {
        Assert.Equal(cell, DriftVerdict.PValue(p));
        Assert.Equal(clause, DriftVerdict.PIs(p));
    }
}
