using System.Globalization;

namespace ImbalanceGuard.Sampling;

/// <summary>
/// The fewest rows a class must have for a sampler's neighbour search: <paramref name="Rows"/>, set by the
/// parameter <paramref name="Parameter"/> at <paramref name="Value"/> (SMOTE's <c>k_neighbors=5</c> needs 6).
/// </summary>
/// <param name="Class">The class.</param>
/// <param name="Rows">The rows it needs.</param>
/// <param name="Parameter">The imbalanced-learn parameter that sets the need.</param>
/// <param name="Value">Its value.</param>
internal readonly record struct RowNeed(int Class, int Rows, string Parameter, int Value)
{
    /// <summary>The largest value of the parameter that <paramref name="available"/> rows allow (the need moves one for one with it); null below 1.</summary>
    public int? Workable(int available) => Value - (Rows - available) is var value && value >= 1 ? value : null;

    /// <summary>The message of a class that has only <paramref name="available"/> rows.</summary>
    public string Shortfall(string sampler, string className, int available)
        => string.Create(
            CultureInfo.InvariantCulture,
            $"{sampler}: class '{className}' has {Plural.Rows(available)}, but {Parameter}={Value} needs at least {Rows}. Lower {Parameter} or choose another sampler.");
}
