using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;

namespace ImbalanceGuard.Analyzers.Analysis;

/// <summary>
/// A configurable list of method-name globs (<c>*Smote*</c>, <c>MyLib.Sampling.*</c>): case-insensitive, <c>*</c>
/// matches any run of characters up to a word start (<see cref="Glob"/>), a pattern with a dot is matched against
/// <c>Namespace.Type.Method</c>, and an entry that starts with <c>!</c> excludes what it matches.
/// </summary>
internal sealed class MethodPatterns
{
    private readonly ImmutableArray<string> _include;
    private readonly ImmutableArray<string> _exclude;

    public MethodPatterns(IEnumerable<string> entries)
    {
        var include = ImmutableArray.CreateBuilder<string>();
        var exclude = ImmutableArray.CreateBuilder<string>();
        foreach (var raw in entries)
        {
            var entry = raw.Trim();
            if (entry.Length == 0)
            {
                continue;
            }

            if (entry[0] == '!')
            {
                if (entry.Length > 1)
                {
                    exclude.Add(entry.Substring(1).Trim());
                }
            }
            else
            {
                include.Add(entry);
            }
        }

        _include = include.ToImmutable();
        _exclude = exclude.ToImmutable();
        _nameParts = new string[_include.Length];
        _anchors = new string[_include.Length];
        for (var i = 0; i < _include.Length; i++)
        {
            var pattern = _include[i];
            var dot = pattern.LastIndexOf('.');
            _nameParts[i] = dot >= 0 ? pattern.Substring(dot + 1) : pattern;
            _anchors[i] = Anchor(_nameParts[i]);
        }
    }

    private readonly string[] _nameParts;
    private readonly string[] _anchors;

    public bool IsEmpty => _include.IsEmpty;

