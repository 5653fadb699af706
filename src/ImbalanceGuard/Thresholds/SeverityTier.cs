using System.Globalization;

namespace ImbalanceGuard.Thresholds;

/// <summary>
/// One severity tier of a <see cref="SeverityTiers"/> definition: a name (page, ticket, log…) and its alert
/// budget, the share of rows that may be flagged at this tier or a more severe one.
/// </summary>
public sealed record SeverityTier
{
    /// <summary>Creates a tier of <paramref name="name"/> with a cumulative budget of <paramref name="budget"/> (a share of rows).</summary>
    /// <exception cref="ArgumentException">The name is empty or blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The budget is not in (0, 1].</exception>
    public SeverityTier(string name, double budget)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A severity tier needs a name.", nameof(name));
        }

        // Written as a negated range so NaN fails too.
        if (!(budget > 0 && budget <= 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(budget), budget, string.Create(CultureInfo.InvariantCulture, $"Tier '{name}': a budget is a share of rows in (0, 1]; {budget} is not."));
        }

        Name = name;
        Budget = budget;
    }

    /// <summary>The tier's name, unique within its definition.</summary>
    public string Name { get; }

    /// <summary>The share of rows (by weight) this tier and the more severe ones may flag together, in (0, 1].</summary>
    public double Budget { get; }

    /// <summary>A tier whose budget is <paramref name="alerts"/> per <paramref name="perRows"/> rows.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is not positive, or the alerts exceed the rows.</exception>
    public static SeverityTier AlertsPer(string name, int alerts, int perRows)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(alerts);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perRows);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(alerts, perRows);
        return new SeverityTier(name, alerts / (double)perRows);
    }

    /// <summary><c>name:budget</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name}:{Budget:R}");
}
