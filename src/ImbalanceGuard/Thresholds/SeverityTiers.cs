namespace ImbalanceGuard.Thresholds;

/// <summary>
/// Several operating points under one alert budget, most severe first (e.g. page / ticket / log): the top
/// <c>Budget</c> share of rows of the first tier pages, the rows after them up to the second tier's budget make a
/// ticket, and so on; a row below every tier is in none. An <see cref="Pipelines.ImbalancePipeline"/> finds each
/// tier's threshold on out-of-fold scores of its training rows.
/// </summary>
public sealed class SeverityTiers
{
    private readonly SeverityTier[] _tiers;

    /// <summary>Creates the definition; <paramref name="tiers"/> are most severe first, with strictly growing budgets.</summary>
    /// <exception cref="ArgumentException">No tier, a name given twice, or budgets that do not grow from one tier to the next.</exception>
    public SeverityTiers(IEnumerable<SeverityTier> tiers)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        _tiers = [.. tiers];
        if (_tiers.Length == 0)
        {
            throw new ArgumentException("Severity tiers need at least one tier.", nameof(tiers));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < _tiers.Length; i++)
        {
            var tier = _tiers[i] ?? throw new ArgumentException($"Tier {i + 1} is null.", nameof(tiers));
            if (!names.Add(tier.Name))
            {
                throw new ArgumentException($"The tier name '{tier.Name}' is given twice; tier names must be unique.", nameof(tiers));
            }

            // Each budget counts the rows of its tier and every more severe one, so it must grow.
            if (i > 0 && tier.Budget <= _tiers[i - 1].Budget)
            {
                throw new ArgumentException(
                    string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Tier '{tier.Name}' has budget {tier.Budget:R}, not above the {_tiers[i - 1].Budget:R} of the more severe tier '{_tiers[i - 1].Name}': a budget counts its tier and every tier above it, so budgets must grow from the most severe tier down."),
                    nameof(tiers));
            }
        }
    }

    /// <summary>Creates the definition from tiers most severe first.</summary>
    /// <exception cref="ArgumentException">As for <see cref="SeverityTiers(IEnumerable{SeverityTier})"/>.</exception>
    public SeverityTiers(params SeverityTier[] tiers)
        : this((IEnumerable<SeverityTier>)tiers)
    {
    }

    /// <summary>The tiers, most severe first.</summary>
    public IReadOnlyList<SeverityTier> Tiers => _tiers;

    /// <summary>
    /// Parses <c>NAME:BUDGET,NAME:BUDGET,…</c>, most severe first, where a budget is a share (<c>0.01</c>) or
    /// alerts per rows (<c>5/1000</c>).
    /// </summary>
    /// <exception cref="FormatException">An item is not <c>NAME:BUDGET</c> or its budget is not a number.</exception>
    /// <exception cref="ArgumentException">The tiers are not a valid definition (see the constructor).</exception>
    public static SeverityTiers Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tiers = new List<SeverityTier>();
        foreach (var item in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var colon = item.LastIndexOf(':');
            if (colon <= 0 || colon == item.Length - 1)
            {
                throw new FormatException($"'{item}' is not a tier: write NAME:BUDGET, e.g. page:0.001 or ticket:10/1000.");
            }

            var name = item[..colon];
            var budget = item[(colon + 1)..];
            var slash = budget.IndexOf('/', StringComparison.Ordinal);
            tiers.Add(slash < 0
                ? new SeverityTier(name, ParseNumber(budget, item))
                : SeverityTier.AlertsPer(name, ParseCount(budget[..slash], item), ParseCount(budget[(slash + 1)..], item)));
        }

        return new SeverityTiers(tiers);
    }

    /// <summary>The tiers as <see cref="Parse"/> reads them.</summary>
    public override string ToString() => string.Join(",", _tiers.Select(t => t.ToString()));

    private static double ParseNumber(string text, string item)
        => double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"'{item}': '{text}' is not a number.");

    private static int ParseCount(string text, string item)
        => int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"'{item}': '{text}' is not a whole number of alerts or rows.");
}
