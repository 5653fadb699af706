using System.Text.RegularExpressions;
using SkiaSharp;

namespace ImbalanceGuard.Reporting.Tests;

/// <summary>
/// End to end: a report of a bundled dataset opened in headless Chromium renders every plot, logs no console
/// message, and looks like a page rather than a blank screen.
/// </summary>
public sealed partial class BrowserRenderingTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ig-report-e2e-");

    [ChromiumFact]
    public void The_report_of_hacide_renders_every_plot_in_chromium_without_console_errors()
    {
        var html = Path.Combine(_folder.FullName, "hacide.html");
        HtmlReport.Write(ReportFixtures.Hacide, html);

        AssertEveryPlotRenders(html, 6);
    }

    [ChromiumFact]
    public void The_drift_page_renders_every_plot_in_chromium_without_console_errors()
    {
        // Six feature overlays, the score histograms and the alerts against the base rate.
        var html = Path.Combine(_folder.FullName, "drift.html");
        File.WriteAllText(html, DriftHtmlReport.Build(DriftFixtures.Example));

        AssertEveryPlotRenders(html, DriftHtmlReport.PlottedFeatures + 2);
    }

    [ChromiumFact]
    public void A_screenshot_of_the_drift_page_shows_its_plots_at_their_size()
    {
        var html = Path.Combine(_folder.FullName, "drift.html");
        var png = Path.Combine(_folder.FullName, "drift.png");
        File.WriteAllText(html, DriftHtmlReport.Build(DriftFixtures.Example));

        var log = Chromium.Screenshot(html, png, 1200, 4200);

        Assert.True(File.Exists(png), "Chromium wrote no screenshot.\n" + log);
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal(1200, bitmap.Width);
        Assert.True(HtmlReportTests.DistinctColours(bitmap) > 200, "the screenshot is nearly blank");

        // Every 800-pixel band down to 3,200 (the page is about 2,900 tall) holds plots or tables: far from uniform white.
        for (var band = 0; band < 4; band++)
        {
            var drawn = 0;
            for (var y = band * 800; y < (band + 1) * 800; y += 4)
            {
                for (var x = 0; x < bitmap.Width; x += 4)
                {
                    drawn += bitmap.GetPixel(x, y) == SKColors.White ? 0 : 1;
                }
            }

            Assert.True(drawn > 2000, $"only {drawn} non-white samples between y = {band * 800} and {(band + 1) * 800}");
        }
    }

    [ChromiumFact]
    public void A_screenshot_of_the_report_shows_text_and_plots()
    {
        var html = Path.Combine(_folder.FullName, "hacide.html");
        var png = Path.Combine(_folder.FullName, "hacide.png");
        HtmlReport.Write(ReportFixtures.Hacide, html);

        var log = Chromium.Screenshot(html, png, 1200, 2400);

        Assert.True(File.Exists(png), "Chromium wrote no screenshot.\n" + log);
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal(1200, bitmap.Width);
        Assert.True(HtmlReportTests.DistinctColours(bitmap) > 200, "the screenshot is nearly blank");

        // The plots sit below the fold of a phone but inside this window: their area is far from uniform white.
        var lowerHalf = 0;
        for (var y = bitmap.Height / 2; y < bitmap.Height; y += 4)
        {
            for (var x = 0; x < bitmap.Width; x += 4)
            {
                lowerHalf += bitmap.GetPixel(x, y) == SKColors.White ? 0 : 1;
            }
        }

        Assert.True(lowerHalf > 2000, $"only {lowerHalf} non-white samples in the lower half of the page");
    }

    public void Dispose() => _folder.Delete(recursive: true);

    /// <summary>Opens the page in Chromium: it holds <paramref name="expected"/> plots, every one decoded, and logs nothing to the console.</summary>
    private static void AssertEveryPlotRenders(string html, int expected)
    {
        var (dom, log) = Chromium.DumpDom(html);

        var plots = Attribute(dom, "data-plots");
        var rendered = Attribute(dom, "data-plots-rendered");
        Assert.True(plots == expected, $"the page should hold {expected} plots; the DOM says {plots}.\n{log}");
        Assert.True(rendered == plots, $"only {rendered} of {plots} plots decoded in the browser.\n{log}");
        var console = log.Split('\n').Where(line => line.Contains("CONSOLE", StringComparison.Ordinal)).ToArray();
        Assert.True(console.Length == 0, "the page wrote to the console:\n" + string.Join('\n', console));
    }

    private static int? Attribute(string dom, string name)
        => AttributeValue().Matches(dom).FirstOrDefault(m => m.Groups[1].Value == name) is { } match ? int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    [GeneratedRegex("(data-plots(?:-rendered)?)=\"(\\d+)\"")]
    private static partial Regex AttributeValue();
}
