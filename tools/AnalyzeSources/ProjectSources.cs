using System.Xml.Linq;

/// <summary>
/// What one .csproj compiles, read without MSBuild (its packages cannot be restored here): its own .cs files, the
/// files it links with <c>Compile Include</c>, what it references (projects, and assemblies by name, which another
/// project of the corpus may build), and the few properties that change how those files parse and bind (implicit
/// usings, preprocessor symbols, output kind).
/// </summary>
internal sealed class ProjectSources
{
    private ProjectSources(string assemblyName, IReadOnlyCollection<string> files, IReadOnlyList<string> projectReferences, IReadOnlyList<string> assemblyReferences, bool implicitUsings, IReadOnlyList<string> symbols, bool exe)
    {
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
    /// Gets the simple names of the assemblies it references with <c>Reference</c> (a package's or a HintPath's
    /// binary: Accord.NET's samples reference the Accord packages that the same repository builds).
    /// </summary>
    public IReadOnlyList<string> AssemblyReferences { get; }

    /// <summary>Gets a value indicating whether the project (or a Directory.Build.props above it) enables implicit usings.</summary>
    public bool ImplicitUsings { get; }

    /// <summary>Gets the preprocessor symbols of the first target framework the project lists, plus the unconditional ones.</summary>
    public IReadOnlyList<string> PreprocessorSymbols { get; }

    /// <summary>Gets a value indicating whether the project builds an executable (top-level statements need it).</summary>
    public bool IsExe { get; }

    /// <summary>Reads a project file.</summary>
    public static ProjectSources Read(string project, string root)
    {
        var directory = Path.GetDirectoryName(project)!;
        var xml = XDocument.Load(project);
        var props = BuildProps(directory, root).Select(XDocument.Load).ToList();
        var files = new SortedSet<string>(OwnFiles(directory), StringComparer.Ordinal);
        foreach (var include in Items(xml, "Compile"))
        {
            var path = Path.GetFullPath(Path.Combine(directory, include.Replace('\\', Path.DirectorySeparatorChar)));
            if (File.Exists(path))
            {
                files.Add(path);
            }
        }

        var projectReferences = Items(xml, "ProjectReference")
            .Select(r => Path.GetFullPath(Path.Combine(directory, r.Replace('\\', Path.DirectorySeparatorChar))))
            .ToList();
        var assemblyReferences = Items(xml, "Reference").Select(r => r.Split(',')[0].Trim()).ToList();
        var assemblyName = xml.Descendants().FirstOrDefault(e => e.Name.LocalName == "AssemblyName")?.Value.Trim() is { Length: > 0 } name && !name.Contains("$(", StringComparison.Ordinal)
            ? Uri.UnescapeDataString(name)
            : Path.GetFileNameWithoutExtension(project);
        var documents = props.Prepend(xml).ToList();
        var implicitUsings = documents.SelectMany(d => d.Descendants()).Any(e => e.Name.LocalName == "ImplicitUsings" && e.Value.Trim() is "enable" or "true");
        var exe = xml.Descendants().Any(e => e.Name.LocalName == "OutputType" && e.Value.Trim().Equals("Exe", StringComparison.OrdinalIgnoreCase));
        return new ProjectSources(assemblyName, files, projectReferences, assemblyReferences, implicitUsings, Symbols(documents), exe);
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
    /// The symbols of one build: the SDK's for .NET, the unconditional <c>DefineConstants</c>, and those of the first
    /// target-framework-conditioned group (multi-targeting projects such as Newtonsoft.Json list their newest first
    /// and hide their async code behind such symbols). Configuration-conditioned groups are left out.
    /// </summary>
    private static List<string> Symbols(IEnumerable<XDocument> documents)
    {
        var symbols = new List<string> { "NET", "NETCOREAPP", "RELEASE", "TRACE" };
        var frameworkGroupTaken = false;
        foreach (var define in documents.SelectMany(d => d.Descendants()).Where(e => e.Name.LocalName == "DefineConstants"))
        {
            var condition = string.Join(" ", define.AncestorsAndSelf().Select(e => (string?)e.Attribute("Condition")).OfType<string>());
            if (condition.Contains("TargetFramework", StringComparison.Ordinal))
            {
                if (frameworkGroupTaken)
                {
                    continue;
                }

                frameworkGroupTaken = true;
            }
            else if (condition.Length > 0)
            {
                continue;
            }

            symbols.AddRange(define.Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(s => !s.StartsWith("$(", StringComparison.Ordinal)));
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
