using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace ImbalanceGuard.Analyzers.Analysis;

/// <summary>
/// The lexical pre-filter of one syntax tree: one pass over its text, once per tree, that records where an identifier
/// the analyses care about or a literal that may be 0.5 stands. A code block with nothing recorded in its span cannot
/// trigger any analysis, so most blocks of a large codebase cost a binary search instead of a walk over their tokens
/// (which made the analyzers 11 % of a warm build of Newtonsoft.Json). The pass reads the text as if it were all code:
/// words in comments and strings are recorded too, so it can only say "maybe" more often than the token scan of
/// <see cref="Triggers.Scan"/>, never less (see <see cref="Triggers.MayFire"/>); the token scan then decides.
/// </summary>
internal sealed class TreeMarks
{
    private const uint TakeMark = 1u << 16;
    private const uint HalfMark = 1u << 17;

    [ThreadStatic]
    private static char[]? t_buffer;

    private readonly int[] _positions;
    private readonly uint[] _marks;

    private TreeMarks(int[] positions, uint[] marks)
    {
        _positions = positions;
        _marks = marks;
    }

    /// <summary>
    /// Scans the text of a tree in <paramref name="span"/> (the whole tree, or one code block). Not cancellable: it is
    /// one linear pass shared by every analyzer and block of the tree, and a cancelled shared computation would have to
    /// be recomputed by the next caller anyway. The text is copied into a buffer of the thread's own: a large file's
    /// text is stored in chunks, and turning it into one string would put a copy of every large file on the heap.
    /// </summary>
    public static TreeMarks Scan(SourceText source, TextSpan span, SettingsContext context)
    {
        var text = t_buffer;
        if (text == null || text.Length < span.Length)
        {
            text = t_buffer = new char[Math.Max(span.Length, 4096)];
        }

        source.CopyTo(span.Start, text, 0, span.Length);
        return Scan(text, span.Length, span.Start, context);
    }

    private static TreeMarks Scan(char[] text, int end, int offset, SettingsContext context)
    {
        var positions = new List<int>();
        var marks = new List<uint>();
        var name = new char[64];
        var quoteOnLine = false;
        var multiLineStrings = HasMultiLineStrings(text, end);
        var i = 0;
        while (i < end)
        {
            var c = text[i];
            var start = i;
            if (IsIdentifierStart(text, end, i))
            {
                var length = ReadIdentifier(text, end, ref i, ref name);
                var mark = (uint)context.ClassifyIdentifier(name, length, CancellationToken.None);
                if (length == 4 && name[0] == 'T' && name[1] == 'a' && name[2] == 'k' && name[3] == 'e')
                {
                    mark |= TakeMark;
                }

                if (mark != 0)
                {
                    positions.Add(offset + start);
                    marks.Add(mark);
                }
            }
            else if (IsDigit(c) || (c == '.' && i + 1 < end && IsDigit(text[i + 1])))
            {
                if (ReadNumberMayBeHalf(text, end, ref i))
                {
                    positions.Add(offset + start);
                    marks.Add(HalfMark);
                }
            }
            else if (c == '/' && !quoteOnLine && i + 1 < end && (text[i + 1] == '/' || text[i + 1] == '*'))
            {
                i = SkipComment(text, end, i, multiLineStrings);
            }
            else
            {
                quoteOnLine = c == '"' || (quoteOnLine && c != '\n');
                i++;
            }
        }

        return new TreeMarks(positions.ToArray(), marks.ToArray());
    }

