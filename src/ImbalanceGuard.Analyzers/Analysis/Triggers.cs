using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ImbalanceGuard.Analyzers.Analysis;

/// <summary>What an identifier's text can mean to the analyses.</summary>
[Flags]
internal enum IdentifierKind : ushort
{
    None = 0,
    Resampler = 1,
    Grow = 2,
    Sink = 4,
    Evaluation = 8,
    Accuracy = 16,
    ThresholdName = 32,
    Score = 64,

    /// <summary><c>Take</c>/<c>Skip</c>: a part of a list (hand-written under-sampling, folds or splits).</summary>
    Cut = 128,

    /// <summary><c>Next</c>/<c>NextDouble</c>/<c>NewGuid</c>: a random choice.</summary>
    Random = 256,

    /// <summary>A split or cross-validation name that means nothing else (not <c>Split</c>, which strings have too).</summary>
    NamedSink = 512,

    /// <summary>A name of test data (IG0006).</summary>
    TestData = 1024,

    /// <summary>A call that selects the best (IG0006): Max, MaxBy, OrderBy..., a threshold tuner.</summary>
    Selection = 2048,

    /// <summary>IG0007: an ML.NET estimator that learns from the rows, or a statistic a hand-written scaler uses.</summary>
    Preprocessing = 4096,

    /// <summary>IG0007: <c>Skip</c>, the half of a hand-written <c>Take</c>/<c>Skip</c> split that is rarer in other code.</summary>
    HandSplit = 8192,

    /// <summary>IG0008: an ML.NET split or cross-validation (which take a sampling key), where ML.NET is referenced.</summary>
    MLNetSplit = 16384,
}

