namespace ImbalanceGuard.Tests;

/// <summary>Finds files of the repository from a test, wherever the test assembly was built.</summary>
public static class RepositoryFiles
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The path of a file in the repository's <c>data/</c> folder.</summary>
    public static string DataFile(string name) => Path.Combine(Root.Value, "data", name);

    /// <summary>The path of a file under <c>tests/ImbalanceGuard.Tests/</c>, e.g. <c>Models/Fixtures/x.json</c>.</summary>
    public static string TestFile(string relativePath) => Path.Combine(Root.Value, "tests", "ImbalanceGuard.Tests", relativePath);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ImbalanceGuard.sln")) || Directory.Exists(Path.Combine(dir.FullName, "data")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No repository root (a folder with ImbalanceGuard.sln or data/) above {AppContext.BaseDirectory}.");
    }
}
