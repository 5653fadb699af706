using System.Globalization;
using ImbalanceGuard.Evaluation;

namespace ImbalanceGuard.Scale;

/// <summary>
/// Evaluates a scored file of any size on the engine. The file's label and score columns are read into a table (file
/// order, so a bad cell is named by its row); the engine counts positives and negatives per distinct score (a GROUP
/// BY, which spills under the cap) and hands the distinct scores over in descending order, one at a time, to a walk
/// that accumulates every metric: the tool never holds more than one distinct score.
/// </summary>
public static class StreamedEvaluator
{
    // np.finfo(np.float64).eps: the clipping margin of the in-memory log loss (scikit-learn 1.2.1's eps="auto").
    private const double MachineEpsilon = 2.220446049250313E-16;

    private const string Table = "ig_scores";

    // A slice of the rows gets about one row for every 16 bytes of the cap per engine thread plus one (436 906 rows
    // under 20 MB with 2 threads), and at least MinimumSliceRows. Measured under 20 MB with 2 threads on 9 000 000 rows
    // with 4 510 001 distinct scores: one GROUP BY of them all fails, slices of a cap's 32nd (655 360 rows) work and a
    // 16th fail; the threads share the cap, so more threads get smaller slices.
    private const long BytesPerSliceRowPerThread = 16;

    private const long MinimumSliceRows = 10_000;

    /// <summary>Evaluates <paramref name="request"/> on <paramref name="engine"/>.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="DataFormatException">
    /// The engine cannot read the file, a column is missing, a label is empty, a score is not a finite number (the
    /// message names its data row: 1 is the first row after the header), or the labels are not exactly two classes.
    /// </exception>
    /// <exception cref="MemoryLimitException">The engine's cap is too small.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The threshold is NaN.</exception>
    public static StreamedEvaluation Run(DuckDbEngine engine, ScoreFileRequest request) => Run(engine, request, sliceRows: null);

