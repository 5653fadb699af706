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

    /// <summary>IG0007: transformed by preprocessing fitted on these rows (a fitted ML.NET estimator, hand-written statistics of all rows).</summary>
    Preprocessed = 8,

    /// <summary>What a <see cref="MethodSummary"/> carries to callers from a callee's parameters and its type's members (folds stay where they are cut).</summary>
    CrossMethod = Resampled | Evaluation | Preprocessed,
}

/// <summary>A taint with the names of where it came from, for the messages.</summary>
internal readonly struct TaintValue
{
    public TaintValue(Taint bits, string? resampler, string? evaluation, string? preprocessing)
    {
        Bits = bits;
        Resampler = resampler;
        Evaluation = evaluation;
        Preprocessing = preprocessing;
    }

    public Taint Bits { get; }

    /// <summary>The resampler that made the data, when <see cref="Taint.Resampled"/>.</summary>
    public string? Resampler { get; }

    /// <summary>The evaluation data it came from, when <see cref="Taint.Evaluation"/>.</summary>
    public string? Evaluation { get; }

    /// <summary>IG0007: how the data was preprocessed (the estimator or statistic, as the message says it), when <see cref="Taint.Preprocessed"/>.</summary>
    public string? Preprocessing { get; }

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

        return new TaintValue(Bits | other.Bits, Resampler ?? other.Resampler, Evaluation ?? other.Evaluation, Preprocessing ?? other.Preprocessing);
    }

    public TaintValue With(Taint taint, string? source)
        => new(
            Bits | taint,
            taint == Taint.Resampled && Resampler == null ? source : Resampler,
            taint == Taint.Evaluation && Evaluation == null ? source : Evaluation,
            taint == Taint.Preprocessed && Preprocessing == null ? source : Preprocessing);

    public TaintValue Without(Taint taint)
        => new(
            Bits & ~taint,
            (taint & Taint.Resampled) != 0 ? null : Resampler,
            (taint & Taint.Evaluation) != 0 ? null : Evaluation,
            (taint & Taint.Preprocessed) != 0 ? null : Preprocessing);
}
