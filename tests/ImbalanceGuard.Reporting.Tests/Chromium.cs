using System.Diagnostics;

namespace ImbalanceGuard.Reporting.Tests;

/// <summary>
/// Debian's headless Chromium, run as a user's browser would open a report file. The tests install nothing:
/// without a browser they are skipped (<see cref="ChromiumFactAttribute"/>); <c>.ci/run</c> installs the
/// <c>chromium</c> package when it is missing and makes the skip a failure.
/// </summary>
internal static class Chromium
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    private static readonly string[] HeadlessFlags =
        ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--hide-scrollbars", "--allow-file-access-from-files"];

    /// <summary>Why the browser tests cannot run here, or null when a browser is installed.</summary>
    public static string? Missing => Candidates.Any(File.Exists)
        ? null
        : "Chromium is not installed (looked for " + string.Join(", ", Candidates) + "), so the report cannot be opened in a browser; "
            + "apt-get install -y chromium, or run .ci/run (it installs it)";

    /// <summary>The browser executable.</summary>
    public static string Executable => Candidates.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException(Missing);

    /// <summary>The DOM after the page loaded and its scripts ran, and what the browser logged.</summary>
    public static (string Dom, string Log) DumpDom(string htmlPath)
        => Run(["--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000", "--dump-dom", new Uri(htmlPath).AbsoluteUri]);

    /// <summary>Takes a screenshot of the page at the given window size.</summary>
    public static string Screenshot(string htmlPath, string pngPath, int width, int height)
        => Run(["--virtual-time-budget=5000", $"--window-size={width},{height}", "--screenshot=" + pngPath, new Uri(htmlPath).AbsoluteUri]).Log;

    private static (string Stdout, string Log) Run(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in HeadlessFlags.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        // A profile of its own, so parallel runs and a user's browser do not share state.
        var profile = Directory.CreateTempSubdirectory("ig-chromium-");
        start.ArgumentList.Add("--user-data-dir=" + profile.FullName);
        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("Chromium did not finish within two minutes.");
            }

            return (stdout.Result, stderr.Result);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