    /// <summary>Whether the text may hold a string that spans lines: a verbatim (<c>@"</c>, <c>@$"</c>) or raw (<c>"""</c>) one.</summary>
    private static bool HasMultiLineStrings(char[] text, int end)
    {
        for (var i = Array.IndexOf(text, '"', 0, end); i >= 0; i = i + 1 < end ? Array.IndexOf(text, '"', i + 1, end - i - 1) : -1)
        {
            if ((i > 0 && text[i - 1] == '@') || (i > 1 && text[i - 1] == '$' && text[i - 2] == '@') || (i + 2 < end && text[i + 1] == '"' && text[i + 2] == '"'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Skips the comment at <paramref name="i"/>, which has no quote before it on its line. Only a verbatim or raw
    /// string can span lines, so in a text without one that is a comment; otherwise it is skipped only if what it
    /// skips holds no quote and no brace (even inside such a string, it would then hold no end of the string and no
    /// interpolation). A block comment is not skipped across a <c>#</c>: in a region disabled by <c>#if</c>, <c>/*</c>
    /// starts nothing. Otherwise only the two characters are skipped and the rest is read as code.
    /// </summary>
    private static int SkipComment(char[] text, int end, int i, bool multiLineStrings)
    {
        int stop;
        bool skip;
        if (text[i + 1] == '/')
        {
            stop = Array.IndexOf(text, '\n', i, end - i);
            stop = stop < 0 ? end : stop;
            skip = !multiLineStrings || !Contains(text, i, stop, '"', '{');
        }
        else
        {
            stop = end;
            for (var k = i + 2; k + 1 < end; k++)
            {
                if (text[k] == '*' && text[k + 1] == '/')
                {
                    stop = k + 2;
                    break;
                }
            }

            skip = !Contains(text, i, stop, '#', '#') && (!multiLineStrings || !Contains(text, i, stop, '"', '{'));
        }

        return skip ? stop : i + 2;
    }

    private static bool Contains(char[] text, int from, int to, char one, char other)
    {
        for (var k = from; k < to; k++)
        {
            if (text[k] == one || text[k] == other)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What the token scan of the text in <paramref name="span"/> could at most find (a superset of <see cref="Triggers.Scan"/>).</summary>
    public Triggers MayFire(TextSpan span, bool alwaysResampler)
    {
        var seen = IdentifierKind.None;
        bool take = false, half = false;
        var index = Array.BinarySearch(_positions, span.Start);
        for (var k = index < 0 ? ~index : index; k < _positions.Length && _positions[k] < span.End; k++)
        {
            var mark = _marks[k];
            seen |= (IdentifierKind)(ushort)mark;
            take |= (mark & TakeMark) != 0;
            half |= (mark & HalfMark) != 0;
        }

        return Triggers.MayFire(seen, take, half, alwaysResampler);
    }

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private static bool IsIdentifierStart(char[] text, int end, int i)
    {
        var c = text[i];
        if (c < 0x80)
        {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c == '\\' && EscapeLength(text, end, i) > 0);
        }

        return char.IsSurrogate(c) || char.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber;
    }

    /// <summary>
    /// Reads an identifier into <paramref name="name"/> as the compiler's <c>ValueText</c> has it: Unicode escapes
    /// decoded, formatting characters dropped. Returns its length.
    /// </summary>
    private static int ReadIdentifier(char[] text, int end, ref int i, ref char[] name)
    {
        var length = 0;
        while (i < end)
        {
            var c = text[i];
            if (c == '\\')
            {
                var escape = EscapeLength(text, end, i);
                if (escape == 0)
                {
                    break;
                }

                var code = int.Parse(new string(text, i + 2, escape - 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                foreach (var decoded in code <= 0xFFFF ? ((char)code).ToString() : char.ConvertFromUtf32(code))
                {
                    Append(ref name, ref length, decoded);
                }

                i += escape;
                continue;
            }

            if (c < 0x80)
            {
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || IsDigit(c) || c == '_'))
                {
                    break;
                }
            }
            else if (!char.IsSurrogate(c))
            {
                var category = char.GetUnicodeCategory(c);
                if (category == UnicodeCategory.Format)
                {
                    i++; // part of the identifier, not of its value
                    continue;
                }

                if (category is not (UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                    or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber
                    or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber
                    or UnicodeCategory.ConnectorPunctuation))
                {
                    break;
                }
            }

            Append(ref name, ref length, c);
            i++;
        }

        return length;
    }

    /// <summary>The length of a <c>\uXXXX</c> or <c>\UXXXXXXXX</c> escape of a valid code point at <paramref name="i"/>, or 0.</summary>
    private static int EscapeLength(char[] text, int end, int i)
    {
        if (i + 1 >= end || (text[i + 1] != 'u' && text[i + 1] != 'U'))
        {
            return 0;
        }

        var digits = text[i + 1] == 'u' ? 4 : 8;
        if (i + 2 + digits > end)
        {
            return 0;
        }

        var code = 0L;
        for (var k = i + 2; k < i + 2 + digits; k++)
        {
            var d = text[k];
            var value = d >= '0' && d <= '9' ? d - '0' : d >= 'a' && d <= 'f' ? d - 'a' + 10 : d >= 'A' && d <= 'F' ? d - 'A' + 10 : -1;
            if (value < 0)
            {
                return 0;
            }

            code = (code * 16) + value;
        }

        return code <= 0x10FFFF && (code < 0xD800 || code > 0xDFFF || digits == 4) ? 2 + digits : 0;
    }

    private static void Append(ref char[] name, ref int length, char c)
    {
        if (length == name.Length)
        {
            Array.Resize(ref name, name.Length * 2);
        }

        name[length++] = c;
    }

    /// <summary>
    /// Reads a numeric literal (digits, separators, a fraction, an exponent, a suffix) and says whether it may be 0.5:
    /// only a literal with a fraction or an exponent can be, and one that cannot be read is counted as maybe.
    /// </summary>
    private static bool ReadNumberMayBeHalf(char[] text, int end, ref int i)
    {
        var start = i;
        if (text[i] == '0' && i + 1 < end && text[i + 1] is 'x' or 'X' or 'b' or 'B')
        {
            i += 2;
            while (i < end && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
            {
                i++;
            }

            return false;
        }

        var real = false;
        SkipDigits(text, end, ref i);
        if (i + 1 < end && text[i] == '.' && IsDigit(text[i + 1]))
        {
            real = true;
            i++;
            SkipDigits(text, end, ref i);
        }

        if (i < end && text[i] is 'e' or 'E')
        {
            var j = i + 1;
            if (j < end && text[j] is '+' or '-')
            {
                j++;
            }

            if (j < end && IsDigit(text[j]))
            {
                real = true;
                i = j;
                SkipDigits(text, end, ref i);
            }
        }

        var digitsEnd = i;
        while (i < end && ((text[i] >= 'a' && text[i] <= 'z') || (text[i] >= 'A' && text[i] <= 'Z')))
        {
            i++; // suffix: f, d, m, u, l
        }

        if (!real)
        {
            return false;
        }

        // A float or decimal literal that equals 0.5 in its own type is within 1e-6 of it as a double.
        var digits = new string(text, start, digitsEnd - start).Replace("_", string.Empty);
        return !double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || Math.Abs(value - 0.5) < 1e-6;
    }

    private static void SkipDigits(char[] text, int end, ref int i)
    {
        while (i < end && (IsDigit(text[i]) || text[i] == '_'))
        {
            i++;
        }
    }
}
