using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ImbalanceGuard.Analyzers.Analysis;

/// <summary>
/// A cheap scan of a code block's tokens (no binding) that decides which analyses can possibly find
/// something there, so that code with no resampler, no accuracy and no 0.5 costs one pass over its tokens.
/// </summary>
internal readonly struct Triggers
{
    private static readonly string[] LibraryResamplers = ["Resample", "FitResample"];
    private static readonly string[] LibrarySinks =
        ["Stratified", "TimeOrdered", "Grouped", "Split", "AssignFolds", "TrainTestSplit", "CrossValidationSplit", "CrossValidate", "CrossValidateNonCalibrated"];

    private static readonly string[] GrowNames = ["Add", "AddRange", "Insert", "InsertRange", "Push", "Enqueue", "AddLast", "AddFirst", "Concat", "Append", "Prepend"];
    private static readonly string[] EvaluationFragments = ["test", "val", "holdout", "eval", "Evaluate"];
    private static readonly string[] ThresholdFragments = ["threshold", "cutoff"];

    private Triggers(bool leakage, bool accuracy, bool threshold)
    {
        Leakage = leakage;
        Accuracy = accuracy;
        Threshold = threshold;
    }

    /// <summary>A resampler may run here (IG0001-IG0003 need one).</summary>
    public bool Leakage { get; }

    /// <summary>Something named accuracy appears (IG0004).</summary>
    public bool Accuracy { get; }

    /// <summary>A 0.5, a threshold, or a score in a comparison appears (IG0005).</summary>
    public bool Threshold { get; }

    public static Triggers Scan(SyntaxNode block, SettingsContext context, System.Threading.CancellationToken cancellationToken)
    {
        var settings = context.Settings;
        var known = context.Known;
        var attributed = context.Compilation.AttributedMethodNames(cancellationToken);
        bool resampler = context.Compilation.ReferencesAnnotatedLibrary, grow = false, sink = false, evaluation = false;
        bool accuracy = false, half = false, thresholdName = false, score = false, comparison = false;
        foreach (var token in block.DescendantTokens())
        {
            switch (token.Kind())
            {
                case SyntaxKind.IdentifierToken:
                {
                    var text = token.ValueText;
                    if (!resampler)
                    {
                        resampler = (known.HasImbalanceGuard && Array.IndexOf(LibraryResamplers, text) >= 0)
                            || settings.Resamplers.MayMatchName(text) || attributed.Contains(text);
                    }

                    grow = grow || Array.IndexOf(GrowNames, text) >= 0;
                    sink = sink || Array.IndexOf(LibrarySinks, text) >= 0 || settings.Splitters.MayMatchName(text)
                        || settings.CrossValidation.MayMatchName(text) || attributed.Contains(text);
                    evaluation = evaluation || ContainsAny(text, EvaluationFragments) || settings.HasCustomEvaluationNames;
                    accuracy = accuracy || text.IndexOf("ccura", StringComparison.OrdinalIgnoreCase) >= 0;
                    thresholdName = thresholdName || ContainsAny(text, ThresholdFragments);
                    score = score || ContainsAny(text, settings.ScoreFragments) || settings.HasCustomScoreNames;
                    break;
                }

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
                    comparison = true;
                    break;
            }
        }

        var leakage = resampler || (grow && (sink || evaluation));
        return new Triggers(leakage, accuracy, half || thresholdName || (score && comparison));
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
