using System.Globalization;
using System.Text.RegularExpressions;
using ImbalanceGuard.Evaluation;
using ImbalanceGuard.Monitoring;
using ImbalanceGuard.Scale;

namespace ImbalanceGuard.Cli;

/// <summary>
/// The one place the in-memory commands read and write data files: CSV as it is, Parquet (by the ending
/// <c>.parquet</c>) turned into the same CSV text by the engine, so a Parquet file is read with every rule of the CSV
/// reader (column kinds, categories, missing values, the label as text) and written with the CSV writer's values.
/// The CSV limits (line, cell and column counts) guard the text reader against hostile text and do not apply to
/// Parquet, whose cells the engine has already parsed.
/// </summary>
internal static class TableFile
{
    /// <summary>Limits no converted Parquet file reaches.</summary>
    private static readonly CsvLimits Unlimited = new() { MaxLineLength = int.MaxValue, MaxFieldLength = int.MaxValue, MaxColumns = int.MaxValue };

    /// <summary>True when <paramref name="path"/> names a Parquet file.</summary>
    public static bool IsParquet(string path) => TableFormats.FromPath(path) == TableFormat.Parquet;

    /// <summary><see cref="Dataset.LoadCsv"/> of a CSV or Parquet file.</summary>
    public static Dataset LoadDataset(string path, CsvLoadOptions options)
        => Read(path, options.Separator, options.Limits, (text, separator, limits) => Dataset.LoadCsv(text, options with { Separator = separator, Limits = limits }));

    /// <summary><see cref="Dataset.CsvColumns"/> of a CSV or Parquet file.</summary>
    public static IReadOnlyList<string> Columns(string path, CsvLoadOptions options)
        => Read(path, options.Separator, options.Limits, (text, separator, limits) => Dataset.CsvColumns(text, options with { Separator = separator, Limits = limits }));

    /// <summary><see cref="ScoredCsv.Load"/> of a CSV or Parquet file.</summary>
    public static ScoredData LoadScored(string path, string labelColumn, string scoreColumn, string? positiveClass, char separator, string? groupColumn, CsvLimits limits)
        => Read(path, separator, limits, (text, s, l) => ScoredCsv.Load(text, labelColumn, scoreColumn, positiveClass, s, groupColumn, l));

    /// <summary><see cref="UnlabeledCsv.Load"/> of a CSV or Parquet file.</summary>
    public static UnlabeledData LoadUnlabeled(string path, CsvLoadOptions options, string? scoreColumn = null)
        => Read(path, options.Separator, options.Limits, (text, separator, limits) => UnlabeledCsv.Load(text, options with { Separator = separator, Limits = limits }, scoreColumn));

    /// <summary><see cref="UnlabeledCsv.LoadScores"/> of a CSV or Parquet file.</summary>
    public static IReadOnlyList<double> LoadScores(string path, string scoreColumn, char separator, CsvLimits limits)
        => Read(path, separator, limits, (text, s, l) => UnlabeledCsv.LoadScores(text, scoreColumn, s, l));

    /// <summary>
    /// Runs <paramref name="read"/> on <paramref name="path"/>'s CSV text with the separator and limits to read it by:
    /// the file itself with <paramref name="separator"/> and <paramref name="limits"/>, or for Parquet a temporary CSV
    /// copy (named as the file, so messages name it) with commas and no limits. An error on a converted file names the
    /// Parquet row (1 for the first data row) rather than the copy's line.
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="DataFormatException">The file is not usable; for Parquet also when the engine cannot read it.</exception>
    /// <exception cref="PlatformNotSupportedException">This package of the tool has no engine to read Parquet with.</exception>
    public static T Read<T>(string path, char separator, CsvLimits limits, Func<string, char, CsvLimits, T> read)
    {
        if (!IsParquet(path))
        {
            return read(path, separator, limits);
        }

        var folder = Directory.CreateTempSubdirectory("imbalance-guard-parquet-");
        try
        {
            var text = Path.Combine(folder.FullName, Path.GetFileName(path));
            long rows;
            try
            {
                using var engine = DuckDbEngine.Open(new EngineOptions { TemporaryFolder = folder.FullName });
                rows = TableText.ParquetToCsv(engine, path, text);
            }
            catch (DllNotFoundException e)
            {
                throw EngineUnavailable(e);
            }

            try
            {
                return read(text, ',', Unlimited);
            }
            catch (DataFormatException e) when (RowOf(e.Message, Path.GetFileName(path), text, rows) is { } message)
            {
                throw new DataFormatException(message, e);
            }
        }
        finally
        {
            Remove(folder);
        }
    }

