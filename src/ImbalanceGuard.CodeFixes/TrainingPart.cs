using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ImbalanceGuard.CodeFixes;

/// <summary>One training part of a split: an expression that reads it where the split's result is in scope, its type, and its reads in the code.</summary>
internal sealed class TrainingPart
{
    public TrainingPart(ExpressionSyntax read, ITypeSymbol type, List<ExpressionSyntax> reads)
    {
        Read = read;
        Type = type;
        Reads = reads;
    }

    /// <summary>A fresh expression that reads the part (<c>split.TrainSet</c>, <c>xTrain</c>).</summary>
    public ExpressionSyntax Read { get; }

    public ITypeSymbol Type { get; }

    /// <summary>Where the code reads the part today.</summary>
    public List<ExpressionSyntax> Reads { get; }
}
