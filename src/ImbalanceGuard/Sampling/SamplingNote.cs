using System.Globalization;

namespace ImbalanceGuard.Sampling;

/// <summary>
/// Something a resampling did as asked that the user should still hear about: a class mostly thrown away, or
/// its rows repeated many times. Notes are apart from <see cref="SamplingResult.Warnings"/>, which say that the
/// sampler could not do what was asked; a result with notes met its targets.
/// </summary>
public sealed class SamplingNote
{
    /// <summary>
    /// The share of a class's rows an under-sampler may discard without a note: 0.9. Keeping fewer than one row
    /// in ten is the mirror of <see cref="ManyRepeats"/>: both are a tenfold change of what the learner sees.
    /// </summary>
    public const double HeavyLossShare = 0.9;

    /// <summary>
    /// How many times on average each row of a class may appear (itself and its plain copies) without a note: 10.
    /// Balancing a 10:1 problem by random over-sampling reaches it (satimage and optical_digits, 9.3:1, stay
    /// below); at 49:1 (hacide) every minority row appears about 49 times.
    /// </summary>
    public const double ManyRepeats = 10;

    /// <summary>What to consider instead of discarding most of a class.</summary>
    internal const string HeavyLossAdvice = "Consider class weights, a balanced ensemble (easy-ensemble keeps every row across its members) or a milder sampling_strategy.";

    /// <summary>What to consider instead of repeating a class's rows many times.</summary>
    internal const string ManyRepeatsAdvice = "Consider class weights, SMOTE, a smoothed bootstrap (shrinkage) or a milder sampling_strategy.";

    internal SamplingNote(SamplingNoteKind kind, string sampler, string className, double amount, string message)
    {
        Kind = kind;
        Sampler = sampler;
        ClassName = className;
        Amount = amount;
        Message = message;
    }

    /// <summary>What the note is about.</summary>
    public SamplingNoteKind Kind { get; }

    /// <summary>The name of the sampler whose run it is about.</summary>
    public string Sampler { get; }

    /// <summary>The class it is about.</summary>
    public string ClassName { get; }

    /// <summary>
    /// How much: the share of the class's rows discarded, from 0 to 1, for <see cref="SamplingNoteKind.HeavyLoss"/>;
    /// the average number of times each kept row of the class appears for <see cref="SamplingNoteKind.ManyRepeats"/>.
    /// </summary>
    public double Amount { get; }

    /// <summary>One sentence: what happened, with the numbers, and what to consider instead.</summary>
    public string Message { get; }

    /// <inheritdoc/>
    public override string ToString() => Message;

    /// <summary>The notes for one resampling, from the rows each class had, kept (repeats counted) and gained as copies.</summary>
    internal static IReadOnlyList<SamplingNote> For(string sampler, IReadOnlyList<string> classNames, IReadOnlyList<int> before, int[] distinctKept, int[] appearances)
    {
        var notes = new List<SamplingNote>();
        for (var c = 0; c < classNames.Count; c++)
        {
            if (before[c] == 0)
            {
                continue;
            }

            var discarded = before[c] - distinctKept[c];
            if (discarded > HeavyLossShare * before[c])
            {
                var share = discarded / (double)before[c];
                notes.Add(new SamplingNote(
                    SamplingNoteKind.HeavyLoss,
                    sampler,
                    classNames[c],
                    share,
                    string.Create(CultureInfo.InvariantCulture, $"{sampler} kept {distinctKept[c]} of the {before[c]} rows of class '{classNames[c]}' ({share:P1} discarded): the learner sees that class through a few rows. {HeavyLossAdvice}")));
            }

            var repeats = distinctKept[c] == 0 ? 0 : appearances[c] / (double)distinctKept[c];
            if (repeats >= ManyRepeats)
            {
                notes.Add(new SamplingNote(
                    SamplingNoteKind.ManyRepeats,
                    sampler,
                    classNames[c],
                    repeats,
                    string.Create(CultureInfo.InvariantCulture, $"{sampler} repeats each row of class '{classNames[c]}' {repeats:0.#} times on average ({appearances[c]} rows from {distinctKept[c]}): a flexible learner can memorise them. {ManyRepeatsAdvice}")));
            }
        }

        return notes;
    }
}
