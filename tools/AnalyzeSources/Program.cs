// Compiles each C# project under a folder in memory (against the SDK's reference assemblies and ML.NET 5.0.1 from the
// local NuGet cache) and reports every ImbalanceGuard diagnostic with its source line, and the compiler errors
// left (references that are not available here), so a reader can judge what the analysis could see. Analyzer
// exceptions (AD0001) are counted and make the exit code 2.
using System.Collections.Immutable;
using System.Text.RegularExpressions;
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

// Every analyzer the package ships, found by reflection so that a rule added later is run without editing this list.
var analyzers = typeof(PlainAccuracyAnalyzer).Assembly.GetTypes()
    .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
    .OrderBy(t => t.Name, StringComparer.Ordinal)
    .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
    .ToImmutableArray();
var metadataNames = new HashSet<string>(references.Select(r => Path.GetFileNameWithoutExtension(r.Display!)), StringComparer.OrdinalIgnoreCase);
Console.WriteLine($"# {root}: analyzers {string.Join(", ", analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().Order(StringComparer.Ordinal))}");

// Projects reference each other as compilations, as a build references the other projects' assemblies: each
// project's code is compiled and analysed once, in the project that owns it.
var projects = Directory.GetFiles(root, "*.csproj", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
var sourcesOf = projects.ToDictionary(p => p, p => ProjectSources.Read(p, root), StringComparer.Ordinal);
var projectOfAssembly = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
foreach (var project in projects)
{
    projectOfAssembly.TryAdd(sourcesOf[project].AssemblyName, project);
}

var compilations = new Dictionary<string, CSharpCompilation>(StringComparer.Ordinal);

// The namespaces the .NET SDK imports for a project with implicit usings.
string[] implicitNamespaces = ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];
var total = 0;
var exceptionCount = 0;
var places = new SortedSet<string>(StringComparer.Ordinal);
var perRule = new SortedDictionary<string, int>(StringComparer.Ordinal);
var analyzerTime = TimeSpan.Zero;
var clock = System.Diagnostics.Stopwatch.StartNew();
foreach (var project in projects)
{
    var compilation = Compile(project, new HashSet<string>(StringComparer.Ordinal));
    var trees = compilation.SyntaxTrees.ToList();
    var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    // An analyzer exception is what the compiler reports as AD0001; it is counted, never hidden. The analyzers
    // swallow their own exceptions in Release builds, so this tool references them built in Debug (see the .csproj).
    var exceptions = new List<string>();
    var options = new CompilationWithAnalyzersOptions(
        new AnalyzerOptions([]),
        (e, a, d) => { lock (exceptions) { exceptions.Add($"{a.GetType().Name}: {e.GetType().Name}: {e.Message} at {d.Location.GetLineSpan()}{ThrownIn(e)}"); } },
        concurrentAnalysis: true,
        logAnalyzerExecutionTime: true);
    var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
    var started = clock.Elapsed;
    var all = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
    var elapsed = clock.Elapsed - started;
    var executionTime = TimeSpan.Zero;
    foreach (var analyzer in analyzers)
    {
        executionTime += (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime;
    }

    exceptions.AddRange(all.Where(d => d.Id == "AD0001").Select(d => d.GetMessage()));
    var diagnostics = all.Where(d => d.Id.StartsWith("IG", StringComparison.Ordinal))
        .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start).ToList();
    Console.WriteLine($"## {Path.GetRelativePath(root, project)}: {trees.Count} files, {errors.Count} compiler errors, {diagnostics.Count} IG diagnostics, {exceptions.Count} AD0001, analysis {elapsed.TotalSeconds:0.00} s wall, {executionTime.TotalSeconds:0.00} s analyzer time");
    foreach (var exception in exceptions)
    {
        Console.WriteLine($"  AD0001 {exception}");
    }

    foreach (var error in errors.Select(d => d.Id + " " + d.GetMessage()).Distinct().Take(3))
    {
        Console.WriteLine($"  (compiler: {error})");
    }

    foreach (var diagnostic in diagnostics)
    {
        var span = diagnostic.Location.GetLineSpan();
        var line = diagnostic.Location.SourceTree!.GetText().Lines[span.StartLinePosition.Line].ToString().Trim();
        var place = $"{diagnostic.Id} {Path.GetRelativePath(root, span.Path)}:{span.StartLinePosition.Line + 1}";
        Console.WriteLine($"- {place}: `{Regex.Replace(line, @"\s+", " ")}`");
        Console.WriteLine($"  {diagnostic.GetMessage()}");
        places.Add(place);
        perRule[diagnostic.Id] = perRule.GetValueOrDefault(diagnostic.Id) + 1;
    }

    total += diagnostics.Count;
    exceptionCount += exceptions.Count;
    analyzerTime += executionTime;
}

