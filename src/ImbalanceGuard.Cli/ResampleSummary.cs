using System.Globalization;
using Spectre.Console;

namespace ImbalanceGuard.Cli;

/// <summary>The human summary of a resampling, in memory or out of core: rows per class before and after, then one line.</summary>
internal static class ResampleSummary
{
    /// <summary>
    /// Writes the class table (classes that appear only after resampling last) and the line
    /// "<c>method: kept K rows, made M, in S s.</c>".
    /// </summary>
    public static void Write(
        IAnsiConsole console, string method, IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after, long kept, long made, TimeSpan elapsed)
    {
        var table = new Table()
            .AddColumn("class")
            .AddColumn(new TableColumn("before").RightAligned())
            .AddColumn(new TableColumn("after").RightAligned())
            .AddColumn(new TableColumn("change").RightAligned());
        foreach (var className in before.Keys.Concat(after.Keys.Where(k => !before.ContainsKey(k))))
        {
            var (b, a) = (before.GetValueOrDefault(className), after.GetValueOrDefault(className));
            table.AddRow(new Text(className), new Text(Count(b)), new Text(Count(a)), new Text(Change(a - b)));
        }

        var (totalBefore, totalAfter) = (before.Values.Sum(), after.Values.Sum());
        table.AddRow(new Markup("[bold]total[/]"), new Text(Count(totalBefore)), new Text(Count(totalAfter)), new Text(Change(totalAfter - totalBefore)));
        console.Write(table);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{method}: kept {kept:N0} rows, made {made:N0}, in {elapsed.TotalSeconds:0.000} s."));
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Change(long value) => value.ToString("+#,0;-#,0;0", CultureInfo.InvariantCulture);
}
