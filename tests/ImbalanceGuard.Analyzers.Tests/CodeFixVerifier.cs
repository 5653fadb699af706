using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace ImbalanceGuard.Analyzers.Tests;

/// <summary>
/// Before/after tests of the code fixes, on the compilations <see cref="Verifier"/> sets up, except that
/// <c>ImbalanceGuard.ML</c> is not imported globally (a fix that needs it must add the <c>using</c>) and may be left
/// out of the references (a fix that needs the bridge must then not be offered). The fixed code must compile with
/// no error and carry none of the diagnostics marked in the source; Fix All (document, project, solution) must give
/// the same result as fixing one diagnostic after another.
/// </summary>
public static class CodeFixVerifier
{
    private static readonly string GlobalUsingsWithoutBridge = Verifier.GlobalUsings.Replace("global using ImbalanceGuard.ML;\n", string.Empty, StringComparison.Ordinal)
        + "\nglobal using App;\n";

    /// <summary>Verifies that the fix <paramref name="equivalenceKey"/> turns <paramref name="source"/> into <paramref name="fixedSource"/>.</summary>
    /// <param name="source">The code, its diagnostics marked up (<c>{|IG0008:...|}</c>).</param>
    /// <param name="fixedSource">The code after every marked diagnostic is fixed.</param>
    /// <param name="equivalenceKey">Which of the offered fixes to apply.</param>
    /// <param name="bridge">Whether the compilation references ImbalanceGuard's ML.NET bridge.</param>
    /// <param name="topLevel">Whether the code is a program of top-level statements.</param>
    public static Task VerifyAsync<TAnalyzer, TCodeFix>(string source, string fixedSource, string equivalenceKey, bool bridge = true, bool topLevel = false)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            ReferenceAssemblies = Verifier.Net80,
            CodeActionEquivalenceKey = equivalenceKey,
        };
        foreach (var (state, code) in new[] { (test.TestState, source), (test.FixedState, fixedSource) })
        {
            state.Sources.Add(("/0/Test0.cs", code));
            state.Sources.Add(("/0/GlobalUsings.cs", GlobalUsingsWithoutBridge));
            state.Sources.Add(("/0/Common.cs", Verifier.Common));
            state.AdditionalReferences.AddRange(Verifier.References.Where(r => bridge || !IsBridge(r)));
            if (topLevel)
            {
                state.OutputKind = OutputKind.ConsoleApplication;
            }
        }

        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var options = (CSharpParseOptions)solution.GetProject(projectId)!.ParseOptions!;
            return solution.WithProjectParseOptions(projectId, options.WithLanguageVersion(LanguageVersion.CSharp12));
        });
        return test.RunAsync();
    }

    /// <summary>Verifies that no fix with <paramref name="equivalenceKey"/> is offered for the diagnostics marked in <paramref name="source"/>.</summary>
    public static Task VerifyNotOfferedAsync<TAnalyzer, TCodeFix>(string source, string equivalenceKey, bool bridge = true)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
        => VerifyAsync<TAnalyzer, TCodeFix>(source, source, equivalenceKey, bridge);

    private static bool IsBridge(MetadataReference reference)
        => reference is PortableExecutableReference { FilePath: { } path } && Path.GetFileName(path) == "ImbalanceGuard.ML.dll";
}
