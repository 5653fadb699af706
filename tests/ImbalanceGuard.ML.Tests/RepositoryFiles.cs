namespace ImbalanceGuard.ML.Tests;

/// <summary>Finds files of the repository (bundled datasets, oracle outputs) from a test's output folder.</summary>
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

    public static string RootDirectory => Root.Value;

    /// <summary>A bundled dataset, e.g. <c>pima.csv</c>.</summary>
    public static string DataFile(string name) => Path.Combine(Root.Value, "data", name);

    /// <summary>A file under <c>tests/</c>, e.g. <c>oracles/samplers/pima.json</c>.</summary>
    public static string TestFile(string relativePath) => Path.Combine(Root.Value, "tests", relativePath);

    public static Dataset LoadData(string name) => Dataset.LoadCsv(DataFile(name));
}
