using System.Collections.Immutable;
using System.Reflection.Metadata;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ImbalanceGuard.CompileTests;

/// <summary>
/// The ML.NET bridge keeps the split-aware guarantee: a stratified split's test view, or any plain IDataView,
/// cannot be resampled; only a TrainingDataView can. Compiled in memory against the built assemblies.
/// </summary>
public class MlNetSplitTypesTests
{
    private const string Header = """
        using System;
        using ImbalanceGuard.ML;
        using ImbalanceGuard.Sampling;
        using Microsoft.ML;

        public static class UserCode
        {
            public static void Run(MLContext ml, IDataView data)
            {
                var split = ml.Data.StratifiedTrainTestSplit(data, testFraction: 0.25, seed: 1);

        """;

    private const string Footer = """

            }
        }
        """;

    [Fact]
    public void Resampling_the_test_view_does_not_compile()
        => AssertErrors("var leak = ml.Data.Resample(split.TestSet, new Smote());", "CS1503");

    [Fact]
    public void Resampling_an_unsplit_view_does_not_compile()
        => AssertErrors("var leak = ml.Data.Resample(data, new Smote());", "CS1503");

    [Fact]
    public void Resampling_the_training_view_compiles()
        => AssertErrors("var balanced = ml.Data.Resample(split.TrainSet, new Smote(), [\"Features\"]);");

    [Fact]
    public void The_explicit_escape_hatch_compiles_and_is_greppable()
        => AssertErrors("var declared = ml.Data.Resample(ml.Data.AsTrainingData(data), new Smote());");

    private static void AssertErrors(string statements, params string[] expected)
    {
        var compilation = CSharpCompilation.Create(
            "UserCode",
            [CSharpSyntaxTree.ParseText(Header + statements + Footer, new CSharpParseOptions(LanguageVersion.CSharp12))],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).Distinct().Order().ToArray();
        Assert.Equal(expected.Order(), errors);
    }

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var trusted = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string)!.Split(Path.PathSeparator);
        var here = Directory.GetFiles(AppContext.BaseDirectory, "*.dll")
            .Where(p => Path.GetFileName(p).StartsWith("Microsoft.ML", StringComparison.Ordinal) || Path.GetFileName(p).StartsWith("ImbalanceGuard", StringComparison.Ordinal));
        var framework = trusted.Where(p => string.Equals(Path.GetDirectoryName(p), Path.GetDirectoryName(typeof(object).Assembly.Location), StringComparison.Ordinal));
        return [.. framework.Concat(here).Where(IsManagedAssembly).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    });

    private static bool IsManagedAssembly(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new System.Reflection.PortableExecutable.PEReader(stream);
        return reader.HasMetadata && reader.GetMetadataReader().IsAssembly;
    }
}
