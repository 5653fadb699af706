using System.Collections.Generic;

namespace ImbalanceGuard.Analyzers.Analysis;

/// <summary>Splits identifiers into lower-case words: <c>xTest</c>, <c>X_test</c> and <c>XTest</c> are all "x", "test".</summary>
internal static class IdentifierWords
{
    public static List<string> Split(string identifier)
    {
        var words = new List<string>(4);
        var start = -1;
        for (var i = 0; i < identifier.Length; i++)
        {
            var c = identifier[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush(identifier, ref start, i, words);
                continue;
            }

            if (start >= 0 && IsBoundary(identifier, i))
            {
                Flush(identifier, ref start, i, words);
            }

            if (start < 0)
            {
                start = i;
            }
        }

        Flush(identifier, ref start, identifier.Length, words);
        return words;
    }

    /// <summary>The last word, or the empty string.</summary>
    public static string Last(string identifier)
    {
        var words = Split(identifier);
        return words.Count == 0 ? string.Empty : words[words.Count - 1];
    }

    /// <summary>Whether a word of <paramref name="s"/> starts at <paramref name="i"/>: the start, a separator, the character after one, or a case boundary.</summary>
    public static bool IsWordStart(string s, int i)
        => i == 0 || !char.IsLetterOrDigit(s[i]) || !char.IsLetterOrDigit(s[i - 1]) || IsBoundary(s, i);

    private static bool IsBoundary(string s, int i)
    {
        var c = s[i];
        var previous = s[i - 1];
        if (char.IsUpper(c))
        {
            // aB -> a|B ; 1B -> 1|B ; ABc -> A|Bc (the end of an acronym)
            return char.IsLower(previous) || char.IsDigit(previous)
                || (char.IsUpper(previous) && i + 1 < s.Length && char.IsLower(s[i + 1]));
        }

        // Lower-case letters and digits continue the word: x1, f1, test2.
        return false;
    }

    private static void Flush(string s, ref int start, int end, List<string> words)
    {
        if (start >= 0 && end > start)
        {
            words.Add(s.Substring(start, end - start).ToLowerInvariant());
        }

        start = -1;
    }
}
