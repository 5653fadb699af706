// Compiles each C# project under a folder in memory (against the SDK's reference assemblies and ML.NET 5.0.1 from the
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
// The SDK's own reference pack (.NET 10 here): ML.NET 5 needs System.Collections.Immutable 9 or later.
var dotnetRoot = Path.GetFullPath(Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
var referencePacks = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
var referencePack = Directory.GetDirectories(referencePacks).OrderByDescending(d => Version.TryParse(Path.GetFileName(d), out var v) ? v : new Version(0, 0)).First();
references.AddRange(Directory.GetFiles(Directory.GetDirectories(Path.Combine(referencePack, "ref")).Single(), "*.dll").Select(f => MetadataReference.CreateFromFile(f)));
foreach (var package in Directory.GetDirectories(packages, "microsoft.ml*"))
{
    var lib = Path.Combine(package, "5.0.1", "lib", "netstandard2.0");
    if (Directory.Exists(lib))
    {
        references.AddRange(Directory.GetFiles(lib, "*.dll").Select(f => MetadataReference.CreateFromFile(f)));
    }
}

// ML.NET's own dependencies that are not part of the framework.
foreach (var dependency in new[] { "system.numerics.tensors", "system.codedom" })
{
    var folder = Path.Combine(packages, dependency);
    if (!Directory.Exists(folder))
    {
        continue;
    }

    var newest = Directory.GetDirectories(folder).OrderByDescending(d => Version.TryParse(Path.GetFileName(d), out var v) ? v : new Version(0, 0)).First();
    var lib = new[] { "net8.0", "netstandard2.0" }.Select(t => Path.Combine(newest, "lib", t)).FirstOrDefault(Directory.Exists);
    if (lib == null)
    {
        continue;
    }

    foreach (var file in Directory.GetFiles(lib, "*.dll"))
    {
        references.RemoveAll(r => string.Equals(Path.GetFileName(r.Display), Path.GetFileName(file), StringComparison.OrdinalIgnoreCase));
        references.Add(MetadataReference.CreateFromFile(file));
    }
}

ImmutableArray<DiagnosticAnalyzer> analyzers =
[
    new ResampledDataSplitAnalyzer(), new ResamplingOutsideFoldsAnalyzer(), new ResampledEvaluationDataAnalyzer(),
    new PlainAccuracyAnalyzer(), new HardCodedThresholdAnalyzer(), new TunedOnTestDataAnalyzer(),
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

    // Referenced projects are compiled in as source: their types are what the project's code uses.
    foreach (var reference in xml.Descendants().Where(e => e.Name.LocalName == "ProjectReference").Select(e => (string?)e.Attribute("Include")).OfType<string>())
    {
        var referenced = Path.GetFullPath(Path.Combine(directory, reference.Replace('\\', Path.DirectorySeparatorChar)));
        var referencedDirectory = Path.GetDirectoryName(referenced)!;
        if (File.Exists(referenced))
        {
            foreach (var file in Directory.GetFiles(referencedDirectory, "*.cs", SearchOption.AllDirectories))
            {
                var parts = Path.GetRelativePath(referencedDirectory, file).Split(Path.DirectorySeparatorChar);
                if (!parts.Any(p => p is "bin" or "obj") && !OwnedByNestedProject(referencedDirectory, file))
                {
                    files.Add(file);
                }
            }
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
    foreach (var error in compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id + " " + d.GetMessage()).Distinct().Take(3))
    {
        Console.WriteLine($"  (compiler: {error})");
    }

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
