namespace ImbalanceGuard.Cli.Tests;

/// <summary>Finds files of the repository (the bundled datasets) from the test's output folder.</summary>
public static class RepositoryFiles
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ImbalanceGuard.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (with ImbalanceGuard.sln) was not found above " + AppContext.BaseDirectory);
    });

    /// <summary>A bundled dataset, e.g. <c>pima.csv</c>.</summary>
    public static string RootDirectory => Root.Value;

    public static string DataFile(string name) => Path.Combine(Root.Value, "data", name);
}
