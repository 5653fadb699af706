using System.Globalization;
using System.Text;

namespace ImbalanceGuard.Scale;

/// <summary>
/// One operation on one table, rendered to a SELECT in DuckDB SQL or Spark SQL. The result has the table's columns,
/// then <c>ig_row</c> (the row id) and, for a split, <c>ig_part</c> (<c>'training'</c> or <c>'holdout'</c>). Which
/// rows go where depends only on the row ids, the data and the seed, never on the engine's threads or partitions.
/// </summary>
/// <param name="Table">The table (or view) to read.</param>
/// <param name="Columns">Its columns, in the order the result keeps.</param>
/// <param name="RowIdColumn">
/// The column of row ids, the row's position in the file: <c>rowid</c> for a table the engine loaded in file order,
/// or a column the Spark job added (for example with <c>zipWithIndex</c>).
/// </param>
/// <param name="Operation">What to do.</param>
public sealed record TablePlan(string Table, IReadOnlyList<string> Columns, string RowIdColumn, TableOperation Operation)
{
    /// <summary>The name of the row-id column in the result.</summary>
    public const string RowColumn = "ig_row";

    /// <summary>The name of the part column in a split's result.</summary>
    public const string PartColumn = "ig_part";

    /// <summary>The SELECT statement in <paramref name="dialect"/>, one common table expression a line.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A share is not strictly between 0 and 1, or a target is negative.</exception>
    public string Render(SqlDialect dialect)
    {
        var q = new Func<string, string>(name => Quote(dialect, name));
        var columns = string.Join(", ", Columns.Select(q));
        var sql = new StringBuilder("WITH ig_source AS (SELECT ")
            .Append(columns).Append(", ").Append(q(RowIdColumn)).Append(" AS ").Append(RowColumn)
            .Append(" FROM ").Append(q(Table)).Append(')');
        var from = "ig_source";
        int? seed = Operation switch
        {
            StratifiedHoldout split => split.Seed,
            ClassSample sample => sample.Seed,
            _ => null,
        };
        if (seed is { } hashSeed)
        {
            var steps = PortableHash.Steps(dialect, RowColumn, hashSeed, i => $"ig_h{i}");
            for (var i = 0; i < steps.Count; i++)
            {
                sql.Append(",\nig_h").Append(i).Append(" AS (SELECT *, ").Append(steps[i]).Append(" AS ig_h").Append(i)
                    .Append(" FROM ").Append(from).Append(')');
                from = $"ig_h{i}";
            }
        }

        var hash = $"ig_h{PortableHash.Steps(dialect, RowColumn, 0, i => string.Empty).Count - 1}";
        var text = dialect == SqlDialect.DuckDb ? "VARCHAR" : "STRING";
        switch (Operation)
        {
            case StratifiedHoldout split:
                CheckShare(split.Share);
                var targets = split.Targets
                    ?? throw new InvalidOperationException("A stratified split renders with its per-class targets: run RenderClassCounts, then WithClassCounts.");
                sql.Append(Invariant($",\nig_ranked AS (SELECT *, row_number() OVER (PARTITION BY {q(split.LabelColumn)} ORDER BY {hash}, {RowColumn}) AS ig_rank FROM {from})"))
                    .Append(Invariant($"\nSELECT {columns}, {RowColumn}, CASE WHEN CASE CAST({q(split.LabelColumn)} AS {text})"));
                AppendTargets(sql, dialect, targets, "FALSE");
                sql.Append(Invariant($" THEN 'holdout' ELSE 'training' END AS {PartColumn} FROM ig_ranked"));
                break;
            case TimeOrderedHoldout split:
                CheckShare(split.Share);
                var time = split.OrderAs is null ? q(split.TimeColumn) : $"CAST({q(split.TimeColumn)} AS {split.OrderAs})";

                // Split.TimeOrdered's rule: the share rounded up, then every row at the first held-out row's time too.
                sql.Append(Invariant($",\nig_ranked AS (SELECT *, {time} AS ig_time, row_number() OVER (ORDER BY {time} ASC NULLS LAST, {RowColumn}) AS ig_rank, count(*) OVER () AS ig_rows FROM {from})"))
                    .Append(Invariant($",\nig_cut AS (SELECT min(ig_time) AS ig_cut FROM ig_ranked WHERE ig_rank = ig_rows - CAST(ceil(ig_rows * {Double(split.Share)}) AS BIGINT) + 1)"))
                    .Append(Invariant($"\nSELECT {columns}, {RowColumn}, CASE WHEN ig_time >= ig_cut THEN 'holdout' ELSE 'training' END AS {PartColumn} FROM ig_ranked CROSS JOIN ig_cut"));
                break;
            case ClassSample sample:
                sql.Append(Invariant($",\nig_ranked AS (SELECT *, row_number() OVER (PARTITION BY {q(sample.LabelColumn)} ORDER BY {hash}, {RowColumn}) AS ig_rank FROM {from})"))
                    .Append(Invariant($"\nSELECT {columns}, {RowColumn} FROM ig_ranked WHERE CASE CAST({q(sample.LabelColumn)} AS {text})"));
                AppendTargets(sql, dialect, sample.Targets, "TRUE");
                break;
            default:
                throw new NotSupportedException($"{Operation.GetType().Name} has no rendering.");
        }

        return sql.ToString();
    }

    /// <summary>
    /// The class-count query a stratified split runs first, in <paramref name="dialect"/>: each class as text
    /// (<c>ig_class</c>, an empty text for a missing label) and its rows (<c>ig_rows</c>).
    /// </summary>
    public string RenderClassCounts(SqlDialect dialect, string labelColumn)
    {
        var text = dialect == SqlDialect.DuckDb ? "VARCHAR" : "STRING";
        return $"SELECT coalesce(CAST({Quote(dialect, labelColumn)} AS {text}), '') AS ig_class, count(*) AS ig_rows FROM {Quote(dialect, Table)} GROUP BY 1";
    }

    /// <summary>A quoted identifier: <c>"name"</c> in DuckDB, <c>`name`</c> in Spark.</summary>
    public static string Quote(SqlDialect dialect, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return dialect == SqlDialect.DuckDb
            ? "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";
    }

    // One WHEN per class: its rank within the class against its target; a class not named gets the fallback.
    private static void AppendTargets(StringBuilder sql, SqlDialect dialect, IReadOnlyDictionary<string, long> targets, string fallback)
    {
        foreach (var (label, target) in targets.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            ArgumentOutOfRangeException.ThrowIfNegative(target, nameof(targets));
            sql.Append(Invariant($"\n  WHEN {Literal(dialect, label)} THEN ig_rank <= {target}"));
        }

        sql.Append("\n  ELSE ").Append(fallback).Append(" END");
    }

    // DuckDB doubles a quote and reads backslashes as text; Spark escapes both with a backslash.
    private static string Literal(SqlDialect dialect, string text) => dialect == SqlDialect.DuckDb
        ? "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'"
        : "'" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";

    // A double literal both engines read as the same IEEE double (a bare 0.2 is a DECIMAL in both).
    private static string Double(double value) => Invariant($"CAST('{value:R}' AS DOUBLE)");

    private static void CheckShare(double share)
    {
        if (!(share > 0 && share < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Operation), share, "The holdout share must be strictly between 0 and 1.");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
