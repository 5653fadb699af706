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

    internal SamplingNote(SamplingNoteKind kind, string className, string message)
    {
        Kind = kind;
        ClassName = className;
        Message = message;
    }

    /// <summary>What the note is about.</summary>
    public SamplingNoteKind Kind { get; }

    /// <summary>The class it is about.</summary>
    public string ClassName { get; }

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
                notes.Add(new SamplingNote(
                    SamplingNoteKind.HeavyLoss,
                    classNames[c],
                    string.Create(CultureInfo.InvariantCulture, $"{sampler} kept {distinctKept[c]} of the {before[c]} rows of class '{classNames[c]}' ({discarded / (double)before[c]:P1} discarded): the learner sees that class through a few rows. Consider class weights, a balanced ensemble (easy-ensemble keeps every row across its members) or a milder sampling_strategy.")));
            }

            var repeats = distinctKept[c] == 0 ? 0 : appearances[c] / (double)distinctKept[c];
            if (repeats >= ManyRepeats)
            {
                notes.Add(new SamplingNote(
                    SamplingNoteKind.ManyRepeats,
                    classNames[c],
                    string.Create(CultureInfo.InvariantCulture, $"{sampler} repeats each row of class '{classNames[c]}' {repeats:0.#} times on average ({appearances[c]} rows from {distinctKept[c]}): a flexible learner can memorise them. Consider class weights, SMOTE, a smoothed bootstrap (shrinkage) or a milder sampling_strategy.")));
            }
        }

        return notes;
    }
}
