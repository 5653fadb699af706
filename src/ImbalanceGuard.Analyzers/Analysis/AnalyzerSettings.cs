using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ImbalanceGuard.Analyzers.Analysis;

/// <summary>
/// What the analyzers recognise by name, from <c>.editorconfig</c> (per file) on top of the defaults:
/// <code>
/// imbalance_guard.resampler_methods = *Balance*, MyCompany.Data.Sampling.*, !*ResampleAudio*
/// imbalance_guard.splitter_methods = *HoldOut*
/// imbalance_guard.cross_validation_methods = *Folds
/// imbalance_guard.test_data_names = backtest
/// imbalance_guard.validation_data_names = tuning, calib
/// imbalance_guard.evaluation_data_names = audit   # the key before the split: evaluation data that is neither (IG0003 only)
/// imbalance_guard.score_names = risk
/// imbalance_guard.default_patterns = false   # drop the built-in names, keep only yours
/// </code>
/// </summary>
internal sealed class AnalyzerSettings
{
    public const string ResamplerKey = "imbalance_guard.resampler_methods";
    public const string SplitterKey = "imbalance_guard.splitter_methods";
    public const string CrossValidationKey = "imbalance_guard.cross_validation_methods";
    public const string EvaluationNamesKey = "imbalance_guard.evaluation_data_names";
    public const string TestNamesKey = "imbalance_guard.test_data_names";
    public const string ValidationNamesKey = "imbalance_guard.validation_data_names";
    public const string ScoreNamesKey = "imbalance_guard.score_names";
    public const string DefaultPatternsKey = "imbalance_guard.default_patterns";

    public static readonly string[] DefaultResamplers =
        ["*Smote*", "*Adasyn*", "*Oversampl*", "*Undersampl*", "*Resampl*", "*NearMiss*", "*TomekLink*"];

    public static readonly string[] DefaultSplitters =
        ["*TrainTestSplit*", "*SplitTrainTest*", "*TrainValidationSplit*", "*TrainTestValidationSplit*", "*HoldoutSplit*", "*SplitHoldout*"];

    public static readonly string[] DefaultCrossValidation =
        ["*KFold*", "*CrossVal*", "*LeaveOneOut*"];

    /// <summary>
    /// Names that are never evaluation data: <c>trainTestSplit</c> holds both parts, <c>testFolds</c> are folds, and
    /// names of things that are not rows (<c>ValidationUtils</c>, <c>ValidationEventHandler</c>, <c>TestType</c>,
    /// <c>validationMessage</c>): a library's validation helpers would otherwise wake the leak analysis everywhere.
    /// </summary>
    public static readonly string[] DefaultNonEvaluationNames =
        ["!train", "!training", "!split", "!splits", "!fold", "!folds", "!util", "!utils", "!utility", "!utilities", "!helper", "!helpers",
         "!extensions", "!exception", "!attribute", "!handler", "!args", "!callback", "!event", "!events", "!type", "!types", "!kind",
         "!mode", "!options", "!settings", "!message", "!messages", "!error", "!errors", "!status", "!level"];

    /// <summary>Data that reports the final score: tuning on it is IG0006.</summary>
    public static readonly string[] DefaultTestNames = ["test", "testing", "holdout"];

    /// <summary>
    /// Data where tuning belongs, and the ambiguous <c>eval</c>/<c>evaluation</c>: evaluation data for IG0003, never
    /// test data for IG0006.
    /// </summary>
    public static readonly string[] DefaultValidationNames = ["validation", "val", "eval", "evaluation"];

    /// <summary>Words that name a probability: a value whose last word is one is a classifier's output by its name alone.</summary>
    public static readonly string[] DefaultScoreNames =
        ["probability", "prob", "proba", "confidence", "likelihood", "posterior"];

    /// <summary>
    /// Words that name a classifier's output only on a value that comes from a model (see <see cref="ClassifierOutputs"/>):
    /// a cross-validated <c>BestScore</c>, a row's <c>QualityScore</c> or a <c>similarityScore</c> is no probability.
    /// </summary>
    public static readonly string[] DefaultModelScoreNames = ["score"];

    public static readonly AnalyzerSettings Default = new(null, null, null, null, null, null, null, null);

    private AnalyzerSettings(
        string? defaults, string? resamplers, string? splitters, string? crossValidation, string? evaluationNames, string? scoreNames, string? testNames, string? validationNames)
    {
        var useDefaults = !string.Equals(defaults?.Trim(), "false", StringComparison.OrdinalIgnoreCase);
        Resamplers = new MethodPatterns(Combine(useDefaults ? DefaultResamplers : [], resamplers));
        Splitters = new MethodPatterns(Combine(useDefaults ? DefaultSplitters : [], splitters));
        CrossValidation = new MethodPatterns(Combine(useDefaults ? DefaultCrossValidation : [], crossValidation));

        // The key from before the split keeps its meaning: its words are evaluation data (IG0003) without saying
        // which kind, so they join the validation side (never IG0006); its exclusions exclude from both sides.
        var legacy = new List<string>(Combine([], evaluationNames));
        var legacyExclusions = legacy.FindAll(e => e.StartsWith("!", StringComparison.Ordinal));
        var exclusions = useDefaults ? DefaultNonEvaluationNames : [];
        TestNames = new NameWords(Combine(useDefaults ? DefaultTestNames : [], testNames).Concat(exclusions).Concat(legacyExclusions));
        ValidationNames = new NameWords(Combine(useDefaults ? DefaultValidationNames : [], validationNames).Concat(exclusions).Concat(legacy));

        // The user's score words (and globs) name classifier outputs by name alone, as before; the user's
        // exclusions (!similarity) also apply to the built-in model score words.
        var named = new List<string>(Combine(useDefaults ? DefaultScoreNames : [], scoreNames));
        var modelNamed = new List<string>(useDefaults ? DefaultModelScoreNames : []);
        foreach (var entry in Combine([], scoreNames))
        {
            if (entry.Length > 0 && entry[0] == '!')
            {
                modelNamed.Add(entry);
            }
        }

        ScoreNames = new NameWords(named);
        ScoreCollectionNames = new NameWords(Plurals(named));
        ModelScoreNames = new NameWords(modelNamed);
        ModelScoreCollectionNames = new NameWords(Plurals(modelNamed));
        var fragments = new List<string>();
        foreach (var word in named.Concat(modelNamed))
        {
            if (IsPlainWord(word))
            {
                fragments.Add(word);
            }
        }

        ScoreFragments = [.. fragments];
        HasCustomScoreNames = HasGlob(scoreNames);
        HasCustomEvaluationNames = IsSet(evaluationNames) || IsSet(testNames) || IsSet(validationNames);
        HasCustomTestNames = IsSet(testNames);
    }

