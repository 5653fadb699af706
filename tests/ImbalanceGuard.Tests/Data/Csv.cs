namespace ImbalanceGuard.Tests.Data;

/// <summary>Reads and writes CSV text in memory, and files in a private temporary folder.</summary>
internal static class Csv
{
    public const string SourceName = "cells.csv";

    public static Dataset Read(string text, CsvLoadOptions? options = null)
        => Dataset.ReadCsv(new StringReader(text), options, SourceName);

    public static string Write(LabeledData data, char separator = ',')
    {
        using var writer = new StringWriter();
        data.WriteCsv(writer, separator);
        return writer.ToString();
    }

    /// <summary>Asserts that reading <paramref name="text"/> fails with a message holding every fragment.</summary>
    public static DataFormatException ReadFails(string text, CsvLoadOptions? options, params string[] fragments)
    {
        var error = Assert.Throws<DataFormatException>(() => Read(text, options));
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        }

        return error;
    }

    /// <summary>Writes <paramref name="text"/> to a new file named <paramref name="name"/> and loads it.</summary>
    public static Dataset LoadFile(string name, string text, CsvLoadOptions? options = null)
        => LoadFile(name, System.Text.Encoding.UTF8.GetBytes(text), options);

    /// <summary>Writes <paramref name="bytes"/> as they are (any encoding, any damage) to a new file named <paramref name="name"/> and loads it.</summary>
    public static Dataset LoadFile(string name, byte[] bytes, CsvLoadOptions? options = null)
    {
        var folder = Directory.CreateTempSubdirectory("imbalance-guard-csv-");
        try
        {
            var path = Path.Combine(folder.FullName, name);
            File.WriteAllBytes(path, bytes);
            return Dataset.LoadCsv(path, options);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    public static double[] Row(LabeledData data, int row) => data.GetRow(row).ToArray();

    public static string[] Labels(LabeledData data) => [.. Enumerable.Range(0, data.RowCount).Select(data.GetClassName)];
}
