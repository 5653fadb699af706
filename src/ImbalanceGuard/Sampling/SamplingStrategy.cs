using System.Globalization;

namespace ImbalanceGuard.Sampling;

/// <summary>
/// Which classes a sampler resamples and to what size, with imbalanced-learn's <c>sampling_strategy</c>
/// semantics. Named strategies read differently for over-samplers (the count each targeted class grows
/// to: the majority's), under-samplers (the count each keeps: the minority's) and cleaning samplers
/// (only which classes may lose rows). "Minority" and "majority" are taken among classes with rows; on
/// equal counts the class that sorts first wins.
/// </summary>
public abstract class SamplingStrategy
{
    private protected SamplingStrategy()
    {
    }

    /// <summary><c>auto</c>: every class but the majority when over-sampling; every class but the minority otherwise.</summary>
    public static SamplingStrategy Auto { get; } = new Named("auto");

    /// <summary><c>minority</c>: the minority class only (not for under-samplers).</summary>
    public static SamplingStrategy Minority { get; } = new Named("minority");

    /// <summary><c>majority</c>: the majority class only (not for over-samplers).</summary>
    public static SamplingStrategy Majority { get; } = new Named("majority");

    /// <summary><c>not minority</c>: every class but the minority.</summary>
    public static SamplingStrategy NotMinority { get; } = new Named("not minority");

    /// <summary><c>not majority</c>: every class but the majority.</summary>
    public static SamplingStrategy NotMajority { get; } = new Named("not majority");

    /// <summary><c>all</c>: every class.</summary>
    public static SamplingStrategy All { get; } = new Named("all");

    /// <summary>
    /// A float ratio, binary problems only: the desired minority/majority ratio after resampling, in (0, 1].
    /// Over-samplers grow the minority to <c>ratio × majority</c>; under-samplers shrink the majority to
    /// <c>minority / ratio</c>. Not for cleaning samplers.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The ratio is not in (0, 1].</exception>
    public static SamplingStrategy Ratio(double ratio)
    {
        if (!(ratio > 0 && ratio <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ratio), ratio, "A sampling ratio must be in (0, 1].");
        }

