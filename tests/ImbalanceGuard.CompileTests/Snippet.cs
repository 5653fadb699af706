using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Metadata;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace ImbalanceGuard.CompileTests;

/// <summary>
/// A piece of user code compiled in memory, as a separate assembly, against the built
/// <c>ImbalanceGuard.dll</c> and the running framework. The text may mark spans with <c>[|</c> and
/// <c>|]</c>: every expected error must lie inside a marked span and every marked span must hold an
/// error, so a snippet cannot pass on an error it was not written to provoke.
/// </summary>
internal sealed class Snippet
{
    /// <summary>
    /// The user assembly's name. ImbalanceGuard grants its internals to <c>ImbalanceGuard.Tests</c> and
    /// <c>ImbalanceGuard.Benchmarks</c> only; any other name sees exactly what a user sees.
    /// </summary>
    public const string AssemblyName = "UserCode";

    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using ImbalanceGuard;
        using ImbalanceGuard.Evaluation;
        using ImbalanceGuard.Models;
        using ImbalanceGuard.Pipelines;
        using ImbalanceGuard.Sampling;
        using ImbalanceGuard.Thresholds;

        """;

    private const string MethodHeader = """
        public static class UserCode
        {
            public static void Run(
                Dataset data,
                TrainingSet training,
                HoldoutSet holdout,
                Fold fold,
                LabeledData labeled,
                Sampler sampler,
                IReadOnlyList<string> groups)
            {

        """;

    private const string MethodFooter = """

            }
        }

        """;

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    private static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        warningLevel: 9999);

    private Snippet(string text, ImmutableArray<TextSpan> marked)
    {
        Text = text;
        Marked = marked;
        Compilation = CSharpCompilation.Create(
            AssemblyName,
            [CSharpSyntaxTree.ParseText(text, ParseOptions, path: "UserCode.cs")],
            References.Value,
            CompilationOptions);
    }

    /// <summary>The compiled text, markers removed.</summary>
    public string Text { get; }

    /// <summary>The spans the snippet marked as where the errors belong.</summary>
    public ImmutableArray<TextSpan> Marked { get; }

    public CSharpCompilation Compilation { get; }

    /// <summary>
    /// The diagnostics a user would see: errors and warnings (hidden and info diagnostics are not shown
    /// by a build), in source order.
    /// </summary>
    public ImmutableArray<Diagnostic> Diagnostics => Compilation.GetDiagnostics()
        .Where(d => d.Severity >= DiagnosticSeverity.Warning)
        .OrderBy(d => d.Location.SourceSpan.Start)
        .ThenBy(d => d.Id, StringComparer.Ordinal)
        .ToImmutableArray();

    /// <summary>
    /// Statements placed in the body of <c>UserCode.Run</c>, whose parameters are in scope: <c>data</c>
    /// (<see cref="Dataset"/>), <c>training</c>, <c>holdout</c>, <c>fold</c>, <c>labeled</c>
    /// (<see cref="LabeledData"/>), <c>sampler</c> and <c>groups</c>.
    /// </summary>
    public static Snippet InMethod(string statements) => Parse(Usings + MethodHeader + statements + MethodFooter);

    /// <summary>Type declarations of a file of their own (after the usual usings).</summary>
    public static Snippet InFile(string declarations) => Parse(Usings + declarations + "\n");

    /// <summary>Asserts that the snippet fails with exactly these errors, in source order, all in marked spans.</summary>
    public Snippet ShouldFailWith(params string[] errorIds)
    {
        Assert.NotEmpty(errorIds);
        Assert.False(Marked.IsEmpty, "A must-fail snippet marks where its errors belong with [| |].");
        var errors = Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(
            errorIds.SequenceEqual(errors.Select(e => e.Id)),
            $"Expected errors [{string.Join(", ", errorIds)}], got:\n{Describe(errors)}");
        foreach (var error in errors)
        {
            var span = error.Location.SourceSpan;
            Assert.True(
                Marked.Any(m => m.Contains(span)),
                $"{error.Id} is outside every marked span:\n{Describe([error])}");
        }

        foreach (var span in Marked)
        {
            Assert.True(
                errors.Any(e => span.Contains(e.Location.SourceSpan)),
                $"The marked span '{Text.Substring(span.Start, span.Length)}' has no error; the errors were:\n{Describe(errors)}");
        }

        return this;
    }

    /// <summary>Asserts that some error's message names all these fragments (for example both types of a bad conversion).</summary>
    public Snippet WithMessageNaming(params string[] fragments)
    {
        var messages = Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))
            .ToArray();
        Assert.True(
            messages.Any(m => fragments.All(f => m.Contains(f, StringComparison.Ordinal))),
            $"No error names {string.Join(" and ", fragments)}; the messages were:\n{string.Join("\n", messages)}");
        return this;
    }

    /// <summary>
    /// Asserts that the snippet compiles with no error and no warning, and emits a loadable assembly.
    /// </summary>
    public Assembly ShouldCompile()
    {
        Assert.True(Marked.IsEmpty, "A must-compile snippet has no error spans.");
        var diagnostics = Diagnostics;
        Assert.True(diagnostics.IsEmpty, $"Expected a clean compilation, got:\n{Describe(diagnostics)}");
        using var image = new MemoryStream();
        var emitted = Compilation.Emit(image);
        Assert.True(emitted.Success, $"Emit failed:\n{Describe(emitted.Diagnostics)}");
        return Assembly.Load(image.ToArray());
    }

    private static Snippet Parse(string marked)
    {
        var text = new StringBuilder(marked.Length);
        var spans = ImmutableArray.CreateBuilder<TextSpan>();
        var open = new Stack<int>();
        for (var i = 0; i < marked.Length; i++)
        {
            if (string.CompareOrdinal(marked, i, "[|", 0, 2) == 0)
            {
                open.Push(text.Length);
                i++;
            }
            else if (string.CompareOrdinal(marked, i, "|]", 0, 2) == 0)
            {
                Assert.True(open.Count > 0, "A |] marker closes nothing.");
                var start = open.Pop();
                spans.Add(TextSpan.FromBounds(start, text.Length));
                i++;
            }
            else
            {
                text.Append(marked[i]);
            }
        }

        Assert.True(open.Count == 0, "A [| marker is not closed.");
        return new Snippet(text.ToString(), spans.ToImmutable());
    }

    private static string Describe(IEnumerable<Diagnostic> diagnostics)
    {
        var lines = diagnostics.Select(d => d.ToString()).ToArray();
        return lines.Length == 0 ? "  (none)" : "  " + string.Join("\n  ", lines);
    }

    /// <summary>
    /// The framework the tests run on (the shared-framework directory of <see cref="object"/>, taken from
    /// the trusted platform assemblies) plus the built ImbalanceGuard.dll, made once for every snippet.
    /// </summary>
    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var trusted = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string
            ?? throw new InvalidOperationException("The host gave no TRUSTED_PLATFORM_ASSEMBLIES.");
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var framework = trusted.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => string.Equals(Path.GetDirectoryName(p), frameworkDirectory, StringComparison.Ordinal))
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Where(IsManagedAssembly)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
        var library = MetadataReference.CreateFromFile(typeof(Dataset).Assembly.Location);
        return [.. framework, library];
    }

    private static bool IsManagedAssembly(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new System.Reflection.PortableExecutable.PEReader(stream);
        return reader.HasMetadata && reader.GetMetadataReader().IsAssembly;
    }
}