Console.WriteLine($"Total: {total} IG diagnostics at {places.Count} distinct places ({string.Join(", ", perRule.Select(r => $"{r.Key} {r.Value}"))}), {exceptionCount} AD0001, {clock.Elapsed.TotalSeconds:0.0} s in all, {analyzerTime.TotalSeconds:0.0} s analyzer time");
return exceptionCount == 0 ? 0 : 2;

// A project's compilation, made once. Its references: the framework and ML.NET, and the compilations of the corpus
// projects it references (by ProjectReference, or by assembly name when the corpus builds that assembly), with theirs
// in turn (SDK project references are transitive). A project that reaches itself again is left out (a cycle).
CSharpCompilation Compile(string project, HashSet<string> building)
{
    if (compilations.TryGetValue(project, out var done))
    {
        return done;
    }

    building.Add(project);
    var sources = sourcesOf[project];
    var parse = new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: sources.PreprocessorSymbols);
    var trees = sources.Files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parse, f)).ToList();
    var globalUsings = (sources.ImplicitUsings ? implicitNamespaces : []).Concat(sources.GlobalUsings).Distinct(StringComparer.Ordinal).ToList();
    if (globalUsings.Count > 0)
    {
        trees.Add(CSharpSyntaxTree.ParseText(string.Concat(globalUsings.Select(u => $"global using {u};\n")), parse));
    }

    var dependencies = sources.ProjectReferences.Where(sourcesOf.ContainsKey)
        .Concat(sources.AssemblyReferences.Where(n => !metadataNames.Contains(n)).Select(n => projectOfAssembly.GetValueOrDefault(n)).OfType<string>())
        .Where(d => !building.Contains(d))
        .Distinct(StringComparer.Ordinal)
        .Select(d => Compile(d, building))
        .ToList();
    var projectReferences = new Dictionary<string, MetadataReference>(StringComparer.Ordinal);
    foreach (var dependency in dependencies)
    {
        projectReferences.TryAdd(dependency.AssemblyName!, dependency.ToMetadataReference());
        foreach (var transitive in dependency.References.OfType<CompilationReference>())
        {
            projectReferences.TryAdd(transitive.Compilation.AssemblyName!, transitive);
        }
    }

    projectReferences.Remove(sources.AssemblyName);
    var compilation = CSharpCompilation.Create(
        sources.AssemblyName,
        trees,
        references.Concat(projectReferences.Values),
        new CSharpCompilationOptions(sources.IsExe ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
    building.Remove(project);
    compilations[project] = compilation;
    return compilation;
}

// The analyzers' own frame nearest the throw (an exception thrown inside Roslyn, such as GetSemanticModel's
// ArgumentException, names the analyzer code that called it), so one AD0001 line says where to look.
static string ThrownIn(Exception exception)
{
    var frame = exception.StackTrace?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("at ImbalanceGuard.", StringComparison.Ordinal));
    return frame == null ? "" : $" ({Regex.Replace(frame, @" in .*[/\\]", " in ")})";
}
