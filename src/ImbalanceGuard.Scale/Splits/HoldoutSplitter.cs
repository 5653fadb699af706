using System.Globalization;

namespace ImbalanceGuard.Scale;

/// <summary>
/// Splits a CSV or Parquet file into a training file and a holdout file on the engine, streaming: the rows stay in
/// the engine (which spills beyond its cap) and each part is written in file order by the engine itself.
/// </summary>
public static class HoldoutSplitter
{
    /// <summary>
    /// Applies <paramref name="operation"/> to <paramref name="source"/> (loaded by <see cref="DuckDbEngine.Load"/>) and writes the parts to
    /// <paramref name="trainingPath"/> and <paramref name="holdoutPath"/>, each in the format its
    /// <paramref name="trainingFormat"/>/<paramref name="holdoutFormat"/> says.
    /// </summary>
    /// <exception cref="DataFormatException">The input lacks a named column, or a time-ordered split's time column has empty cells or cells that are neither numbers nor dates.</exception>
    /// <exception cref="MemoryLimitException">The engine's cap is too small.</exception>
    public static SplitOutcome Run(
        DuckDbEngine engine,
        SourceTable source,
        string labelColumn,
        TableOperation operation,
        string trainingPath,
        TableFormat trainingFormat,
        string holdoutPath,
        TableFormat holdoutFormat)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(operation);
        source.Require(labelColumn);
        if (operation is StratifiedHoldout stratified)
        {
            source.Require(stratified.LabelColumn);
        }

        if (operation is TimeOrderedHoldout timed)
        {
            var time = DuckDbEngine.Identifier(source.Require(timed.TimeColumn));
            if (timed.OrderAs is null && IsText(engine, source, timed.TimeColumn))
            {
                operation = timed = timed with { OrderAs = TimeType(engine, source, timed.TimeColumn) };
            }

            var empty = Count(engine, $"SELECT count(*) FROM {DuckDbEngine.Identifier(source.Name)} WHERE {time} IS NULL");
            if (empty > 0)
            {
                throw new DataFormatException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{source.Path}: {empty} rows have no value in the time column '{timed.TimeColumn}'; a time-ordered split needs a time on every row."));
            }
        }

        // The plan ranks only the columns it needs (label or time), so its window holds two or three columns, not
        // the whole row; each part is then read from the table by row id, in file order.
        var needed = new[] { labelColumn, (operation as TimeOrderedHoldout)?.TimeColumn }.OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        var plan = new TablePlan(source.Name, needed, "rowid", operation);
        if (operation is StratifiedHoldout split)
        {
            // The plan's first step: the class counts, from which Split.Stratified's per-class targets follow.
            var classRows = engine.Query(plan.RenderClassCounts(SqlDialect.DuckDb, split.LabelColumn))
                .ToDictionary(r => (string)r[0]!, r => Convert.ToInt64(r[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
            plan = plan with { Operation = split = split.WithClassCounts(classRows) };
            if (split.Targets!.Values.Sum() == 0)
            {
                throw new DataFormatException($"{source.Path}: no class has two rows, so no row can be held out (a class's single row stays in training); is the label column the right one?");
            }
        }

        engine.Execute("CREATE OR REPLACE TABLE ig_parts AS " + plan.Render(SqlDialect.DuckDb));
        if (operation is TimeOrderedHoldout && Count(engine, $"SELECT count(*) FROM ig_parts WHERE {TablePlan.PartColumn} = 'training'") == 0)
        {
            throw new DataFormatException($"{source.Path}: the rows held out would be every row (the share rounds up, and rows at the boundary time join it); no training row would be earlier than the holdout.");
        }
        var columns = string.Join(", ", source.Columns.Select(c => "s." + DuckDbEngine.Identifier(c)));
        var table = DuckDbEngine.Identifier(source.Name);
        foreach (var (part, path, format) in new[] { ("training", trainingPath, trainingFormat), ("holdout", holdoutPath, holdoutFormat) })
        {
            engine.CopyTo(
                $"SELECT {columns} FROM {table} s SEMI JOIN (SELECT {TablePlan.RowColumn} FROM ig_parts WHERE {TablePlan.PartColumn} = '{part}') p ON s.rowid = p.{TablePlan.RowColumn} ORDER BY s.rowid",
                path,
                format);
        }

        var training = new Dictionary<string, long>(StringComparer.Ordinal);
        var holdout = new Dictionary<string, long>(StringComparer.Ordinal);
        var label = DuckDbEngine.Identifier(labelColumn);
        foreach (var row in engine.Query($"SELECT coalesce(CAST({label} AS VARCHAR), ''), {TablePlan.PartColumn}, count(*) FROM ig_parts GROUP BY ALL"))
        {
            var counts = (string)row[1]! == "holdout" ? holdout : training;
            counts[(string)row[0]!] = Convert.ToInt64(row[2], CultureInfo.InvariantCulture);
        }

        engine.Execute("DROP TABLE ig_parts");
        return new SplitOutcome(source, training, holdout);
    }

    private static bool IsText(DuckDbEngine engine, SourceTable source, string column)
        => engine.Query(
            $"SELECT data_type FROM information_schema.columns WHERE table_name = {DuckDbEngine.Literal(source.Name)} AND column_name = {DuckDbEngine.Literal(column)}")
            .Single()[0] is "VARCHAR";

    // Text read cell by cell: ordered as numbers if every cell is one, else as timestamps if every cell is one.
    private static string TimeType(DuckDbEngine engine, SourceTable source, string column)
    {
        var time = DuckDbEngine.Identifier(column);
        var table = DuckDbEngine.Identifier(source.Name);
        foreach (var type in new[] { "DOUBLE", "TIMESTAMP" })
        {
            if (Count(engine, $"SELECT count(*) FROM {table} WHERE {time} IS NOT NULL AND TRY_CAST({time} AS {type}) IS NULL") == 0)
            {
                return type;
            }
        }

        var example = engine.Query($"SELECT {time} FROM {table} WHERE TRY_CAST({time} AS DOUBLE) IS NULL AND TRY_CAST({time} AS TIMESTAMP) IS NULL LIMIT 1").Single()[0];
        throw new DataFormatException(
            $"{source.Path}: the time column '{column}' holds '{example}', neither a number nor a date and time; a time-ordered split needs one of them in every row.");
    }

    private static long Count(DuckDbEngine engine, string sql)
        => Convert.ToInt64(engine.Query(sql).Single()[0], CultureInfo.InvariantCulture);
}
