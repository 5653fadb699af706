using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace ImbalanceGuard.Analyzers.Analysis;

/// <summary>The taint of every tracked entity (local, parameter, field, flow capture) at one point of the control-flow graph.</summary>
internal sealed class FlowState
{
    private static readonly EntityComparer Comparer = new();
    private readonly Dictionary<object, TaintValue> _values;

    public FlowState()
    {
        _values = new Dictionary<object, TaintValue>(Comparer);
    }

    private FlowState(Dictionary<object, TaintValue> values)
    {
        _values = new Dictionary<object, TaintValue>(values, Comparer);
    }

    public IEnumerable<KeyValuePair<object, TaintValue>> Entries => _values;

    public FlowState Clone() => new(_values);

    public TaintValue Get(object entity) => _values.TryGetValue(entity, out var value) ? value : default;

    public void Set(object entity, TaintValue value)
    {
        if (value.IsEmpty)
        {
            _values.Remove(entity);
        }
        else
        {
            _values[entity] = value;
        }
    }

    public void Add(object entity, TaintValue value)
    {
        if (!value.IsEmpty)
        {
            _values[entity] = Get(entity).Union(value);
        }
    }

    public void UnionWith(FlowState other)
    {
        foreach (var pair in other._values)
        {
            Add(pair.Key, pair.Value);
        }
    }

    public bool SameBits(FlowState other)
    {
        if (_values.Count != other._values.Count)
        {
            return false;
        }

        foreach (var pair in _values)
        {
            if (!other._values.TryGetValue(pair.Key, out var value) || value.Bits != pair.Value.Bits)
            {
                return false;
            }
        }

        return true;
    }

    private sealed class EntityComparer : IEqualityComparer<object>
    {
        public new bool Equals(object? x, object? y)
            => x is ISymbol a && y is ISymbol b ? SymbolEqualityComparer.Default.Equals(a, b) : object.Equals(x, y);

        public int GetHashCode(object obj)
            => obj is ISymbol symbol ? SymbolEqualityComparer.Default.GetHashCode(symbol) : obj.GetHashCode();
    }
}
