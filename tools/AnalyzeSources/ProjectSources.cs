using System.Text.RegularExpressions;
using System.Xml.Linq;

/// <summary>
/// What one .csproj compiles, read without MSBuild (its packages cannot be restored here): its own .cs files, the
/// files it links with <c>Compile Include</c>, what it references (projects, and assemblies by name, which another
/// project of the corpus may build), and the few properties that change how those files parse and bind (implicit
/// usings, preprocessor symbols, output kind).
/// </summary>
internal sealed class ProjectSources
{
    private ProjectSources(string assemblyName, IReadOnlyCollection<string> files, IReadOnlyList<string> projectReferences, IReadOnlyList<string> assemblyReferences, bool implicitUsings, IReadOnlyList<string> usings, IReadOnlyList<string> symbols, bool exe)
    {
        GlobalUsings = usings;
        AssemblyName = assemblyName;
        Files = files;
        ProjectReferences = projectReferences;
        AssemblyReferences = assemblyReferences;
        ImplicitUsings = implicitUsings;
        PreprocessorSymbols = symbols;
        IsExe = exe;
    }

    /// <summary>Gets the name of the assembly the project builds (its <c>AssemblyName</c>, else its file name).</summary>
    public string AssemblyName { get; }

    /// <summary>Gets the full paths of the .cs files compiled, in ordinal order.</summary>
    public IReadOnlyCollection<string> Files { get; }

    /// <summary>Gets the full paths of the projects it references with <c>ProjectReference</c>.</summary>
    public IReadOnlyList<string> ProjectReferences { get; }

    /// <summary>
    /// Gets the simple names of the assemblies and packages it references with <c>Reference</c> or
    /// <c>PackageReference</c> (Accord.NET's samples and Math.NET's examples reference the packages that the same
    /// repository builds; a package is taken for the assembly of the same name).
    /// </summary>
    public IReadOnlyList<string> AssemblyReferences { get; }

    /// <summary>Gets a value indicating whether the project (or a Directory.Build.props above it) enables implicit usings.</summary>
    public bool ImplicitUsings { get; }

    /// <summary>Gets the namespaces of the project's <c>Using</c> items (global usings; <c>static X</c> for static ones).</summary>
    public IReadOnlyList<string> GlobalUsings { get; }

    /// <summary>Gets the preprocessor symbols of the first target framework the project lists, plus the unconditional ones.</summary>
    public IReadOnlyList<string> PreprocessorSymbols { get; }

    /// <summary>Gets a value indicating whether the project builds an executable (top-level statements need it).</summary>
    public bool IsExe { get; }

    /// <summary>
    /// Reads a project file, the Directory.Build.props files above it and what they import (a shared project's
    /// .projitems, a submodule's props: ImageSharp gets its implicit usings, <c>Using</c> items and Guard sources so).
    /// </summary>
    public static ProjectSources Read(string project, string root)
    {
        var directory = Path.GetDirectoryName(project)!;
        var xml = XDocument.Load(project);
        var documents = new List<(XDocument Xml, string Directory)>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        Load(project);
        foreach (var props in BuildProps(directory, root))
        {
            Load(props);
        }

        var files = new SortedSet<string>(OwnFiles(directory), StringComparer.Ordinal);
        foreach (var (document, folder) in documents)
        {
            foreach (var include in Items(document, "Compile"))
            {
                if (Resolve(include, folder, directory) is { } path && File.Exists(path))
                {
                    files.Add(path);
                }
            }
        }

        var projectReferences = Items(xml, "ProjectReference")
            .Select(r => Path.GetFullPath(Path.Combine(directory, r.Replace('\\', Path.DirectorySeparatorChar))))
            .ToList();
        var assemblyReferences = Items(xml, "Reference").Concat(Items(xml, "PackageReference")).Select(r => r.Split(',')[0].Trim()).ToList();
        var assemblyName = xml.Descendants().FirstOrDefault(e => e.Name.LocalName == "AssemblyName")?.Value.Trim() is { Length: > 0 } name && !name.Contains("$(", StringComparison.Ordinal)
            ? Uri.UnescapeDataString(name)
            : Path.GetFileNameWithoutExtension(project);
        var all = documents.Select(d => d.Xml).ToList();
        var implicitUsings = all.SelectMany(d => d.Descendants()).Any(e => e.Name.LocalName == "ImplicitUsings" && e.Value.Trim() is "enable" or "true");
        var usings = all.SelectMany(d => d.Descendants()).Where(e => e.Name.LocalName == "Using" && e.Attribute("Include") != null && e.Attribute("Alias") == null)
            .Select(e => ((string?)e.Attribute("Static") == "true" ? "static " : string.Empty) + (string)e.Attribute("Include")!)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var exe = xml.Descendants().Any(e => e.Name.LocalName == "OutputType" && e.Value.Trim().Equals("Exe", StringComparison.OrdinalIgnoreCase));
        return new ProjectSources(assemblyName, files, projectReferences, assemblyReferences, implicitUsings, usings, Symbols(all), exe);

        void Load(string file)
        {
            file = Path.GetFullPath(file);
            if (!File.Exists(file) || !visited.Add(file))
            {
                return;
            }

            XDocument document;
            try
            {
                document = XDocument.Load(file);
            }
            catch (System.Xml.XmlException)
            {
                return;
            }

            var folder = Path.GetDirectoryName(file)!;
            documents.Add((document, folder));
            foreach (var import in document.Descendants().Where(e => e.Name.LocalName == "Import").Select(e => (string?)e.Attribute("Project")).OfType<string>())
            {
                // An import's relative path is relative to the importing file.
                if (Resolve(import, folder, folder) is { } path)
                {
                    Load(path);
                }
            }
        }
    }