    /// <summary>
    /// Writes <paramref name="data"/> to the reserved output <paramref name="target"/>: CSV, or Parquet by the ending,
    /// with the same values (continuous features as DOUBLE, categories as text, the label as whole numbers when every
    /// class is one, else as text).
    /// </summary>
    /// <exception cref="OutputException">The system refused the write.</exception>
    /// <exception cref="PlatformNotSupportedException">This package of the tool has no engine to write Parquet with.</exception>
    public static void Write(StagedOutput staged, string target, LabeledData data)
    {
        if (!IsParquet(target))
        {
            staged.Write(target, writer => data.WriteCsv(writer));
            return;
        }

        var folder = Directory.CreateTempSubdirectory("imbalance-guard-parquet-");
        try
        {
            var text = Path.Combine(folder.FullName, "rows.csv");
            using (var writer = new StreamWriter(text))
            {
                data.WriteCsv(writer);
            }

            staged.WriteFile(target, temporary =>
            {
                try
                {
                    using var engine = DuckDbEngine.Open(new EngineOptions { TemporaryFolder = folder.FullName });
                    TableText.CsvToParquet(engine, text, ColumnTypes(data.Schema), temporary);
                }
                catch (DllNotFoundException e)
                {
                    throw EngineUnavailable(e);
                }
            });
        }
        finally
        {
            Remove(folder);
        }
    }

    /// <summary>The engine's native library is missing: the framework-dependent package for other platforms has none.</summary>
    internal static PlatformNotSupportedException EngineUnavailable(DllNotFoundException e) => new(
        "Parquet files are read and written by the DuckDB engine, whose native library this package of the tool does not carry "
        + SplitCommand.EnginePackages + "; convert the file to CSV, or run it on one of those platforms or from a build of the repository.",
        e);

    private static void Remove(DirectoryInfo folder)
    {
        try
        {
            folder.Delete(recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover copy in the temporary folder is untidy, not wrong.
        }
    }

    private static List<(string Column, string Type)> ColumnTypes(DataSchema schema)
    {
        var wholeClasses = schema.ClassNames.All(c => long.TryParse(c, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            && n.ToString(CultureInfo.InvariantCulture) == c);
        return [.. schema.SourceColumns.Select(c => (c, c == schema.LabelName ? (wholeClasses ? "BIGINT" : "VARCHAR")
            : c == schema.WeightName ? "DOUBLE"
            : schema.CategoryLevels(schema.FeatureIndex(c)) is null ? "DOUBLE" : "VARCHAR"))];
    }

    // "events.parquet line 5, column 'x': …" names the line of the CSV copy; with no line break inside a cell, line n
    // is data row n - 1 of the Parquet file.
    private static string? RowOf(string message, string name, string text, long rows)
    {
        var match = Regex.Match(message, "^" + Regex.Escape(name) + " line (\\d+)");
        if (!match.Success)
        {
            return null;
        }

        var line = long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var where = line == 1 ? $"{name} (its column names)"
            : LineBreaks(text) == rows + 1 ? string.Create(CultureInfo.InvariantCulture, $"{name} row {line - 1}")
            : string.Create(CultureInfo.InvariantCulture, $"{name} (line {line} of its cells as CSV text, where cells hold line breaks)");
        return where + message[match.Length..];
    }

    private static long LineBreaks(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[1 << 16];
        long count = 0;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            count += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        return count;
    }
}
