using System.Globalization;
using ImbalanceGuard.Sampling;

namespace ImbalanceGuard.Pipelines;

/// <summary>
/// One <see cref="SamplingNote"/> as it happened over the folds of a <see cref="CrossValidation"/>: the same
/// sampler, class and kind of note, with how many folds it happened in and the range of its
/// <see cref="SamplingNote.Amount"/> there.
/// </summary>
public sealed class SamplingNoteSummary
{
    private SamplingNoteSummary(SamplingNote first, int folds, int totalFolds, double smallest, double largest)
    {
        Kind = first.Kind;
        Sampler = first.Sampler;
        ClassName = first.ClassName;
        Folds = folds;
        TotalFolds = totalFolds;
        SmallestAmount = smallest;
        LargestAmount = largest;
        Message = MessageOf(Kind, Sampler, ClassName, folds, totalFolds, smallest, largest);
    }

    /// <summary>What the note is about.</summary>
    public SamplingNoteKind Kind { get; }

    /// <summary>The name of the sampler whose runs it is about.</summary>
    public string Sampler { get; }

    /// <summary>The class it is about.</summary>
    public string ClassName { get; }

    /// <summary>How many folds' resampling gave the note.</summary>
    public int Folds { get; }

    /// <summary>How many folds ran (over every repeat).</summary>
    public int TotalFolds { get; }

    /// <summary>The smallest <see cref="SamplingNote.Amount"/> over the folds that gave the note.</summary>
    public double SmallestAmount { get; }

    /// <summary>The largest <see cref="SamplingNote.Amount"/> over the folds that gave the note.</summary>
    public double LargestAmount { get; }

    /// <summary>
    /// One sentence: what happened, with the range of the numbers, in how many folds, and what to consider instead;
    /// for example "random-under discarded 97.9 % of the rows of class '0' (in 5 of 5 folds): …".
    /// </summary>
    public string Message { get; }

    /// <inheritdoc/>
    public override string ToString() => Message;

    /// <summary>The notes of <paramref name="folds"/>, one per sampler, class and kind, in the order they first happened.</summary>
    internal static IReadOnlyList<SamplingNoteSummary> Of(IReadOnlyList<FoldResult> folds)
    {
        var groups = new List<(SamplingNote First, List<double> Amounts)>();
        foreach (var fold in folds)
        {
            foreach (var note in fold.SamplingNotes)
            {
                var index = groups.FindIndex(g => g.First.Kind == note.Kind && g.First.Sampler == note.Sampler && g.First.ClassName == note.ClassName);
                if (index < 0)
                {
                    groups.Add((note, [note.Amount]));
                }
                else
                {
                    groups[index].Amounts.Add(note.Amount);
                }
            }
        }

        return [.. groups.Select(g => new SamplingNoteSummary(g.First, g.Amounts.Count, folds.Count, g.Amounts.Min(), g.Amounts.Max()))];
    }

    private static string MessageOf(SamplingNoteKind kind, string sampler, string className, int folds, int totalFolds, double smallest, double largest)
    {
        var where = string.Create(CultureInfo.InvariantCulture, $"(in {folds} of {totalFolds} folds)");
        return kind == SamplingNoteKind.HeavyLoss
            ? $"{sampler} discarded {Range(smallest * 100, largest * 100, "0.0")} % of the rows of class '{className}' {where}: the learner sees that class through a few rows. {SamplingNote.HeavyLossAdvice}"
            : $"{sampler} repeated each row of class '{className}' {Range(smallest, largest, "0.#")} times on average {where}: a flexible learner can memorise them. {SamplingNote.ManyRepeatsAdvice}";
    }

    /// <summary>"96.0", or "95.8-96.3" when the folds differ at the shown precision.</summary>
    private static string Range(double smallest, double largest, string format)
    {
        var low = smallest.ToString(format, CultureInfo.InvariantCulture);
        var high = largest.ToString(format, CultureInfo.InvariantCulture);
        return low == high ? low : $"{low}-{high}";
    }
}
