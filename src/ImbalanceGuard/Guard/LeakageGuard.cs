using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace ImbalanceGuard;

/// <summary>
/// The runtime guard: catches at evaluation time what no compiler can see — synthetic rows in evaluation
/// data, source rows on both sides of a split, and evaluation rows that are copies of training rows.
/// </summary>
/// <remarks>
/// Opt-in, <see cref="LeakageChecks.InterpolatedRows"/> also finds synthetic rows that lost their provenance
/// (copied into arrays or a file and rebuilt): evaluation rows that lie, within 1e-9 of each coordinate's size, on
/// the segment between two training rows of their class, strictly inside it, in at least three coordinates where
/// the two differ (two when there are only two features), at a gap that is not a simple fraction (n/m, m ≤ 100:
/// real rows on a grid of whole numbers or decimals line up only at those). Those are the rows SMOTE,
/// Borderline-SMOTE (except Borderline-2's steps towards another class) and ADASYN make; SVM-SMOTE's
/// extrapolations and SMOTE-NC's copied categories are not found. It costs one neighbour query of the
/// evaluation rows against the training rows of their class (20 nearest), then checks the pairs among those 20:
/// a row made at a gap of at most ½ from a seed towards one of its 19 nearest rows is always among them, a row
/// made at a larger gap when its seed is too. It is not part of <see cref="LeakageChecks.All"/> until its false
/// alarms on real data are known well enough; docs/design.md has the measured figures.
/// /// </remarks>
public static class LeakageGuard
{
    private const int RowsNamed = 8;