    /// <summary>
    /// Whether a bare identifier could be a match (used by the cheap token scan and, over every member name of the
    /// compilation, by the check that decides whether the analyzers run at all): the pattern's longest literal must
    /// occur in the name before the glob is tried.
    /// </summary>
    public bool MayMatchName(string name)
    {
        var snake = name.IndexOf('_') >= 0;
        for (var i = 0; i < _nameParts.Length; i++)
        {
            var anchor = _anchors[i];
            if (!snake && anchor.Length > 0 && name.IndexOf(anchor, StringComparison.OrdinalIgnoreCase) < 0)
            {
                continue;
            }

            if (Glob.IsMatch(_nameParts[i], name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The longest run of a glob without wildcards or underscores: text every name it matches contains.</summary>
    private static string Anchor(string glob)
    {
        var longest = string.Empty;
        foreach (var part in glob.Split('*', '_'))
        {
            if (part.Length > longest.Length)
            {
                longest = part;
            }
        }

        return longest;
    }

    public bool IsMatch(string name, string qualifiedName)
    {
        var matched = false;
        foreach (var pattern in _include)
        {
            if (Glob.IsMatch(pattern, pattern.IndexOf('.') >= 0 ? qualifiedName : name))
            {
                matched = true;
                break;
            }
        }

        if (!matched)
        {
            return false;
        }

        foreach (var pattern in _exclude)
        {
            if (Glob.IsMatch(pattern, pattern.IndexOf('.') >= 0 ? qualifiedName : name))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>
/// A configurable list of names for data or values: an entry without <c>*</c> is a word matched against the
/// words of an identifier (<c>test</c> matches <c>xTest</c>, <c>X_test</c>, <c>testRows</c>, not <c>latest</c>);
/// an entry with <c>*</c> is a glob matched against the whole identifier; <c>!</c> excludes.
/// </summary>
internal sealed class NameWords
{
    private readonly ImmutableHashSet<string> _words;
    private readonly ImmutableArray<string> _globs;
    private readonly ImmutableHashSet<string> _excludedWords;
    private readonly ImmutableArray<string> _excludedGlobs;

    public NameWords(IEnumerable<string> entries)
    {
        var words = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        var globs = ImmutableArray.CreateBuilder<string>();
        var excludedWords = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        var excludedGlobs = ImmutableArray.CreateBuilder<string>();
        foreach (var raw in entries)
        {
            var entry = raw.Trim();
            var exclude = entry.Length > 0 && entry[0] == '!';
            if (exclude)
            {
                entry = entry.Substring(1).Trim();
            }

            if (entry.Length == 0)
            {
                continue;
            }

            if (entry.IndexOf('*') >= 0)
            {
                (exclude ? excludedGlobs : globs).Add(entry);
            }
            else
            {
                (exclude ? excludedWords : words).Add(entry.ToLowerInvariant());
            }
        }

        _words = words.ToImmutable();
        _globs = globs.ToImmutable();
        _excludedWords = excludedWords.ToImmutable();
        _excludedGlobs = excludedGlobs.ToImmutable();
    }

    /// <summary>Whether any word of the identifier (or the identifier, for globs) matches.</summary>
    public bool MatchesAnyWord(string identifier, List<string> words)
    {
        if (IsExcluded(identifier, words))
        {
            return false;
        }

        foreach (var word in words)
        {
            if (_words.Contains(word))
            {
                return true;
            }
        }

        return MatchesGlob(identifier);
    }

    /// <summary>Whether the identifier's last word (or the identifier, for globs) matches.</summary>
    public bool MatchesLastWord(string identifier, List<string> words)
    {
        if (IsExcluded(identifier, words))
        {
            return false;
        }

        return (words.Count > 0 && _words.Contains(words[words.Count - 1])) || MatchesGlob(identifier);
    }

    public bool ContainsWord(string word) => _words.Contains(word);

    private bool MatchesGlob(string identifier)
    {
        foreach (var glob in _globs)
        {
            if (Glob.IsMatch(glob, identifier))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsExcluded(string identifier, List<string> words)
    {
        foreach (var word in words)
        {
            if (_excludedWords.Contains(word))
            {
                return true;
            }
        }

        foreach (var glob in _excludedGlobs)
        {
            if (Glob.IsMatch(glob, identifier))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// Case-insensitive glob matching with <c>*</c> only, over words: what a <c>*</c> skips ends where a word starts
/// (camel, Pascal or snake case, or after a dot), so <c>*Adasyn*</c> matches <c>ApplyAdasyn</c> but not
/// <c>ReadAsync</c>, whose "adAsync" starts inside the word "Read". A literal may run on through later words and
/// end inside one where a <c>*</c> follows (<c>*Oversampl*</c> matches <c>RandomOverSampler</c>); underscores are
/// ignored on both sides (<c>*TrainTestSplit*</c> matches <c>train_test_split</c>).
/// </summary>
internal static class Glob
{
    public static bool IsMatch(string pattern, string text)
    {
        // Leading underscores (a private field's _name) are skipped in place: only a snake_case name is copied.
        var start = 0;
        while (start < text.Length && text[start] == '_')
        {
            start++;
        }

        if (pattern.IndexOf('_') < 0 && text.IndexOf('_', start) < 0)
        {
            return Match(pattern, text, null, start);
        }

        var joined = new StringBuilder(text.Length);
        var starts = new bool[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '_')
            {
                starts[joined.Length] = IdentifierWords.IsWordStart(text, i);
                joined.Append(text[i]);
            }
        }

        return Match(pattern.Replace("_", string.Empty), joined.ToString(), starts, 0);
    }

    /// <summary>Matches <paramref name="pattern"/> against <paramref name="text"/> from <paramref name="offset"/> on.</summary>
    private static bool Match(string pattern, string text, bool[]? starts, int offset)
    {
        var star = pattern.IndexOf('*');
        if (star < 0)
        {
            return text.Length - offset == pattern.Length && LiteralAt(pattern, 0, pattern.Length, text, offset);
        }

        // The literal before the first star is anchored at the start, the one after the last at the end; each
        // literal after a star takes its leftmost place at a word start (the leftmost leaves the most room).
        if (!LiteralAt(pattern, 0, star, text, offset))
        {
            return false;
        }

        var t = offset + star;
        var p = star + 1;
        while (true)
        {
            var next = pattern.IndexOf('*', p);
            var length = (next < 0 ? pattern.Length : next) - p;
            if (next < 0)
            {
                var start = text.Length - length;
                return length == 0 || (start >= t && IsWordStart(text, starts, start) && LiteralAt(pattern, p, length, text, start));
            }

            if (length > 0)
            {
                var found = -1;
                for (var i = t; i + length <= text.Length; i++)
                {
                    if (IsWordStart(text, starts, i) && LiteralAt(pattern, p, length, text, i))
                    {
                        found = i;
                        break;
                    }
                }

                if (found < 0)
                {
                    return false;
                }

                t = found + length;
            }

            p = next + 1;
        }
    }

    private static bool IsWordStart(string text, bool[]? starts, int i)
        => starts is null ? IdentifierWords.IsWordStart(text, i) : starts[i];

    private static bool LiteralAt(string pattern, int p, int length, string text, int t)
        => t + length <= text.Length && string.Compare(pattern, p, text, t, length, StringComparison.OrdinalIgnoreCase) == 0;
}
