using System.Globalization;

namespace ImbalanceGuard;

/// <summary>
/// How much one CSV file may ask of the reader. A file from outside can hold a line of hundreds of megabytes without a
/// line break, a quote that is never closed, or a million columns; within these limits such a file is read, beyond
/// them it is refused with a <see cref="DataFormatException"/> naming the line, before its memory is spent. The
/// defaults are far above any table this library is meant for; raise them for a file that really is that wide.
/// </summary>
public sealed class CsvLimits
{
    /// <summary>The defaults: lines up to 4,194,304 characters, cells up to 65,536 characters, up to 100,000 columns.</summary>
    public static CsvLimits Default { get; } = new();

    /// <summary>
    /// The longest line (a record: a quoted cell may span several physical lines), in characters. Default
    /// 4,194,304 (4 Mi): 100,000 columns of 40 characters. Reading keeps a few batches of lines, so this bounds the
    /// reader's memory.
    /// </summary>
    public int MaxLineLength { get; init; } = 1 << 22;

    /// <summary>The longest cell, in characters. Default 65,536: a category's name or a number is far shorter.</summary>
    public int MaxFieldLength { get; init; } = 1 << 16;

    /// <summary>The most columns the header may name. Default 100,000.</summary>
    public int MaxColumns { get; init; } = 100_000;

    /// <summary>
    /// How the caller's user raises a limit, added to the message of a file beyond it; <c>{0}</c> stands for the
    /// property (<c>MaxLineLength</c>, …) and <c>{1}</c> for the same name in kebab case (<c>max-line-length</c>), as a
    /// command-line option would spell it. Default: <c>raise CsvLimits.{0}</c>.
    /// </summary>
    public string RaiseHint { get; init; } = "raise CsvLimits.{0}";

    /// <exception cref="ArgumentOutOfRangeException">A limit is below 1.</exception>
    internal void Validate()
    {
        Positive(MaxLineLength, nameof(MaxLineLength));
        Positive(MaxFieldLength, nameof(MaxFieldLength));
        Positive(MaxColumns, nameof(MaxColumns));
    }

    internal string Raise(string property) => string.Format(CultureInfo.InvariantCulture, RaiseHint, property, KebabCase(property));

    private static string KebabCase(string name)
        => string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i == 0 ? string.Empty : "-") + char.ToLowerInvariant(c) : c.ToString()));

    private static void Positive(int value, string property)
    {
        if (value < 1)
        {
            throw new ArgumentOutOfRangeException(property, value, $"CsvLimits.{property} must be at least 1; got {value}.");
        }
    }
}
