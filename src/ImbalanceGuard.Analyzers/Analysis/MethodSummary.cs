using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ImbalanceGuard.Analyzers.Analysis;

/// <summary>
/// What one of the compilation's own members does to data, as its callers see it, computed with its
/// parameters clean: the taint of what it returns (resampled: it is a resampler at its call sites;
/// evaluation data; folds; preprocessed by a step fitted on those rows), the taint it leaves in the data of
/// its parameters (a method that resamples the list it is given), and the taint it leaves in the fields and
/// properties of its own type.
/// </summary>
internal sealed class MethodSummary
{
    public static readonly MethodSummary Empty = new(default, ImmutableDictionary<int, TaintValue>.Empty, ImmutableDictionary<ISymbol, TaintValue>.Empty, null);

    public MethodSummary(TaintValue returned, ImmutableDictionary<int, TaintValue> parameters, ImmutableDictionary<ISymbol, TaintValue> members, string? splitsParameter)
    {
        Returned = returned;
        Parameters = parameters;
        Members = members;
        SplitsParameter = splitsParameter;
    }

    /// <summary>The taint of the returned value.</summary>
    public TaintValue Returned { get; }

    /// <summary>By parameter ordinal: the taint the member leaves in the data it was given (in place, or through ref/out).</summary>
    public ImmutableDictionary<int, TaintValue> Parameters { get; }

    /// <summary>The taint the member leaves in fields and properties of its own type.</summary>
    public ImmutableDictionary<ISymbol, TaintValue> Members { get; }

    /// <summary>The parameter whose data the member returns in disjoint parts (a splitter by shape), if any.</summary>
    public string? SplitsParameter { get; }

    public bool IsEmpty => Returned.IsEmpty && Parameters.IsEmpty && Members.IsEmpty && SplitsParameter == null;

    public static ImmutableDictionary<ISymbol, TaintValue> MembersOf(IEnumerable<KeyValuePair<object, TaintValue>> entries, INamedTypeSymbol? type)
    {
        var builder = ImmutableDictionary.CreateBuilder<ISymbol, TaintValue>(SymbolEqualityComparer.Default);
        if (type == null)
        {
            return builder.ToImmutable();
        }

        foreach (var pair in entries)
        {
            if (pair.Key is IFieldSymbol or IPropertySymbol && pair.Key is ISymbol member
                && SymbolEqualityComparer.Default.Equals(member.ContainingType?.OriginalDefinition, type.OriginalDefinition)
                && (pair.Value.Bits & Taint.CrossMethod) != 0)
            {
                builder[member] = pair.Value;
            }
        }

        return builder.ToImmutable();
    }
}
