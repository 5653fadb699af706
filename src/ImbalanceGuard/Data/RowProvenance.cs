using System.Globalization;
using System.Text;

namespace ImbalanceGuard;

/// <summary>
/// Where a row came from: an original row of the source (its 0-based position there), or a synthetic
/// row, made by a sampler from parent rows of the source.
/// </summary>
public readonly struct RowProvenance : IEquatable<RowProvenance>
{
    private readonly ReadOnlyMemory<long> _parentRows;

    private RowProvenance(long sourceRow, string? sampler, ReadOnlyMemory<long> parentRows)
    {
        SourceRow = sourceRow;
        Sampler = sampler;
        _parentRows = parentRows;
    }

    /// <summary>The row's 0-based position in its source, or -1 for a synthetic row.</summary>
    public long SourceRow { get; }

    /// <summary>Whether a sampler made this row rather than it being observed.</summary>
    public bool IsSynthetic => Sampler is not null;

    /// <summary>The name of the sampler that made a synthetic row (for example <c>smote</c>); otherwise null.</summary>
    public string? Sampler { get; }

    /// <summary>The source rows a synthetic row was made from; empty for an original row.</summary>
    public ReadOnlySpan<long> ParentRows => _parentRows.Span;

    /// <summary>The provenance of an original row.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sourceRow"/> is negative.</exception>
    public static RowProvenance Original(long sourceRow)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sourceRow);
        return new RowProvenance(sourceRow, null, ReadOnlyMemory<long>.Empty);
    }

    /// <summary>The provenance of a row that <paramref name="sampler"/> made from <paramref name="parentRows"/>.</summary>
    public static RowProvenance Synthetic(string sampler, params long[] parentRows)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sampler);
        return new RowProvenance(-1, sampler, parentRows.ToArray());
    }

    internal static RowProvenance SyntheticShared(string sampler, ReadOnlyMemory<long> parentRows)
        => new(-1, sampler, parentRows);

    /// <inheritdoc/>
    public bool Equals(RowProvenance other)
        => SourceRow == other.SourceRow && Sampler == other.Sampler && ParentRows.SequenceEqual(other.ParentRows);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is RowProvenance other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(SourceRow, Sampler, _parentRows.Length);

    /// <summary>Compares two provenances.</summary>
    public static bool operator ==(RowProvenance left, RowProvenance right) => left.Equals(right);

    /// <summary>Compares two provenances.</summary>
    public static bool operator !=(RowProvenance left, RowProvenance right) => !left.Equals(right);

    /// <summary>"row 17", "synthetic (smote) from rows 3, 9", or "synthetic (smote)" for a row without parents.</summary>
    public override string ToString()
    {
        if (!IsSynthetic)
        {
            return string.Create(CultureInfo.InvariantCulture, $"row {SourceRow}");
        }

        var text = new StringBuilder();
        text.Append("synthetic (").Append(Sampler).Append(')');
        var parents = ParentRows;
        if (parents.Length == 0)
        {
            return text.ToString();
        }

        text.Append(" from row");
        if (parents.Length != 1)
        {
            text.Append('s');
        }

        const int Shown = 6;
        for (var i = 0; i < Math.Min(parents.Length, Shown); i++)
        {
            text.Append(i == 0 ? " " : ", ").Append(parents[i].ToString(CultureInfo.InvariantCulture));
        }

        if (parents.Length > Shown)
        {
            text.Append(CultureInfo.InvariantCulture, $" and {parents.Length - Shown} more");
        }

        return text.ToString();
    }
}