    /// <summary>As <see cref="Run(DuckDbEngine, ScoreFileRequest)"/>, with slices of <paramref name="sliceRows"/> rows instead of the cap's rule (tests force slices too large for the cap).</summary>
    internal static StreamedEvaluation Run(DuckDbEngine engine, ScoreFileRequest request, long? sliceRows)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Threshold is double.NaN)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Threshold, "The threshold must be a number.");
        }

        var source = Path.GetFileName(request.Path);
        var columns = engine.Columns(request.Path, request.Separator);
        var label = Find(columns, request.LabelColumn, "label", source);
        var score = Find(columns, request.ScoreColumn, "score", source);
        var csv = TableFormats.FromPath(request.Path) == TableFormat.Csv;

        // CSV cells are read as text and cast by the engine (correctly rounded, as .NET parses); Parquet keeps its types.
        var labelText = csv ? $"trim({DuckDbEngine.Identifier(label)})" : $"trim(CAST({DuckDbEngine.Identifier(label)} AS VARCHAR))";
        var scoreText = csv ? $"trim({DuckDbEngine.Identifier(score)})" : $"CAST({DuckDbEngine.Identifier(score)} AS VARCHAR)";
        var scoreValue = csv ? $"TRY_CAST({scoreText} AS DOUBLE)" : $"TRY_CAST({DuckDbEngine.Identifier(score)} AS DOUBLE)";
        var table = engine.LoadColumns(
            request.Path,
            Table,
            $"{labelText} AS ig_label, {scoreValue} AS ig_score, "
            + $"CASE WHEN {scoreValue} IS NULL OR NOT isfinite({scoreValue}) THEN coalesce({scoreText}, '') END AS ig_bad",
            request.Separator,
            textCells: csv);
        if (table.RowCount == 0)
        {
            throw new DataFormatException($"{source}: there are no data rows after the header.");
        }

        RequireCells(engine, source, request);
        var (positive, negative) = Classes(engine, source, request);
        return Walk(engine, request, table.RowCount, positive, negative, sliceRows);
    }

    private static string Find(IReadOnlyList<string> columns, string name, string role, string source)
        => columns.FirstOrDefault(c => string.Equals(c.Trim(), name, StringComparison.Ordinal))
            ?? throw new DataFormatException($"{source}: there is no {role} column '{name}'; the columns are {string.Join(", ", columns)}.");

    /// <summary>The first row (in file order) with an empty label or a score that is not a finite number, as in memory.</summary>
    private static void RequireCells(DuckDbEngine engine, string source, ScoreFileRequest request)
    {
        var bad = engine.Query(
            $"SELECT rowid, ig_label, ig_bad, ig_score FROM {Table} WHERE ig_label IS NULL OR ig_label = '' OR ig_bad IS NOT NULL ORDER BY rowid LIMIT 1");
        if (bad.Count == 0)
        {
            return;
        }

        var row = bad[0];
        var where = string.Create(CultureInfo.InvariantCulture, $"{source} data row {Convert.ToInt64(row[0], CultureInfo.InvariantCulture) + 1}");
        if (row[1] is not string { Length: > 0 })
        {
            throw new DataFormatException($"{where}, column '{request.LabelColumn}': the label is empty.");
        }

        var text = (string)row[2]!;
        throw new DataFormatException(row[3] is null
            ? $"{where}, column '{request.ScoreColumn}': '{text}' is not a number."
            : $"{where}, column '{request.ScoreColumn}': '{text}' is not allowed; scores must be finite numbers.");
    }

    /// <summary>The positive and negative class, by the in-memory rule: the one named, else 1 with 0/1 labels, else the rarer.</summary>
    private static (string Positive, string Negative) Classes(DuckDbEngine engine, string source, ScoreFileRequest request)
    {
        var counts = engine.Query($"SELECT ig_label, count(*) FROM {Table} GROUP BY ig_label LIMIT 3")
            .Select(r => (Label: (string)r[0]!, Rows: Convert.ToInt64(r[1], CultureInfo.InvariantCulture)))
            .ToList();
        if (counts.Count != 2)
        {
            var classes = counts.Count == 1
                ? [counts[0].Label]
                : engine.Query($"SELECT DISTINCT ig_label FROM {Table} ORDER BY ig_label LIMIT 6").Select(r => (string)r[0]!).ToArray();
            var total = counts.Count == 1 ? 1 : Convert.ToInt64(engine.Query($"SELECT count(DISTINCT ig_label) FROM {Table}").Single()[0], CultureInfo.InvariantCulture);
            throw new DataFormatException(total == 1
                ? $"{source}: column '{request.LabelColumn}' has only class '{classes[0]}'; binary metrics need both classes."
                : $"{source}: column '{request.LabelColumn}' has {total} classes ({string.Join(", ", classes)}); binary metrics need exactly two.");
        }

        var sorted = Sorted(counts[0].Label, counts[1].Label);
        var positive = request.PositiveClass
            ?? (sorted is ("0", "1") ? "1" : Rows(counts, sorted.Second) < Rows(counts, sorted.First) ? sorted.Second : sorted.First);
        if (positive != sorted.First && positive != sorted.Second)
        {
            throw new DataFormatException($"{source}: the positive class '{positive}' is not in column '{request.LabelColumn}'; its classes are {sorted.First} and {sorted.Second}.");
        }

        return (positive, positive == sorted.First ? sorted.Second : sorted.First);
    }

    private static long Rows(List<(string Label, long Rows)> counts, string label) => counts.First(c => c.Label == label).Rows;

    /// <summary>The two classes in the in-memory order: as numbers when both are, else ordinal.</summary>
    private static (string First, string Second) Sorted(string a, string b)
    {
        var order = ClassNames.Order([a, b]);
        return (order[0], order[1]);
    }

    /// <summary>
    /// One pass over the distinct scores, highest first, each with its positives and negatives. Integer counts make
    /// the decision exact and ROC-AUC one division of exact integers: Σ negatives · (2 · positives above + positives
    /// tied) over 2 · P · N, a tie counting half as the trapezoid does.
    /// </summary>
    private static StreamedEvaluation Walk(DuckDbEngine engine, ScoreFileRequest request, long rows, string positive, string negative, long? sliceRows)
    {
        var groups = DescendingGroups(engine, positive, rows, sliceRows);
        long tp = 0, fp = 0, distinct = 0, flaggedPositives = 0, flaggedNegatives = 0;
        Int128 rocNumerator = 0;
        CompensatedSum precisionSum = default, brier = default, logLoss = default;
        var probabilities = true;
        var pending = (Score: double.NaN, Positives: 0L, Negatives: 0L);

        void Close()
        {
            // One distinct score: -0 and 0 arrive as two groups but are one threshold, as in memory.
            var (s, p, n) = pending;
            rocNumerator += (Int128)n * ((2 * (Int128)tp) + p);
            tp += p;
            fp += n;
            distinct++;
            if (p > 0)
            {
                precisionSum.Add(p * ((double)tp / (tp + fp)));
            }

            if (request.Threshold is { } t && s >= t)
            {
                flaggedPositives = tp;
                flaggedNegatives = fp;
            }

            probabilities &= s is >= 0 and <= 1;
            if (probabilities)
            {
                brier.Add((p * ((1 - s) * (1 - s))) + (n * (s * s)));
                var clipped = Math.Clamp(s, MachineEpsilon, 1 - MachineEpsilon);
                var total = (1 - clipped) + clipped;
                logLoss.Add((p * -Math.Log(clipped / total)) + (n * -Math.Log((1 - clipped) / total)));
            }
        }

        foreach (var (s, p, n) in groups)
        {
            if (s == pending.Score)
            {
                pending = (pending.Score, pending.Positives + p, pending.Negatives + n);
                continue;
            }

            if (!double.IsNaN(pending.Score))
            {
                Close();
            }

            pending = (s, p, n);
        }

        Close();
        var positives = tp;
        var negatives = fp;
        return new StreamedEvaluation
        {
            Rows = rows,
            Positives = positives,
            Negatives = negatives,
            PositiveClass = positive,
            NegativeClass = negative,
            DistinctScores = distinct,
            RocAuc = (double)rocNumerator / (2.0 * positives * negatives),
            AveragePrecision = precisionSum.Value / positives,
            ScoresAreProbabilities = probabilities,
            BrierScore = probabilities ? brier.Value / rows : null,
            LogLoss = probabilities ? logLoss.Value / rows : null,
            Threshold = request.Threshold,
            Confusion = request.Threshold is null
                ? null
                : new BinaryConfusion(negatives - flaggedNegatives, flaggedNegatives, positives - flaggedPositives, flaggedPositives),
        };
    }

    /// <summary>
    /// The positives and negatives at each distinct score, highest score first, streamed. The rows are cut into score
    /// ranges of about a share of the cap's worth of rows at approximate quantiles of the score; each range is counted per
    /// score (a GROUP BY) and sorted on its own, from the highest down. One GROUP BY or sort of millions of distinct
    /// scores fails under a cap of tens of megabytes; a slice does not, and one that does is halved at its median and
    /// tried again. Approximate cuts only make a slice larger or smaller, and every row is in exactly one slice.
    /// </summary>
    private static IEnumerable<(double Score, long Positives, long Negatives)> DescendingGroups(DuckDbEngine engine, string positive, long rows, long? forcedSliceRows)
    {
        var flag = DuckDbEngine.Literal(positive);
        var sliceRows = forcedSliceRows ?? Math.Max(MinimumSliceRows, engine.Options.MemoryLimitBytes / (BytesPerSliceRowPerThread * (engine.Options.Threads + 1)));
        var slices = (rows / sliceRows) + (rows % sliceRows > 0 ? 1 : 0);
        var cuts = new List<double>();
        if (slices > 1)
        {
            var quantiles = string.Join(", ", Enumerable.Range(1, (int)slices - 1).Select(k => ((double)k / slices).ToString("R", CultureInfo.InvariantCulture)));
            cuts = [.. engine.Query($"SELECT DISTINCT unnest(approx_quantile(ig_score, [{quantiles}])) FROM {Table}")
                .Select(r => Convert.ToDouble(r[0], CultureInfo.InvariantCulture))
                .Order()];
        }

        // Slice k holds cuts[k-1] <= score < cuts[k]; the first has no lower end, the last no upper end. The stack
        // yields the highest slice first; a slice too large for the cap is halved at its median and retried.
        var pending = new Stack<(double? Lower, double? Upper)>();
        for (var k = 0; k <= cuts.Count; k++)
        {
            pending.Push((k > 0 ? cuts[k - 1] : null, k < cuts.Count ? cuts[k] : null));
        }

        while (pending.Count > 0)
        {
            var (lower, upper) = pending.Pop();
            var range = $"{(lower is { } l ? $"ig_score >= {Number(l)}" : "true")} AND {(upper is { } u ? $"ig_score < {Number(u)}" : "true")}";
            var slice = $"SELECT ig_score, count(*) FILTER (WHERE ig_label = {flag}), count(*) FILTER (WHERE ig_label <> {flag}) "
                + $"FROM {Table} WHERE {range} GROUP BY ig_score ORDER BY ig_score DESC";
            // The slice's groups are read whole before any is yielded: DuckDB may run out of memory fetching a later
            // chunk, not only before the first row, and a slice is sized to fit the cap (24 bytes a group here).
            var groups = new List<(double Score, long Positives, long Negatives)>();
            try
            {
                foreach (var row in engine.Stream(slice))
                {
                    groups.Add((
                        Convert.ToDouble(row[0], CultureInfo.InvariantCulture),
                        Convert.ToInt64(row[1], CultureInfo.InvariantCulture),
                        Convert.ToInt64(row[2], CultureInfo.InvariantCulture)));
                }
            }
            catch (MemoryLimitException) when (Median(engine, range) is { } middle && (lower is null || middle > lower) && (upper is null || middle < upper))
            {
                pending.Push((lower, middle));
                pending.Push((middle, upper));
                continue;
            }

            foreach (var group in groups)
            {
                yield return group;
            }
        }
    }

    /// <summary>The approximate median score of the rows in <paramref name="range"/>, or null when it has none.</summary>
    private static double? Median(DuckDbEngine engine, string range)
        => engine.Query($"SELECT approx_quantile(ig_score, 0.5) FROM {Table} WHERE {range}").Single()[0] is { } value
            ? Convert.ToDouble(value, CultureInfo.InvariantCulture)
            : null;

    /// <summary>A double as a DuckDB literal that reads back as the same double.</summary>
    private static string Number(double value) => $"CAST('{value.ToString("R", CultureInfo.InvariantCulture)}' AS DOUBLE)";
}
