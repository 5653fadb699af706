using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ImbalanceGuard.Analyzers.Analysis;

/// <summary>
/// What the analyzers recognise by name, from <c>.editorconfig</c> (per file) on top of the defaults:
/// <code>
/// imbalance_guard.resampler_methods = *Balance*, MyCompany.Data.Sampling.*, !*ResampleAudio*
/// imbalance_guard.splitter_methods = *HoldOut*
/// imbalance_guard.cross_validation_methods = *Folds
/// imbalance_guard.evaluation_data_names = audit, backtest
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
    public const string ScoreNamesKey = "imbalance_guard.score_names";
    public const string DefaultPatternsKey = "imbalance_guard.default_patterns";

    public static readonly string[] DefaultResamplers =
        ["*Smote*", "*Adasyn*", "*Oversampl*", "*Undersampl*", "*Resampl*", "*NearMiss*", "*TomekLink*"];

    public static readonly string[] DefaultSplitters =
        ["*TrainTestSplit*", "*SplitTrainTest*", "*TrainValidationSplit*", "*TrainTestValidationSplit*", "*HoldoutSplit*", "*SplitHoldout*"];

    public static readonly string[] DefaultCrossValidation =
        ["*KFold*", "*CrossVal*", "*LeaveOneOut*"];

    public static readonly string[] DefaultEvaluationNames =
        ["test", "testing", "validation", "val", "holdout", "eval", "evaluation", "!train", "!training", "!split", "!splits", "!fold", "!folds"];

    public static readonly string[] DefaultScoreNames =
        ["probability", "prob", "proba", "score", "confidence", "likelihood", "posterior"];

    public static readonly AnalyzerSettings Default = new(null, null, null, null, null, null);

    private AnalyzerSettings(string? defaults, string? resamplers, string? splitters, string? crossValidation, string? evaluationNames, string? scoreNames)
    {
        var useDefaults = !string.Equals(defaults?.Trim(), "false", StringComparison.OrdinalIgnoreCase);
        Resamplers = new MethodPatterns(Combine(useDefaults ? DefaultResamplers : [], resamplers));
        Splitters = new MethodPatterns(Combine(useDefaults ? DefaultSplitters : [], splitters));
        CrossValidation = new MethodPatterns(Combine(useDefaults ? DefaultCrossValidation : [], crossValidation));
        EvaluationNames = new NameWords(Combine(useDefaults ? DefaultEvaluationNames : [], evaluationNames));
        ScoreNames = new NameWords(Combine(useDefaults ? DefaultScoreNames : [], scoreNames));
        var plural = new List<string>();
        foreach (var word in Combine(useDefaults ? DefaultScoreNames : [], scoreNames))
        {
            var w = word.Trim();
            if (w.Length > 0 && w[0] != '!' && w.IndexOf('*') < 0)
            {
                plural.Add(w.EndsWith("y", StringComparison.OrdinalIgnoreCase) ? w.Substring(0, w.Length - 1) + "ies" : w + "s");
            }
        }

        ScoreCollectionNames = new NameWords(plural);
        var fragments = new List<string>();
        foreach (var word in Combine(useDefaults ? DefaultScoreNames : [], scoreNames))
        {
            var w = word.Trim();
            if (w.Length > 0 && w[0] != '!' && w.IndexOf('*') < 0)
            {
                fragments.Add(w);
            }
        }

        ScoreFragments = [.. fragments];
        HasCustomScoreNames = HasGlob(scoreNames);
        HasCustomEvaluationNames = evaluationNames != null && evaluationNames.Trim().Length > 0;
    }

    /// <summary>The score words, for the token scan.</summary>
    public string[] ScoreFragments { get; }

    /// <summary>Whether the score names include a glob (the token scan then always looks further).</summary>
    public bool HasCustomScoreNames { get; }

    /// <summary>Whether evaluation names were configured (the token scan then always looks further).</summary>
    public bool HasCustomEvaluationNames { get; }

    private static bool HasGlob(string? configured) => configured != null && configured.IndexOf('*') >= 0;

    public MethodPatterns Resamplers { get; }

    public MethodPatterns Splitters { get; }

    public MethodPatterns CrossValidation { get; }

    public NameWords EvaluationNames { get; }

    public NameWords ScoreNames { get; }

    /// <summary>Plurals of the score words, for collections of scores (<c>probabilities[i]</c>, <c>scores[i]</c>).</summary>
    public NameWords ScoreCollectionNames { get; }

    /// <summary>The raw option values, as a cache key.</summary>
    public static string Key(AnalyzerConfigOptions options)
    {
        options.TryGetValue(DefaultPatternsKey, out var d);
        options.TryGetValue(ResamplerKey, out var r);
        options.TryGetValue(SplitterKey, out var s);
        options.TryGetValue(CrossValidationKey, out var c);
        options.TryGetValue(EvaluationNamesKey, out var e);
        options.TryGetValue(ScoreNamesKey, out var p);
        return d == null && r == null && s == null && c == null && e == null && p == null
            ? string.Empty
            : string.Join("\u0001", d, r, s, c, e, p);
    }

    public static AnalyzerSettings From(AnalyzerConfigOptions options)
    {
        options.TryGetValue(DefaultPatternsKey, out var d);
        options.TryGetValue(ResamplerKey, out var r);
        options.TryGetValue(SplitterKey, out var s);
        options.TryGetValue(CrossValidationKey, out var c);
        options.TryGetValue(EvaluationNamesKey, out var e);
        options.TryGetValue(ScoreNamesKey, out var p);
        return new AnalyzerSettings(d, r, s, c, e, p);
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