/// <summary>
/// A cheap scan of a code block's tokens (no binding) that decides which analyses can possibly find
/// something there, so that code with no resampler, no accuracy and no 0.5 costs one pass over its tokens.
/// </summary>
internal readonly struct Triggers
{
    private static readonly string[] LibraryResamplers = ["Resample", "FitResample"];
    private static readonly string[] ImbalanceGuardSinks = ["Stratified", "TimeOrdered", "Grouped", "Split", "AssignFolds"];
    private static readonly string[] MLNetSinks = ["TrainTestSplit", "CrossValidationSplit", "CrossValidate", "CrossValidateNonCalibrated"];

    /// <summary>IG0007's sources: the ML.NET estimators that learn from the rows, the statistics hand-written scalers use, and FitTransform (scaler classes are known by their names' last word).</summary>
    private static readonly string[] PreprocessingNames =
    [
        "NormalizeMinMax", "NormalizeMeanVariance", "NormalizeLogMeanVariance", "NormalizeBinning", "NormalizeSupervisedBinning",
        "NormalizeRobustScaling", "Normalize", "ReplaceMissingValues", "ProjectToPrincipalComponents", "SelectFeaturesBasedOnMutualInformation",
        "SelectFeaturesBasedOnCount", "FeaturizeText", "Average", "Mean", "Min", "Max", "Median", "StandardDeviation",
        "PopulationStandardDeviation", "Variance", "PopulationVariance", "Quantile", "Percentile", "Std", "StdDev", "FitTransform", "Fit_Transform",
    ];

    private static readonly string[] GrowNames = ["Add", "AddRange", "Insert", "InsertRange", "Push", "Enqueue", "AddLast", "AddFirst", "Concat", "Append", "Prepend"];
    private static readonly string[] EvaluationFragments = ["test", "val", "holdout", "eval", "Evaluate"];
    private static readonly string[] ThresholdFragments = ["threshold", "cutoff"];
    private static readonly string[] TestFragments = ["test", "holdout"];

    // What selects a best candidate besides a comparison: Math.Max/Min, LINQ ranking, the threshold tuners.
    private static readonly string[] SelectionNames =
        ["Max", "Min", "MaxBy", "MinBy", "OrderBy", "OrderByDescending", "Tune", "TuneThreshold"];

    private Triggers(bool leakage, bool accuracy, bool threshold, bool selection, bool samplingKey)
    {
        Leakage = leakage;
        Accuracy = accuracy;
        Threshold = threshold;
        Selection = selection;
        SamplingKey = samplingKey;
    }

    /// <summary>
    /// A resampler may run here, a split or cross-validation call may be given data that another method
    /// resampled or preprocessed (its summary decides), or preprocessing sits next to a hand-written split:
    /// IG0001-IG0003 or IG0007 can find something.
    /// </summary>
    public bool Leakage { get; }

    /// <summary>Something named accuracy appears (IG0004).</summary>
    public bool Accuracy { get; }

    /// <summary>A 0.5, a threshold, or a score in a comparison appears (IG0005).</summary>
    public bool Threshold { get; }

    /// <summary>Test data and something that can select on it (a comparison, Max/Min, MaxBy, OrderBy, a tuner) appear (IG0006).</summary>
    public bool Selection { get; }

    /// <summary>An ML.NET split or cross-validation is named, whose sampling key may be the label (IG0008).</summary>
    public bool SamplingKey { get; }

    public static Triggers Scan(SyntaxNode block, SettingsContext context, System.Threading.CancellationToken cancellationToken)
    {
        var seen = IdentifierKind.None;
        bool half = false, comparison = false, take = false;
        List<SyntaxToken>? grows = null;
        var alwaysResampler = context.Compilation.ReferencesAnnotatedLibrary;
        foreach (var token in block.DescendantTokens())
        {
            switch (token.Kind())
            {
                case SyntaxKind.IdentifierToken:
                    var kind = context.ClassifyIdentifier(token.ValueText, cancellationToken);
                    seen |= kind & ~IdentifierKind.Grow;
                    if ((kind & IdentifierKind.Grow) != 0)
                    {
                        (grows ??= []).Add(token);
                    }

                    take |= token.ValueText == "Take";
                    break;
                case SyntaxKind.NumericLiteralToken:
                    half = half || token.Value switch
                    {
                        double d => d == 0.5,
                        float f => f == 0.5f,
                        decimal m => m == 0.5m,
                        _ => false,
                    };
                    break;
                case SyntaxKind.GreaterThanToken:
                case SyntaxKind.LessThanToken:
                case SyntaxKind.GreaterThanEqualsToken:
                case SyntaxKind.LessThanEqualsToken:
                    // Comparisons, not generic brackets.
                    comparison = comparison || token.Parent is BinaryExpressionSyntax or RelationalPatternSyntax;
                    break;
            }
        }

        var resampler = alwaysResampler || (seen & IdentifierKind.Resampler) != 0;
        var sinkOrEvaluation = (seen & (IdentifierKind.Sink | IdentifierKind.Evaluation)) != 0;
        var cut = (seen & IdentifierKind.Cut) != 0;

        // Only a collection grown with its own rows is hand-written oversampling (list.Add(item) is not), and it
        // matters only beside a split, evaluation data or a cut; checked last, only where it can matter.
        var grow = grows != null && (sinkOrEvaluation || cut) && BodyScan.AnyGrowsWithItself(grows, block);
        var sink = (seen & IdentifierKind.NamedSink) != 0;
        // Hand-written resampling has no name: random Take per class, or a list grown with its own rows and then cut into folds.
        // A random order then Take is per-class under-sampling; Skip beside a random number (a reader's Skip()) is not.
        // IG0007: a learning step or a statistic beside a Take/Skip pair (a named split already wakes the analysis).
        var preprocessedSplit = (seen & IdentifierKind.Preprocessing) != 0 && take && (seen & IdentifierKind.HandSplit) != 0;
        var leakage = resampler || sink || (grow && sinkOrEvaluation) || (cut && grow) || (take && (seen & IdentifierKind.Random) != 0) || preprocessedSplit;
        var threshold = half || (seen & IdentifierKind.ThresholdName) != 0 || ((seen & IdentifierKind.Score) != 0 && comparison);
        var selection = (seen & IdentifierKind.TestData) != 0 && (comparison || (seen & IdentifierKind.Selection) != 0);
        return new Triggers(leakage, (seen & IdentifierKind.Accuracy) != 0, threshold, selection, (seen & IdentifierKind.MLNetSplit) != 0);
    }

    /// <summary>
    /// What <see cref="Scan"/> could at most find in a block whose identifiers have the kinds <paramref name="seen"/>
    /// (<see cref="IdentifierKind.Grow"/> included), given whether <c>Take</c> and a literal that may be 0.5 appear: the
    /// same conditions with the parts that need the tokens (a comparison rather than a generic bracket, a collection
    /// grown with its own rows) taken as true. <see cref="TreeMarks"/> asks it, so that a block it rules out is never scanned.
    /// </summary>
    public static Triggers MayFire(IdentifierKind seen, bool take, bool half, bool alwaysResampler)
    {
        var grow = (seen & IdentifierKind.Grow) != 0;
        var sinkOrEvaluation = (seen & (IdentifierKind.Sink | IdentifierKind.Evaluation)) != 0;
        var cut = (seen & IdentifierKind.Cut) != 0;
        var leakage = alwaysResampler || (seen & (IdentifierKind.Resampler | IdentifierKind.NamedSink)) != 0 || (grow && (sinkOrEvaluation || cut))
            || (take && (seen & IdentifierKind.Random) != 0) || ((seen & IdentifierKind.Preprocessing) != 0 && take && (seen & IdentifierKind.HandSplit) != 0);
        var threshold = half || (seen & (IdentifierKind.ThresholdName | IdentifierKind.Score)) != 0;
        return new Triggers(leakage, (seen & IdentifierKind.Accuracy) != 0, threshold, (seen & IdentifierKind.TestData) != 0, (seen & IdentifierKind.MLNetSplit) != 0);
    }

    /// <summary>What an identifier can start, decided once per distinct identifier text (see <see cref="SettingsContext.ClassifyIdentifier(string, System.Threading.CancellationToken)"/>).</summary>
    public static IdentifierKind Classify(string text, SettingsContext context, System.Threading.CancellationToken cancellationToken)
    {
        var settings = context.Settings;
        var attributed = context.Compilation.AttributedMethodNames(cancellationToken);
        var kind = IdentifierKind.None;
        if ((context.Known.HasImbalanceGuard && Array.IndexOf(LibraryResamplers, text) >= 0) || settings.Resamplers.MayMatchName(text) || attributed.Contains(text))
        {
            kind |= IdentifierKind.Resampler;
        }

        if (Array.IndexOf(PreprocessingNames, text) >= 0 || Checks.PreprocessingBeforeSplitCheck.IsScalerName(text))
        {
            kind |= IdentifierKind.Preprocessing;
        }

        if (text == "Skip")
        {
            kind |= IdentifierKind.HandSplit;
        }

        if (Array.IndexOf(GrowNames, text) >= 0)
        {
            kind |= IdentifierKind.Grow;
        }

        if (text is "Take" or "Skip" or "GetRange")
        {
            kind |= IdentifierKind.Cut;
        }

        if (text is "Next" or "NextDouble" or "NewGuid")
        {
            kind |= IdentifierKind.Random;
        }

        // Library sinks count only where the library is referenced: string.Split is not a fold splitter elsewhere.
        if ((context.Known.HasImbalanceGuard && Array.IndexOf(ImbalanceGuardSinks, text) >= 0) || (context.Known.HasMLNet && Array.IndexOf(MLNetSinks, text) >= 0)
            || settings.Splitters.MayMatchName(text) || settings.CrossValidation.MayMatchName(text) || attributed.Contains(text))
        {
            kind |= IdentifierKind.Sink;
            if (text != "Split")
            {
                kind |= IdentifierKind.NamedSink;
            }
        }

        if (context.Known.HasMLNet && Array.IndexOf(MLNetSinks, text) >= 0)
        {
            kind |= IdentifierKind.MLNetSplit;
        }

        // Substrings first, then the words, as the analyses match them.
        if ((settings.HasCustomEvaluationNames || ContainsAny(text, EvaluationFragments))
            && (text.StartsWith("Evaluate", StringComparison.Ordinal) || settings.IsEvaluationName(text, IdentifierWords.Split(text))))
        {
            kind |= IdentifierKind.Evaluation;
        }

        // A HoldoutSet is test data whatever its name (unless it is a fold's validation part).
        if ((settings.HasCustomTestNames || ContainsAny(text, TestFragments)) && settings.TestNames.MatchesAnyWord(text, IdentifierWords.Split(text)))
        {
            kind |= IdentifierKind.TestData;
        }

        if (Array.IndexOf(SelectionNames, text) >= 0)
        {
            kind |= IdentifierKind.Selection;
        }

        if (text.IndexOf("ccura", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            var words = IdentifierWords.Split(text);
            if (words.Contains("accuracy") || words.Contains("accuracies"))
            {
                kind |= IdentifierKind.Accuracy;
            }
        }
        else if (text.EndsWith("cc", StringComparison.OrdinalIgnoreCase) && IdentifierWords.Last(text) == "acc")
        {
            // acc, oofAcc, valAcc: IG0004 then asks whether a correct / total computation was assigned to it.
            kind |= IdentifierKind.Accuracy;
        }

        if (ContainsAny(text, ThresholdFragments) && IdentifierWords.Last(text) is "threshold" or "cutoff")
        {
            kind |= IdentifierKind.ThresholdName;
        }

        if (settings.HasCustomScoreNames || ContainsAny(text, settings.ScoreFragments))
        {
            var words = IdentifierWords.Split(text);
            if (settings.ScoreNames.MatchesLastWord(text, words) || settings.ScoreCollectionNames.MatchesLastWord(text, words)
                || settings.ModelScoreNames.MatchesLastWord(text, words) || settings.ModelScoreCollectionNames.MatchesLastWord(text, words))
            {
                kind |= IdentifierKind.Score;
            }
        }

        return kind;
    }

    private static bool ContainsAny(string text, string[] fragments)
    {
        foreach (var fragment in fragments)
        {
            if (text.IndexOf(fragment, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