    /// <summary>
    /// Throws <see cref="LeakageException"/> when <paramref name="holdout"/> is not independent of
    /// <paramref name="training"/>, naming the rows and the cause.
    /// </summary>
    /// <param name="training">What the model was fitted on (after any resampling).</param>
    /// <param name="holdout">What it is about to be scored on.</param>
    /// <param name="checks">Which checks to run; default all.</param>
    /// <exception cref="LeakageException">A check failed.</exception>
    public static void EnsureIndependent(TrainingSet training, HoldoutSet holdout, LeakageChecks checks = LeakageChecks.All)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(holdout);
        var problem = Find(training.Table, holdout.Table, checks);
        if (problem is not null)
        {
            throw problem;
        }
    }

    /// <summary>Throws <see cref="LeakageException"/> when evaluation data holds synthetic rows.</summary>
    /// <exception cref="LeakageException">The holdout holds rows a sampler made.</exception>
    public static void EnsureReal(HoldoutSet holdout)
    {
        ArgumentNullException.ThrowIfNull(holdout);
        var problem = FindSynthetic(holdout.Table);
        if (problem is not null)
        {
            throw problem;
        }
    }

    /// <summary>
    /// Throws <see cref="LeakageException"/> when <paramref name="threshold"/> was tuned on
    /// <paramref name="holdout"/>: metrics at that threshold on that data would be optimistic.
    /// </summary>
    /// <exception cref="LeakageException">The threshold was tuned on these rows.</exception>
    public static void EnsureNotTunedOn(ImbalanceGuard.Thresholds.TunedThreshold threshold, HoldoutSet holdout)
    {
        ArgumentNullException.ThrowIfNull(threshold);
        ArgumentNullException.ThrowIfNull(holdout);
        if (threshold.WasTunedOn(holdout))
        {
            throw new LeakageException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Leakage: the threshold {threshold.Threshold:G6} was tuned ({threshold.Objective}) on these {holdout.RowCount} evaluation rows, so metrics at it would describe the tuning, not new data. Tune on validation or out-of-fold scores, and report on a holdout the tuner never saw."),
                LeakageCause.ThresholdTunedOnEvaluationData,
                [.. Enumerable.Range(0, holdout.RowCount)]);
        }
    }

    internal static LeakageException? Find(RowTable training, RowTable holdout, LeakageChecks checks)
    {
        if ((checks & LeakageChecks.SyntheticRows) != 0 && FindSynthetic(holdout) is { } synthetic)
        {
            return synthetic;
        }

        if ((checks & LeakageChecks.SharedSourceRows) != 0
            && training.Provenance.SourceKey == holdout.Provenance.SourceKey
            && FindShared(training, holdout) is { } shared)
        {
            return shared;
        }

        if ((checks & LeakageChecks.IdenticalRows) != 0 && FindIdentical(training, holdout) is { } identical)
        {
            return identical;
        }

        if ((checks & LeakageChecks.InterpolatedRows) != 0 && FindInterpolated(training, holdout) is { } interpolated)
        {
            return interpolated;
        }

        return null;
    }

    private static LeakageException? FindSynthetic(RowTable holdout)
    {
        var rows = new List<int>();
        for (var i = 0; i < holdout.RowCount; i++)
        {
            if (holdout.Provenance.IsSynthetic(i))
            {
                rows.Add(i);
            }
        }

        if (rows.Count == 0)
        {
            return null;
        }

        var message = new StringBuilder();
        message.Append(CultureInfo.InvariantCulture, $"Leakage: {rows.Count} of {holdout.RowCount} evaluation rows are synthetic (");
        AppendRows(message, rows, r => $"row {r}: {holdout.Provenance.Get(r)}");
        message.Append("). Evaluation data must hold real rows only: resample the training side after the split, never the data you score on.");
        return new LeakageException(message.ToString(), LeakageCause.SyntheticRowsInHoldout, rows);
    }

    private static LeakageException? FindShared(RowTable training, RowTable holdout)
    {
        // Every source row the training side stands on: its own rows and the parents of its synthetic rows.
        var direct = new HashSet<long>();
        var parentOf = new Dictionary<long, int>();
        var provenance = training.Provenance;
        for (var i = 0; i < training.RowCount; i++)
        {
            if (provenance.IsSynthetic(i))
            {
                foreach (var parent in provenance.Parents(i))
                {
                    parentOf.TryAdd(parent, i);
                }
            }
            else
            {
                direct.Add(provenance.SourceRow(i));
            }
        }

        var sameRows = new List<int>();
        var parentRows = new List<int>();
        for (var i = 0; i < holdout.RowCount; i++)
        {
            var source = holdout.Provenance.SourceRow(i);
            if (source < 0)
            {
                continue;
            }

            if (direct.Contains(source))
            {
                sameRows.Add(i);
            }
            else if (parentOf.ContainsKey(source))
            {
                parentRows.Add(i);
            }
        }

        if (sameRows.Count == 0 && parentRows.Count == 0)
        {
            return null;
        }

        var message = new StringBuilder("Leakage: ");
        if (sameRows.Count > 0)
        {
            message.Append(CultureInfo.InvariantCulture, $"{sameRows.Count} of {holdout.RowCount} evaluation rows are also training rows (");
            AppendRows(message, sameRows, r => $"row {r} = source row {holdout.Provenance.SourceRow(r)}");
            message.Append(')');
        }

        if (parentRows.Count > 0)
        {
            message.Append(sameRows.Count > 0 ? "; and " : string.Empty);
            message.Append(CultureInfo.InvariantCulture, $"{parentRows.Count} evaluation rows were used to make synthetic training rows (");
            AppendRows(
                message,
                parentRows,
                r => $"row {r} = source row {holdout.Provenance.SourceRow(r)}, parent of training row {parentOf[holdout.Provenance.SourceRow(r)]}");
            message.Append(')');
        }

        message.Append(". The model has seen what it is scored on; split first, then resample only the training side.");
        return new LeakageException(message.ToString(), LeakageCause.SharedSourceRows, [.. sameRows, .. parentRows]);
    }

    private static LeakageException? FindIdentical(RowTable training, RowTable holdout)
    {
        var seen = new Dictionary<RowKey, int>(training.RowCount, new RowKeyComparer(training, holdout));
        for (var i = 0; i < training.RowCount; i++)
        {
            seen.TryAdd(new RowKey(isHoldout: false, i), i);
        }

        var rows = new List<int>();
        var matches = new List<int>();
        for (var i = 0; i < holdout.RowCount; i++)
        {
            if (seen.TryGetValue(new RowKey(isHoldout: true, i), out var match))
            {
                rows.Add(i);
                matches.Add(match);
            }
        }

        if (rows.Count == 0)
        {
            return null;
        }

        var message = new StringBuilder();
        message.Append(CultureInfo.InvariantCulture, $"Leakage: {rows.Count} of {holdout.RowCount} evaluation rows have exactly the features and label of a training row (");
        var k = 0;
        AppendRows(message, rows, r => $"row {r} = training row {matches[k]} ({Origin(training, matches[k++])})");
        message.Append("). Copies on both sides come from over-sampling before the split or from duplicates in the source: split first, and deduplicate or split by group.");
        return new LeakageException(message.ToString(), LeakageCause.IdenticalRows, rows);
    }

    private static LeakageException? FindInterpolated(RowTable training, RowTable holdout)
    {
        var matches = InterpolatedRowSearch.Find(training, holdout);
        if (matches.Count == 0)
        {
            return null;
        }

        List<int> rows = [.. matches.Select(m => m.HoldoutRow)];
        var message = new StringBuilder();
        message.Append(CultureInfo.InvariantCulture, $"Leakage: {rows.Count} of {holdout.RowCount} evaluation rows lie on a segment between two training rows of their class, where SMOTE, Borderline-SMOTE and ADASYN put the rows they make (");
        var k = 0;
        AppendRows(
            message,
            rows,
            r =>
            {
                var m = matches[k++];
                return string.Create(CultureInfo.InvariantCulture, $"row {r} = training row {m.From} + {m.Gap:0.####} × (training row {m.To} − training row {m.From})");
            });
        message.Append("). They are synthetic rows that lost their provenance (copied into arrays or a file and rebuilt): split first, and resample only the training side.");
        return new LeakageException(message.ToString(), LeakageCause.InterpolatedRows, rows);
    }

    private static string Origin(RowTable table, int row)
        => table.Provenance.IsSynthetic(row)
            ? table.Provenance.Get(row).ToString()
            : string.Create(CultureInfo.InvariantCulture, $"source row {table.Provenance.SourceRow(row)}");

    private static void AppendRows(StringBuilder message, List<int> rows, Func<int, string> describe)
    {
        for (var i = 0; i < Math.Min(rows.Count, RowsNamed); i++)
        {
            message.Append(i == 0 ? string.Empty : "; ").Append(describe(rows[i]));
        }

        if (rows.Count > RowsNamed)
        {
            message.Append(CultureInfo.InvariantCulture, $"; and {rows.Count - RowsNamed} more");
        }
    }

    private readonly record struct RowKey(bool isHoldout, int Row);

    /// <summary>Compares rows of the two tables by exact feature bits and label.</summary>
    private sealed class RowKeyComparer(RowTable training, RowTable holdout) : IEqualityComparer<RowKey>
    {
        public bool Equals(RowKey x, RowKey y)
        {
            var (tx, ty) = (x.isHoldout ? holdout : training, y.isHoldout ? holdout : training);
            return tx.Labels[x.Row] == ty.Labels[y.Row]
                && MemoryMarshal.AsBytes(tx.Row(x.Row)).SequenceEqual(MemoryMarshal.AsBytes(ty.Row(y.Row)));
        }

        public int GetHashCode(RowKey key)
        {
            var table = key.isHoldout ? holdout : training;
            var hash = default(HashCode);
            hash.Add(table.Labels[key.Row]);
            hash.AddBytes(MemoryMarshal.AsBytes(table.Row(key.Row)));
            return hash.ToHashCode();
        }
    }
}
