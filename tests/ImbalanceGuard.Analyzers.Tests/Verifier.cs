using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace ImbalanceGuard.Analyzers.Tests;

/// <summary>
/// The one place the test compilations are set up: .NET 8 reference assemblies (the version the package
/// mirror serves), ML.NET (the test project's own, <c>MlNetVersion</c> in Directory.Packages.props) and the net8.0
/// build of ImbalanceGuard, and global usings for all three.
/// Expected diagnostics are written in the sources as <c>{|IG0001:code|}</c> markup.
/// </summary>
public static class Verifier
{
    public static readonly ReferenceAssemblies Net80 = new(
        "net8.0",
        new PackageIdentity("Microsoft.NETCore.App.Ref", "8.0.31"),
        Path.Combine("ref", "net8.0"));

    public const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using ImbalanceGuard;
        global using ImbalanceGuard.Annotations;
        global using ImbalanceGuard.Evaluation;
        global using ImbalanceGuard.Models;
        global using ImbalanceGuard.Pipelines;
        global using ImbalanceGuard.ML;
        global using ImbalanceGuard.Sampling;
        global using Microsoft.ML;
        global using Microsoft.ML.Data;
        """;

    /// <summary>Types every test may use: ML.NET row and prediction classes, and a logger of the user's own.</summary>
    public const string Common = """
        namespace App;

        public sealed class Transaction
        {
            public float Amount { get; set; }
            public float Age { get; set; }
            public bool Label { get; set; }
            public bool IsFraud => Label;
        }

        public sealed class FraudPrediction
        {
            [ColumnName("PredictedLabel")]
            public bool IsFraud { get; set; }
            public float Probability { get; set; }
            public float Score { get; set; }
        }

        public interface IAppLogger
        {
            void LogInformation(string message, params object[] arguments);
        }
        """;

    private static readonly Lazy<ImmutableArray<MetadataReference>> LibraryReferences = new(() =>
    {
        var directory = AppContext.BaseDirectory;
        var references = new List<MetadataReference>
        {
            MetadataReference.CreateFromFile(Path.Combine(directory, "reference", "ImbalanceGuard.dll")),
            MetadataReference.CreateFromFile(Path.Combine(directory, "reference", "ImbalanceGuard.ML.dll")),
        };
        foreach (var file in Directory.GetFiles(directory, "Microsoft.ML*.dll"))
        {
            references.Add(MetadataReference.CreateFromFile(file));
        }

        return [.. references];
    });

    /// <summary>The references every test compilation gets besides the framework: ImbalanceGuard and ML.NET.</summary>
    public static ImmutableArray<MetadataReference> References => LibraryReferences.Value;

    /// <summary>
    /// Verifies that <typeparamref name="TAnalyzer"/> reports exactly the diagnostics marked up in <paramref name="source"/>;
    /// <paramref name="otherFiles"/> are more files of the same project (the leakage rules follow data across them).
    /// </summary>

    public static Task VerifyAsync<TAnalyzer>(string source, string? editorConfig = null, bool topLevel = false, bool allowCompilerErrors = false, string[]? otherFiles = null)
        where TAnalyzer : DiagnosticAnalyzer, new()
        => VerifyAsync<TAnalyzer>(source, [], editorConfig, topLevel, allowCompilerErrors, otherFiles);

    /// <summary>
    /// As above, with diagnostics given in full besides the markup (message arguments checked): locations marked
    /// <c>{|#0:code|}</c> in the source, results such as <c>new DiagnosticResult(rule).WithLocation(0).WithArguments(...)</c>.
    /// </summary>
    public static Task VerifyAsync<TAnalyzer>(string source, DiagnosticResult[] expected, string? editorConfig = null, bool topLevel = false, bool allowCompilerErrors = false, string[]? otherFiles = null)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = Net80,
            CompilerDiagnostics = allowCompilerErrors ? CompilerDiagnostics.None : CompilerDiagnostics.Errors,
        };
        test.TestState.Sources.Add(("/0/Test0.cs", source));
        test.ExpectedDiagnostics.AddRange(expected);
        test.TestState.Sources.Add(("/0/GlobalUsings.cs", GlobalUsings + "\nglobal using App;\n"));
        test.TestState.Sources.Add(("/0/Common.cs", Common));
        for (var i = 0; i < (otherFiles?.Length ?? 0); i++)
        {
            test.TestState.Sources.Add(($"/0/Other{i}.cs", otherFiles![i]));
        }
        test.TestState.AdditionalReferences.AddRange(LibraryReferences.Value);
        if (topLevel)
        {
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
        }

        if (editorConfig != null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + editorConfig));
        }

        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var project = solution.GetProject(projectId)!;
            var options = (CSharpParseOptions)project.ParseOptions!;
            return solution.WithProjectParseOptions(projectId, options.WithLanguageVersion(LanguageVersion.CSharp12));
        });
        return test.RunAsync();
    }
}