    /// <summary>
    /// An MSBuild path with <c>$(MSBuildThisFileDirectory)</c> (the file that names it) and
    /// <c>$(MSBuildProjectDirectory)</c> put in, relative to <paramref name="relativeTo"/>; null when it needs any
    /// other property or is a wildcard.
    /// </summary>
    private static string? Resolve(string value, string thisFileDirectory, string relativeTo)
    {
        var path = value.Trim()
            .Replace("$(MSBuildThisFileDirectory)", thisFileDirectory + "/", StringComparison.Ordinal)
            .Replace("$(MSBuildProjectDirectory)", relativeTo, StringComparison.Ordinal)
            .Replace('\\', '/');
        return path.Contains("$(", StringComparison.Ordinal) || path.Contains('*', StringComparison.Ordinal) || path.Contains(';', StringComparison.Ordinal)
            ? null
            : Path.GetFullPath(Path.Combine(relativeTo, path));
    }

    /// <summary>The .cs files under a project's folder, less bin/obj and the folders of nested projects.</summary>
    private static IEnumerable<string> OwnFiles(string directory)
    {
        foreach (var file in Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories))
        {
            var parts = Path.GetRelativePath(directory, file).Split(Path.DirectorySeparatorChar);
            if (!parts.Any(p => p is "bin" or "obj") && !OwnedByNestedProject(directory, file))
            {
                yield return file;
            }
        }
    }

    private static IEnumerable<string> Items(XDocument xml, string name) =>
        xml.Descendants().Where(e => e.Name.LocalName == name).Select(e => (string?)e.Attribute("Include")).OfType<string>();

    /// <summary>The Directory.Build.props files from the project's folder up to the corpus root, nearest first.</summary>
    private static IEnumerable<string> BuildProps(string directory, string root)
    {
        for (var folder = directory; folder != null && folder.Length >= root.Length; folder = Path.GetDirectoryName(folder))
        {
            var props = Path.Combine(folder, "Directory.Build.props");
            if (File.Exists(props))
            {
                yield return props;
            }
        }
    }

    /// <summary>
    /// The symbols of one build: the SDK's for .NET, the unconditional <c>DefineConstants</c>, and those of one
    /// target-framework-conditioned group — the first that names a .NET 5+ framework (<c>net8.0</c>), else the first
    /// (multi-targeting projects such as Newtonsoft.Json hide their async code behind such symbols, and its tests
    /// list net46 first). Configuration-conditioned groups are left out.
    /// </summary>
    private static List<string> Symbols(IEnumerable<XDocument> documents)
    {
        var symbols = new List<string> { "NET", "NETCOREAPP", "RELEASE", "TRACE" };
        var defines = documents.SelectMany(d => d.Descendants()).Where(e => e.Name.LocalName == "DefineConstants")
            .Select(e => (Element: e, Condition: string.Join(" ", e.AncestorsAndSelf().Select(a => (string?)a.Attribute("Condition")).OfType<string>())))
            .ToList();
        var frameworkGroups = defines.Where(d => d.Condition.Contains("TargetFramework", StringComparison.Ordinal)).ToList();
        var chosen = frameworkGroups.FirstOrDefault(d => Regex.IsMatch(d.Condition, @"'net[5-9]\d*\.0'|'net1\d\.0'")).Element ?? frameworkGroups.FirstOrDefault().Element;
        foreach (var (define, condition) in defines)
        {
            if (condition.Length == 0 || define == chosen)
            {
                symbols.AddRange(define.Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(s => !s.StartsWith("$(", StringComparison.Ordinal)));
            }
        }

        return symbols.Distinct(StringComparer.Ordinal).ToList();
    }

    private static bool OwnedByNestedProject(string projectDirectory, string file)
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
}