    private static bool IsSet(string? configured) => configured != null && configured.Trim().Length > 0;

    /// <summary>The score words, for the token scan.</summary>
    public string[] ScoreFragments { get; }

    /// <summary>Whether the score names include a glob (the token scan then always looks further).</summary>
    public bool HasCustomScoreNames { get; }

    /// <summary>Whether evaluation names (of any kind) were configured (the token scan then always looks further).</summary>
    public bool HasCustomEvaluationNames { get; }

    /// <summary>Whether test names were configured (the token scan then always looks further for IG0006).</summary>
    public bool HasCustomTestNames { get; }

    private static bool HasGlob(string? configured) => configured != null && configured.IndexOf('*') >= 0;

    public MethodPatterns Resamplers { get; }

    public MethodPatterns Splitters { get; }

    public MethodPatterns CrossValidation { get; }

    /// <summary>Words of test data names: data that reports the final score (IG0003, IG0006).</summary>
    public NameWords TestNames { get; }

    /// <summary>Words of validation data names, and of evaluation data of no stated kind (IG0003; they veto IG0006).</summary>
    public NameWords ValidationNames { get; }

    /// <summary>Whether a name says evaluation data of either kind (IG0003).</summary>
    public bool IsEvaluationName(string identifier, List<string> words)
        => TestNames.MatchesAnyWord(identifier, words) || ValidationNames.MatchesAnyWord(identifier, words);

    /// <summary>Whether a name says test data and not validation data (IG0006): <c>valTest</c> is not test data.</summary>
    public bool IsTestName(string identifier, List<string> words)
        => TestNames.MatchesAnyWord(identifier, words) && !ValidationNames.MatchesAnyWord(identifier, words);

    public NameWords ScoreNames { get; }

    /// <summary>Plurals of the score words, for collections of scores (<c>probabilities[i]</c>).</summary>
    public NameWords ScoreCollectionNames { get; }

    /// <summary>The score words that count only on a model's output (<c>score</c>), with the user's exclusions.</summary>
    public NameWords ModelScoreNames { get; }

    /// <summary>Plurals of <see cref="ModelScoreNames"/> (<c>scores[i]</c>).</summary>
    public NameWords ModelScoreCollectionNames { get; }

    /// <summary>The raw option values, as a cache key.</summary>
    public static string Key(AnalyzerConfigOptions options)
    {
        options.TryGetValue(DefaultPatternsKey, out var d);
        options.TryGetValue(ResamplerKey, out var r);
        options.TryGetValue(SplitterKey, out var s);
        options.TryGetValue(CrossValidationKey, out var c);
        options.TryGetValue(EvaluationNamesKey, out var e);
        options.TryGetValue(ScoreNamesKey, out var p);
        options.TryGetValue(TestNamesKey, out var t);
        options.TryGetValue(ValidationNamesKey, out var v);
        return d == null && r == null && s == null && c == null && e == null && p == null && t == null && v == null
            ? string.Empty
            : string.Join("\u0001", d, r, s, c, e, p, t, v);
    }

    public static AnalyzerSettings From(AnalyzerConfigOptions options)
    {
        options.TryGetValue(DefaultPatternsKey, out var d);
        options.TryGetValue(ResamplerKey, out var r);
        options.TryGetValue(SplitterKey, out var s);
        options.TryGetValue(CrossValidationKey, out var c);
        options.TryGetValue(EvaluationNamesKey, out var e);
        options.TryGetValue(ScoreNamesKey, out var p);
        options.TryGetValue(TestNamesKey, out var t);
        options.TryGetValue(ValidationNamesKey, out var v);
        return new AnalyzerSettings(d, r, s, c, e, p, t, v);
    }

    private static bool IsPlainWord(string entry) => entry.Length > 0 && entry[0] != '!' && entry.IndexOf('*') < 0;

    /// <summary>The plurals of the plain words (probability → probabilities, score → scores), with the exclusions kept.</summary>
    private static List<string> Plurals(List<string> entries)
    {
        var plural = new List<string>();
        foreach (var entry in entries)
        {
            if (IsPlainWord(entry))
            {
                plural.Add(entry.EndsWith("y", StringComparison.OrdinalIgnoreCase) ? entry.Substring(0, entry.Length - 1) + "ies" : entry + "s");
            }
            else if (entry.Length > 0 && entry[0] == '!')
            {
                plural.Add(entry);
            }
        }

        return plural;
    }

    private static IEnumerable<string> Combine(string[] defaults, string? configured)
    {
        foreach (var entry in defaults)
        {
            yield return entry;
        }

        if (configured == null)
        {
            yield break;
        }

        foreach (var entry in configured.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            yield return entry.Trim();
        }
    }
}
