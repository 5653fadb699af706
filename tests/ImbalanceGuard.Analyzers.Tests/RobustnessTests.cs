using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ImbalanceGuard.Analyzers.Tests;

/// <summary>
/// The analyzers must never crash the compiler's analyzer host (AD0001), whatever the code: incomplete code
/// typed in the IDE, code with errors, and a whole real library. These tests run the Debug build, in which the
/// analyzers rethrow instead of swallowing an unexpected exception, so any exception fails them.
/// </summary>
public class RobustnessTests
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> All =
    [
        new ResampledDataSplitAnalyzer(),
        new ResamplingOutsideFoldsAnalyzer(),
        new ResampledEvaluationDataAnalyzer(),
        new PlainAccuracyAnalyzer(),
        new HardCodedThresholdAnalyzer(),
        new SamplingKeyIsLabelAnalyzer(),
        new PreprocessingBeforeSplitAnalyzer(),
        new TunedOnTestDataAnalyzer(),
    ];

    /// <summary>Code that uses every construct the analyses follow: each is cut short at many points.</summary>
    private const string Sample = """
        static class Everything
        {
            static List<Transaction> Oversample(List<Transaction> rows) => rows;
            static (double[][] X, int[] y) Smote(double[][] X, int[] y) => (X, y);
            static IEnumerable<(int[] Train, int[] Test)> KFold(int n, int k) => [];

            public static double Run(MLContext ml, List<Transaction> rows, double[][] X, int[] y, Dataset data, Sampler sampler)
            {
                rows.AddRange(rows.Where(r => r.IsFraud));
                var view = ml.Data.LoadFromEnumerable(Oversample(rows));
                var split = ml.Data.TrainTestSplit(view, testFraction: 0.2);
                var scaled = ml.Transforms.NormalizeMinMax("Amount").Fit(view).Transform(view);
                var mean = X.Average(r => r[0]);
                X[0][0] = (X[0][0] - mean) / mean;
                var centred = X.Select(r => r[0] - mean).Take(5).Concat(X.Select(r => r[0]).Skip(5)).ToArray();
                var resplit = ml.Data.TrainTestSplit(scaled);
                var (xRes, yRes) = Smote(X, y);
                foreach (var (train, test) in KFold(xRes.Length, 5))
                {
                    var (a, b) = Smote(X, y);
                }

                foreach (var fold in new StratifiedKFold(5).Split(data))
                {
                    var resampled = sampler.Resample(fold.Training);
                    LeakageGuard.EnsureIndependent(resampled, fold.Validation);
                }

                var metrics = ml.BinaryClassification.Evaluate(split.TestSet);
                Console.WriteLine($"Accuracy {metrics.Accuracy:P2}");
                var engine = ml.Model.CreatePredictionEngine<Transaction, FraudPrediction>(null!);
                var flagged = rows.Count(r => engine.Predict(r).Probability > 0.5f);
                try { return metrics.Accuracy > 0.9 ? flagged : -1; }
                catch (Exception) when (flagged > 0) { return metrics.Accuracy; }
                finally { rows.Clear(); }
            }
        }
        """;

    [Fact]
    public async Task Incomplete_code_at_every_cut_never_throws()
    {
        var references = await References();
        var cuts = 0;
        for (var length = 0; length <= Sample.Length; length += 11)
        {
            await AssertNoAnalyzerException(Sample[..length], references);
            cuts++;
        }

        Assert.True(cuts > 100);
    }

    [Theory]
    [InlineData("var x = Oversample(;")]
    [InlineData("foreach (var f in ) { Smote(rows); }")]
    [InlineData("var m = metrics.Accuracy >")]
    [InlineData("Console.WriteLine($\"{metrics.Accuracy:P2\");")]
    [InlineData("var (a, b, c) = Smote(X, y); TrainTestSplit(a)")]
    [InlineData("UnknownType.Resample(unknown).TrainTestSplit().CrossValidate();")]
    [InlineData("if (prediction.Probability > 0.5f")]
    [InlineData("rows.AddRange(rows.Where(r => r.)); ml.Data.TrainTestSplit(")]
    [InlineData("goto end; Smote(X); end: TrainTestSplit(X);")]
    [InlineData("static int Local() { return Local(); } var f = () => { Smote(f); };")]
    [InlineData("var q = from r in rows where r.Label select Oversample(r);")]
    [InlineData("ref var r = ref X[0]; Smote(ref r, out var o);")]
    [InlineData("var mean = X.Average(r => r[0]); var s = X.Select(r => r[0] - mean).Take(; ml.Transforms.NormalizeMinMax().Fit().Transform(s).TrainTestSplit(")]
    [InlineData("foreach (var r in rows) r.Amount /= rows.Max(; X[0][] = (X[0][0] - ) / ; ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(rows))")]
    public async Task Code_with_errors_never_throws(string statements)
    {
        var source = "static class Broken { static double[][] Smote(double[][] X) => X; static void M(MLContext ml, List<Transaction> rows, double[][] X, int[] y, BinaryClassificationMetrics metrics, FraudPrediction prediction) { "
            + statements + " } }";
        await AssertNoAnalyzerException(source, await References());
        await AssertNoAnalyzerException(statements, await References(), OutputKind.ConsoleApplication);
    }

    [Fact]
    public async Task The_whole_runtime_library_analyzes_without_exceptions()
    {
        var root = RepositoryRoot();
        var sources = Directory.GetFiles(Path.Combine(root, "src", "ImbalanceGuard"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .ToList();
        Assert.True(sources.Count > 50);
        var trees = sources.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), new CSharpParseOptions(LanguageVersion.CSharp12), f)).ToList();
        trees.Add(CSharpSyntaxTree.ParseText("global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; global using System.Threading; global using System.Threading.Tasks;"));
        var framework = await Verifier.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var compilation = CSharpCompilation.Create(
            "ImbalanceGuard",
            trees,
            framework,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));
        var exceptions = await AnalyzerExceptions(compilation);
        Assert.Empty(exceptions);
    }

    /// <summary>
    /// In the IDE (and in tools that analyse solutions) a project reference is another compilation: its members'
    /// syntax is in trees this compilation cannot bind. The cross-method summaries must stop there, not throw
    /// (found on public code: "SyntaxTree is not part of the compilation" at every call into a referenced project).
    /// </summary>
    [Fact]
    public async Task Calls_into_a_referenced_projects_source_never_throw()
    {
        var references = await References();
        var parse = new CSharpParseOptions(LanguageVersion.CSharp12);
        var shared = new[]
        {
            CSharpSyntaxTree.ParseText(Verifier.GlobalUsings + "\nglobal using App;\n", parse, "/0/GlobalUsings.cs"),
        };
        var library = CSharpCompilation.Create(
            "Helpers",
            [
                CSharpSyntaxTree.ParseText(Verifier.Common, parse, "/1/Common.cs"),
                CSharpSyntaxTree.ParseText(
                    """
                    namespace App;
                    public class Store
                    {
                        public List<Transaction> Rows = new();
                        public List<Transaction> TestRows => Rows.Skip(10).ToList();
                        public static List<Transaction> Balance(List<Transaction> rows) { rows.AddRange(rows.Where(r => r.IsFraud)); return rows; }
                    }
                    """,
                    parse,
                    "/1/Store.cs"),
                .. shared,
            ],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var app = CSharpCompilation.Create(
            "App",
            [
                CSharpSyntaxTree.ParseText(
                    """
                    namespace App.Main;
                    public class Trainer : App.Store
                    {
                        public object Run(MLContext ml)
                        {
                            var balanced = Balance(Rows);
                            var test = TestRows;
                            return ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(balanced.Concat(test)));
                        }
                    }
                    """,
                    parse,
                    "/0/Trainer.cs"),
                .. shared,
            ],
            references.Add(library.ToMetadataReference()),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(library.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Empty(app.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Empty(await AnalyzerExceptions(app));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory != null && !File.Exists(Path.Combine(directory.FullName, "ImbalanceGuard.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ImbalanceGuard.sln not found above " + AppContext.BaseDirectory);
    }

    private static async Task<ImmutableArray<MetadataReference>> References()
    {
        var framework = await Verifier.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        return framework.AddRange(Verifier.References);
    }

    private static async Task AssertNoAnalyzerException(string source, ImmutableArray<MetadataReference> references, OutputKind kind = OutputKind.DynamicallyLinkedLibrary)
    {
        var parse = new CSharpParseOptions(LanguageVersion.CSharp12);
        var compilation = CSharpCompilation.Create(
            "Broken",
            [
                CSharpSyntaxTree.ParseText(source, parse, "/0/Test0.cs"),
                CSharpSyntaxTree.ParseText(Verifier.GlobalUsings + "\nglobal using App;\n", parse, "/0/GlobalUsings.cs"),
                CSharpSyntaxTree.ParseText(Verifier.Common, parse, "/0/Common.cs"),
            ],
            references,
            new CSharpCompilationOptions(kind));
        var exceptions = await AnalyzerExceptions(compilation);
        Assert.True(exceptions.Count == 0, $"Analyzer exception on:\n{source}\n\n{string.Join("\n\n", exceptions)}");
    }

    private static async Task<List<string>> AnalyzerExceptions(Compilation compilation)
    {
        var exceptions = new List<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            (exception, analyzer, diagnostic) =>
            {
                lock (exceptions)
                {
                    exceptions.Add($"{analyzer.GetType().Name}: {exception}");
                }
            },
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(All, options).GetAnalyzerDiagnosticsAsync();
        exceptions.AddRange(diagnostics.Where(d => d.Id == "AD0001").Select(d => d.ToString()));
        return exceptions;
    }
}