        return new RatioStrategy(ratio);
    }

    /// <summary>
    /// The number of rows each named class has after resampling (over- and under-samplers). Over-sampling
    /// cannot shrink a class and under-sampling cannot grow one, nor delete one: a count of 0 for a class that
    /// has rows makes the sampler throw <see cref="SamplingException"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A count is negative or the map is empty.</exception>
    public static SamplingStrategy Counts(IReadOnlyDictionary<string, int> rowsByClass)
    {
        ArgumentNullException.ThrowIfNull(rowsByClass);
        if (rowsByClass.Count == 0)
        {
            throw new ArgumentException("A per-class count strategy needs at least one class.", nameof(rowsByClass));
        }

        foreach (var (name, count) in rowsByClass)
        {
            if (count < 0)
            {
                throw new ArgumentException($"The number of rows of a class cannot be negative; class '{name}' asks for {count}.", nameof(rowsByClass));
            }
        }

        return new CountsStrategy(new Dictionary<string, int>(rowsByClass, StringComparer.Ordinal));
    }

    /// <summary>The classes a cleaning sampler may remove rows from (cleaning samplers only).</summary>
    /// <exception cref="ArgumentException">No class is named.</exception>
    public static SamplingStrategy Classes(params string[] classNames)
    {
        ArgumentNullException.ThrowIfNull(classNames);
        if (classNames.Length == 0)
        {
            throw new ArgumentException("A class-list strategy needs at least one class.", nameof(classNames));
        }

        return new ClassListStrategy([.. classNames.Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>
    /// Reads a strategy as written on a command line: <c>auto</c>, <c>minority</c>, <c>majority</c>,
    /// <c>not minority</c> (or <c>not-minority</c>), <c>not majority</c>, <c>all</c>, a ratio such as
    /// <c>0.5</c>, per-class counts such as <c>{0: 500, 1: 300}</c> or <c>0=500,1=300</c>, or a class list
    /// such as <c>[0, 1]</c>.
    /// </summary>
    /// <exception cref="FormatException">The text is none of these.</exception>
    public static SamplingStrategy Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var named = trimmed.ToLowerInvariant().Replace('-', ' ').Replace('_', ' ');
        foreach (var strategy in new[] { Auto, Minority, Majority, NotMinority, NotMajority, All })
        {
            if (named == ((Named)strategy).Name)
            {
                return strategy;
            }
        }

        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var ratio))
        {
            return ratio > 0 && ratio <= 1
                ? Ratio(ratio)
                : throw new FormatException($"sampling_strategy {trimmed}: a ratio must be in (0, 1].");
        }

        if (trimmed.StartsWith('[') && trimmed.EndsWith(']'))
        {
            var names = trimmed[1..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(Unquote).ToArray();
            return names.Length > 0 ? Classes(names) : throw new FormatException("sampling_strategy []: the class list is empty.");
        }

        var body = trimmed.StartsWith('{') && trimmed.EndsWith('}') ? trimmed[1..^1] : trimmed;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in body.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = entry.Split([':', '='], 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var count))
            {
                throw new FormatException(
                    $"sampling_strategy '{text}' is not understood: use auto, minority, majority, not minority, not majority, all, a ratio in (0, 1], counts like {{0: 500, 1: 300}}, or a class list like [0, 1].");
            }

            counts[Unquote(parts[0])] = count;
        }

        return counts.Count > 0 ? Counts(counts) : throw new FormatException($"sampling_strategy '{text}' is empty.");
    }

    /// <summary>The classes a per-class count strategy names (only they can change); null for every other strategy.</summary>
    internal virtual IReadOnlyCollection<string>? NamedClasses => null;

    /// <summary>
    /// Resolves the strategy on classes with these row counts: per class index, how many rows to add
    /// (over-sampling), to keep (under-sampling), or n_min for a targeted class (cleaning); -1 elsewhere.
    /// </summary>
    internal SamplingTargets Resolve(IReadOnlyList<int> counts, IReadOnlyList<string> classNames, SamplingKind kind)
    {
        // Plain loops rather than LINQ: this runs at the start of every resampling, and LINQ's generic methods
        // over value types are compiled at first use, which costs a short resampling more than its work.
        var presentCount = 0;
        for (var c = 0; c < counts.Count; c++)
        {
            presentCount += counts[c] > 0 ? 1 : 0;
        }

        var present = new int[presentCount];
        for (int c = 0, p = 0; c < counts.Count; c++)
        {
            if (counts[c] > 0)
            {
                present[p++] = c;
            }
        }

        if (present.Length < 2)
        {
            throw new SamplingException(
                $"Resampling needs at least two classes with rows; there {(present.Length == 1 ? "is one" : "are none")}"
                + (present.Length == 1 ? $" ('{classNames[present[0]]}')." : "."));
        }

        var targets = new int[counts.Count];
        Array.Fill(targets, -1);
        // The first class in class order wins a tie, both ways.
        int minority = present[0], majority = present[0];
        foreach (var c in present)
        {
            minority = counts[c] < counts[minority] ? c : minority;
            majority = counts[c] > counts[majority] ? c : majority;
        }

        ResolveInto(targets, counts, classNames, kind, present, minority, majority);
        return new SamplingTargets(targets);
    }

    private protected abstract void ResolveInto(
        int[] targets, IReadOnlyList<int> counts, IReadOnlyList<string> classNames, SamplingKind kind, int[] present, int minority, int majority);

    /// <summary>The strategy as <see cref="Parse"/> reads it.</summary>
    public abstract override string ToString();

    private static string Unquote(string text) => text.Trim().Trim('\'', '"');

    private static int ClassIndexOf(string name, IReadOnlyList<string> classNames, IReadOnlyList<int> counts)
    {
        for (var c = 0; c < classNames.Count; c++)
        {
            if (classNames[c] == name && counts[c] > 0)
            {
                return c;
            }
        }

        throw new SamplingException(
            $"sampling_strategy names class '{name}', which is not present in the data; the classes are {string.Join(", ", Enumerable.Range(0, counts.Count).Where(c => counts[c] > 0).Select(c => classNames[c]))}.");
    }

    private sealed class Named(string name) : SamplingStrategy
    {
        public string Name { get; } = name;

        public override string ToString() => Name;

        private protected override void ResolveInto(
            int[] targets, IReadOnlyList<int> counts, IReadOnlyList<string> classNames, SamplingKind kind, int[] present, int minority, int majority)
        {
            var name = Name == "auto" ? (kind == SamplingKind.OverSampling ? "not majority" : "not minority") : Name;
            if (name == "minority" && kind == SamplingKind.UnderSampling)
            {
                throw new SamplingException("sampling_strategy 'minority' cannot be used with an under-sampler: it would shrink the class that is already smallest.");
            }

            if (name == "majority" && kind == SamplingKind.OverSampling)
            {
                throw new SamplingException("sampling_strategy 'majority' cannot be used with an over-sampler: the majority class is already the largest.");
            }

            foreach (var c in present)
            {
                var chosen = name switch
                {
                    "minority" => c == minority,
                    "majority" => c == majority,
                    "not minority" => c != minority,
                    "not majority" => c != majority,
                    _ => true,
                };
                if (chosen)
                {
                    targets[c] = kind == SamplingKind.OverSampling ? counts[majority] - counts[c] : counts[minority];
                }
            }
        }
    }

    private sealed class RatioStrategy(double ratio) : SamplingStrategy
    {
        public override string ToString() => ratio.ToString("R", CultureInfo.InvariantCulture);

        private protected override void ResolveInto(
            int[] targets, IReadOnlyList<int> counts, IReadOnlyList<string> classNames, SamplingKind kind, int[] present, int minority, int majority)
        {
            if (present.Length != 2)
            {
                throw new SamplingException(
                    $"sampling_strategy as a ratio needs exactly two classes; the data has {present.Length}. For more classes give per-class counts.");
            }

            switch (kind)
            {
                case SamplingKind.OverSampling:
                    foreach (var c in present.Where(c => c != majority))
                    {
                        targets[c] = (int)((counts[majority] * ratio) - counts[c]);
                        if (targets[c] < 0)
                        {
                            throw new SamplingException(
                                $"sampling_strategy {this}: class '{classNames[c]}' already has {Plural.Rows(counts[c])}, more than {this} × {counts[majority]}; an over-sampler cannot remove rows. Increase the ratio.");
                        }
                    }

                    break;
                case SamplingKind.UnderSampling:
                    foreach (var c in present.Where(c => c != minority))
                    {
                        targets[c] = (int)(counts[minority] / ratio);
                        if (targets[c] > counts[c])
                        {
                            throw new SamplingException(
                                $"sampling_strategy {this}: keeping {counts[minority]} / {this} = {targets[c]} rows of class '{classNames[c]}' needs more than its {counts[c]}; an under-sampler cannot add rows. Increase the ratio.");
                        }
                    }

                    break;
                default:
                    throw new SamplingException("A cleaning sampler removes the rows its rule finds; it cannot take a ratio. Give a class list or a named strategy.");
            }
        }
    }

    private sealed class CountsStrategy(Dictionary<string, int> rowsByClass) : SamplingStrategy
    {
        internal override IReadOnlyCollection<string>? NamedClasses => rowsByClass.Keys;

        public override string ToString()
            => "{" + string.Join(", ", rowsByClass.Select(p => $"{p.Key}: {p.Value.ToString(CultureInfo.InvariantCulture)}")) + "}";

        private protected override void ResolveInto(
            int[] targets, IReadOnlyList<int> counts, IReadOnlyList<string> classNames, SamplingKind kind, int[] present, int minority, int majority)
        {
            if (kind == SamplingKind.Cleaning)
            {
                throw new SamplingException("A cleaning sampler removes the rows its rule finds; it cannot take per-class counts. Give a class list such as [0, 1].");
            }

            foreach (var (name, wanted) in rowsByClass)
            {
                var c = ClassIndexOf(name, classNames, counts);
                if (kind == SamplingKind.OverSampling && wanted < counts[c])
                {
                    throw new SamplingException(
                        $"sampling_strategy asks for {wanted} rows of class '{name}', which has {counts[c]}; an over-sampler can only add rows.");
                }

                if (kind == SamplingKind.UnderSampling && wanted > counts[c])
                {
                    throw new SamplingException(
                        $"sampling_strategy asks for {wanted} rows of class '{name}', which has {counts[c]}; an under-sampler can only remove rows.");
                }

                if (kind == SamplingKind.UnderSampling && wanted == 0 && counts[c] > 0)
                {
                    // A model trained without the class never predicts it, yet it is still there at prediction time.
                    throw new SamplingException(
                        $"sampling_strategy asks for 0 rows of class '{name}', which has {counts[c]}: that deletes the class, not rebalances it. Keep at least 1 row, or remove the class from the data before the split.");
                }

                targets[c] = kind == SamplingKind.OverSampling ? wanted - counts[c] : wanted;
            }
        }
    }

    private sealed class ClassListStrategy(string[] classNames) : SamplingStrategy
    {
        public override string ToString() => "[" + string.Join(", ", classNames) + "]";

        private protected override void ResolveInto(
            int[] targets, IReadOnlyList<int> counts, IReadOnlyList<string> names, SamplingKind kind, int[] present, int minority, int majority)
        {
            if (kind != SamplingKind.Cleaning)
            {
                throw new SamplingException(
                    "sampling_strategy as a class list is only for cleaning samplers; give per-class counts (such as {0: 500}) to over- or under-samplers.");
            }

            foreach (var name in classNames)
            {
                targets[ClassIndexOf(name, names, counts)] = counts[minority];
            }
        }
    }
}
