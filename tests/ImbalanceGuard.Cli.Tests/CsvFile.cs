using System.Globalization;

namespace ImbalanceGuard.Cli.Tests;

/// <summary>Reads the simple CSV files these tests make and compare (no quoted cells).</summary>
public static class CsvFile
{
    public static string Header(string path) => File.ReadLines(path).First();

    public static string[][] Rows(string path)
        => [.. File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))];

    public static double[] Numbers(string[] row) => [.. row[..^1].Select(c => double.Parse(c, CultureInfo.InvariantCulture))];

    public static int[] Indices(string path)
        => [.. File.ReadLines(path).Where(l => l.Length > 0).Select(l => int.Parse(l, CultureInfo.InvariantCulture))];
}
