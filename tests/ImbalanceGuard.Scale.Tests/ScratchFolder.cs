using System.Globalization;
using System.Text;

namespace ImbalanceGuard.Scale.Tests;

/// <summary>A temporary folder for one test, removed afterwards, with a writer of small labelled CSV files.</summary>
internal sealed class ScratchFolder : IDisposable
{
    public ScratchFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ig-scale-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>
    /// Writes <paramref name="rows"/> rows: pos (the row's position), t (a time that is not in file order), x (a
    /// number) and label (class 1 for every <paramref name="minorityEvery"/>-th row, else 0; class 2 for every 7th).
    /// </summary>
    public string Csv(string name, int rows, int minorityEvery = 10)
    {
        var path = File(name);
        var text = new StringBuilder("pos,t,x,label\n");
        for (var i = 0; i < rows; i++)
        {
            var label = i % 7 == 3 ? 2 : i % minorityEvery == 0 ? 1 : 0;
            text.Append(CultureInfo.InvariantCulture, $"{i},{(i * 7919L) % 100_003},{Math.Sin(i):R},{label}\n");
        }

        System.IO.File.WriteAllText(path, text.ToString());
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort in a temporary folder.
        }
    }
}
