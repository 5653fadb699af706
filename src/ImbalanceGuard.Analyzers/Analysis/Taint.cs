using System;

namespace ImbalanceGuard.Analyzers.Analysis;

/// <summary>What a value is derived from, as far as the leakage rules care.</summary>
[Flags]
internal enum Taint : byte
{
    None = 0,

    /// <summary>The output of a resampler, or derived from one.</summary>
    Resampled = 1,

    /// <summary>Evaluation data (test, validation, holdout), or derived from it.</summary>
    Evaluation = 2,

    /// <summary>The output of a fold generator (the folds, a fold, a fold's parts), or derived from one.</summary>
    Folds = 4,
}

/// <summary>A taint with the names of where it came from, for the messages.</summary>
internal readonly struct TaintValue
{
    public TaintValue(Taint bits, string? resampler, string? evaluation)
    {
        Bits = bits;
        Resampler = resampler;
        Evaluation = evaluation;
    }

    public Taint Bits { get; }

    /// <summary>The resampler that made the data, when <see cref="Taint.Resampled"/>.</summary>
    public string? Resampler { get; }

    /// <summary>The evaluation data it came from, when <see cref="Taint.Evaluation"/>.</summary>
    public string? Evaluation { get; }

    public bool Has(Taint taint) => (Bits & taint) != 0;

    public bool IsEmpty => Bits == Taint.None;

    public TaintValue Union(TaintValue other)
    {
        if (other.Bits == Taint.None)
        {
            return this;
        }

        if (Bits == Taint.None)
        {
            return other;
        }

        return new TaintValue(Bits | other.Bits, Resampler ?? other.Resampler, Evaluation ?? other.Evaluation);
    }

    public TaintValue With(Taint taint, string? source)
        => new(
            Bits | taint,
            taint == Taint.Resampled && Resampler == null ? source : Resampler,
            taint == Taint.Evaluation && Evaluation == null ? source : Evaluation);

    public TaintValue Without(Taint taint)
        => new(Bits & ~taint, (taint & Taint.Resampled) != 0 ? null : Resampler, (taint & Taint.Evaluation) != 0 ? null : Evaluation);
}
