// Compiles each C# project under a folder in memory (against .NET 8 reference assemblies and ML.NET 5.0.1 from the
// local NuGet cache) and reports every ImbalanceGuard diagnostic with its source line, and the compiler errors
// left (references that are not available here), so a reader can judge what the analysis could see.
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ImbalanceGuard.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

var root = Path.GetFullPath(args.Length > 0 ? args[0] : ".");
var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
var references = new List<MetadataReference>();
references.AddRange(Directory.GetFiles(Path.Combine(packages, "microsoft.netcore.app.ref", "8.0.31", "ref", "net8.0"), "*.dll").Select(f => MetadataReference.CreateFromFile(f)));
foreach (var package in Directory.GetDirectories(packages, "microsoft.ml*"))
{
    var lib = Path.Combine(package, "5.0.1", "lib", "netstandard2.0");
    if (Directory.Exists(lib))
    {
        references.AddRange(Directory.GetFiles(lib, "*.dll").Select(f => MetadataReference.CreateFromFile(f)));
    }
}

ImmutableArray<DiagnosticAnalyzer> analyzers =
[
    new ResampledDataSplitAnalyzer(), new ResamplingOutsideFoldsAnalyzer(), new ResampledEvaluationDataAnalyzer(),
    new PlainAccuracyAnalyzer(), new HardCodedThresholdAnalyzer(),
];

var total = 0;
foreach (var project in Directory.GetFiles(root, "*.csproj", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
{
    var directory = Path.GetDirectoryName(project)!;
    var xml = XDocument.Load(project);
    var files = new SortedSet<string>(StringComparer.Ordinal);
    foreach (var file in Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories))
    {
        var relative = Path.GetRelativePath(directory, file);
        var parts = relative.Split(Path.DirectorySeparatorChar);
        if (parts.Any(p => p is "bin" or "obj") || OwnedByNestedProject(directory, file))
        {
            continue;
        }

        files.Add(file);
    }

    foreach (var include in xml.Descendants().Where(e => e.Name.LocalName == "Compile").Select(e => (string?)e.Attribute("Include")).OfType<string>())
    {
        var path = Path.GetFullPath(Path.Combine(directory, include.Replace('\\', Path.DirectorySeparatorChar)));
        if (File.Exists(path))
        {
            files.Add(path);
        }
    }

    var parse = new CSharpParseOptions(LanguageVersion.Latest);
    var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parse, f)).ToList();
    var implicitUsings = xml.Descendants().Any(e => e.Name.LocalName == "ImplicitUsings" && e.Value.Trim() == "enable");
    if (implicitUsings)
    {
        trees.Add(CSharpSyntaxTree.ParseText("global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;", parse));
    }

    var exe = xml.Descendants().Any(e => e.Name.LocalName == "OutputType" && e.Value.Trim().Equals("Exe", StringComparison.OrdinalIgnoreCase));
    var compilation = CSharpCompilation.Create(
        Path.GetFileNameWithoutExtension(project),
        trees,
        references,
        new CSharpCompilationOptions(exe ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
    var errors = compilation.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
    var exceptions = new List<string>();
    var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), (e, a, _) => { lock (exceptions) { exceptions.Add(a.GetType().Name + ": " + e.Message); } }, concurrentAnalysis: true, logAnalyzerExecutionTime: false);
    var diagnostics = (await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync())
        .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start).ToList();
    Console.WriteLine($"## {Path.GetRelativePath(root, project)}: {trees.Count} files, {errors} compiler errors, {diagnostics.Count} IG diagnostics{(exceptions.Count > 0 ? ", ANALYZER EXCEPTIONS: " + string.Join("; ", exceptions) : "")}");
    foreach (var diagnostic in diagnostics)
    {
        var span = diagnostic.Location.GetLineSpan();
        var line = diagnostic.Location.SourceTree!.GetText().Lines[span.StartLinePosition.Line].ToString().Trim();
        Console.WriteLine($"- {diagnostic.Id} {Path.GetRelativePath(root, span.Path)}:{span.StartLinePosition.Line + 1}: `{Regex.Replace(line, @"\s+", " ")}`");
        Console.WriteLine($"  {diagnostic.GetMessage()}");
    }

    total += diagnostics.Count;
}

Console.WriteLine($"Total: {total} IG diagnostics");
return 0;

static bool OwnedByNestedProject(string projectDirectory, string file)
{
    for (var directory = Path.GetDirectoryName(file); directory != null && directory.Length > projectDirectory.Length; directory = Path.GetDirectoryName(directory))
    {
        if (Directory.GetFiles(directory, "*.csproj").Length > 0)
        {
            return true;
        }
    }

    return false;
}
