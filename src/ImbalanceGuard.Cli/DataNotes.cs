using System.Globalization;
using System.Text.RegularExpressions;

namespace ImbalanceGuard.Cli;

/// <summary>
/// Finds what silently spoils a model in a data file: an identifier read as a feature (one value per row, or
/// values that only ever grow), a column with one value, and identical rows with different labels.
/// </summary>
internal static partial class DataNotes
{
    // Fewer rows than this say too little: three distinct whole numbers are not an identifier.
    private const int MinimumRows = 20;

    // Unix time in seconds, or milliseconds, between 2000-01-01 and 2100-01-01.
    private const double EpochSecondsFrom = 946_684_800;
    private const double EpochSecondsTo = 4_102_444_800;

    /// <summary>The notes on <paramref name="data"/>, columns first in their order, then the rows.</summary>
    public static IReadOnlyList<DataNote> Of(Dataset data)
    {
        var notes = new List<DataNote>();
        if (data.RowCount < MinimumRows)
        {
            return notes;
        }

        for (var j = 0; j < data.FeatureCount; j++)
        {
            if (ColumnNote(data, j) is { } note)
            {
                notes.Add(note);
            }
        }

        if (ConflictingDuplicates(data) is { } duplicates)
        {
            notes.Add(duplicates);
        }

        return notes;
    }

    /// <summary>The note on column <paramref name="name"/>, which holds <paramref name="value"/> in every row.</summary>
    public static DataNote Constant(string name, string value)
        => new("constant-column", name, $"Column '{name}' holds the same value ('{value}') in every row: it tells a model nothing. Leave it out with --ignore {name}.");

    private static DataNote? ColumnNote(Dataset data, int j)
    {
        var name = data.Schema.FeatureNames[j];
        var levels = data.Schema.CategoryLevels(j);
        var values = new double[data.RowCount];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = data.GetRow(i)[j];
        }

        var distinct = values.Distinct().Count();
        if (distinct == 1)
        {
            return Constant(name, levels is null ? values[0].ToString("R", CultureInfo.InvariantCulture) : levels[(int)values[0]]);
        }

        var unique = distinct == values.Length;
        var whole = levels is null && values.All(v => v == Math.Floor(v));
        var monotonic = levels is null && StrictlyMonotonic(values);
        var identifier = (unique && (levels is not null || whole)) || monotonic;
        if (!identifier)
        {
            return null;
        }

        var why = monotonic
            ? (values[1] > values[0] ? "only ever grows from row to row" : "only ever falls from row to row")
            : "holds a different value in every row";
        if (LooksLikeTime(name, values, levels))
        {
            return new DataNote(
                "time-column",
                name,
                $"Column '{name}' {why} and looks like time: as a feature it lets a model tell rows apart by when they were recorded. "
                + $"If it is when each row happened, give it to compare and report as --time-column {name} (time-ordered folds); otherwise leave it out with --ignore {name}.");
        }

        return new DataNote(
            "id-column",
            name,
            $"Column '{name}' {why}, like a row identifier: as a feature a model can memorise it, and an over-sampler makes identifiers no row has (fractions between two rows'). Leave it out with --ignore {name}.");
    }

    private static bool StrictlyMonotonic(double[] values)
    {
        bool up = true, down = true;
        for (var i = 1; i < values.Length && (up || down); i++)
        {
            up &= values[i] > values[i - 1];
            down &= values[i] < values[i - 1];
        }

        return up || down;
    }

    private static bool LooksLikeTime(string name, double[] values, IReadOnlyList<string>? levels)
    {
        if (TimeName().IsMatch(name))
        {
            return true;
        }

        if (levels is not null)
        {
            return levels.All(l => DateTimeOffset.TryParse(l, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _));
        }

        return values.All(v => v is >= EpochSecondsFrom and <= EpochSecondsTo) || values.All(v => v is >= EpochSecondsFrom * 1000 and <= EpochSecondsTo * 1000);
    }

    private static DataNote? ConflictingDuplicates(Dataset data)
    {
        var firstLabel = new Dictionary<RowKey, (int Row, int Label, bool Conflict)>();
        var groups = 0;
        var rows = 0;
        (int First, int Other)? example = null;
        for (var i = 0; i < data.RowCount; i++)
        {
            var key = new RowKey(data.GetRow(i).ToArray());
            var label = data.Labels[i];
            if (!firstLabel.TryGetValue(key, out var seen))
            {
                firstLabel[key] = (i, label, false);
                continue;
            }

            if (seen.Label != label && !seen.Conflict)
            {
                groups++;
                firstLabel[key] = seen with { Conflict = true };
                example ??= (seen.Row, i);
            }
        }

        if (groups == 0)
        {
            return null;
        }

        // The rows that share their features with a row of another label, counted in a second pass.
        for (var i = 0; i < data.RowCount; i++)
        {
            if (firstLabel[new RowKey(data.GetRow(i).ToArray())].Conflict)
            {
                rows++;
            }
        }

        var (first, other) = example!.Value;
        return new DataNote(
            "conflicting-duplicates",
            null,
            string.Create(
                CultureInfo.InvariantCulture,
                $"{Plural.Of(groups, "set", "sets")} of identical rows ({rows} rows) carry different labels, such as data rows {first + 1} and {other + 1} ('{data.GetClassName(first)}' and '{data.GetClassName(other)}'): no model can tell them apart. Check those labels, or whether a column that separates them is missing."));
    }

    [GeneratedRegex(@"(^|[^a-z])(time|timestamp|date|datetime|epoch|ts)([^a-z]|$)|_at$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeName();

    /// <summary>A row's features compared by value.</summary>
    private readonly struct RowKey(double[] values) : IEquatable<RowKey>
    {
        private readonly double[] _values = values;

        public bool Equals(RowKey other) => _values.AsSpan().SequenceEqual(other._values);

        public override bool Equals(object? obj) => obj is RowKey other && Equals(other);

        public override int GetHashCode()
        {
            var hash = default(HashCode);
            foreach (var v in _values)
            {
                hash.Add(v);
            }

            return hash.ToHashCode();
        }
    }
}
