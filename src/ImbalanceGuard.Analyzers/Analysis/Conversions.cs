using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ImbalanceGuard.Analyzers.Analysis;

/// <summary>The value under implicit and explicit conversions, which the checks look through.</summary>
internal static class Conversions
{
    public static IOperation Strip(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }
}
