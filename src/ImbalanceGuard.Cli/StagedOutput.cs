using System.Text;

namespace ImbalanceGuard.Cli;

/// <summary>
/// Output files written in full to temporary files beside their targets and moved into place only by
/// <see cref="Commit"/>, all together: a failure at any point leaves no partial file and leaves any file
/// that was already there as it was.
/// </summary>
internal sealed class StagedOutput : IDisposable
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly List<(string Temporary, string Target)> _files = [];

    /// <summary>Checks that <paramref name="path"/> can be written and returns its full path.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="ArgumentException">The path is a folder or is already an output of this command.</exception>
    public string Reserve(string path, string option)
    {
        var target = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(target) ?? throw new ArgumentException($"{option} {path}: not a file path.");
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"{option} {path}: the folder {folder} does not exist.");
        }

        if (Directory.Exists(target))
        {
            throw new ArgumentException($"{option} {path}: that is a folder; give a file name.");
        }

        if (_files.Any(f => string.Equals(f.Target, target, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"{option} {path}: that file is already another output of this command.");
        }

        _files.Add((Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp"), target));
        return target;
    }

    /// <summary>Writes the reserved file <paramref name="target"/> (UTF-8, no byte-order mark) to its temporary file.</summary>
    public void Write(string target, Action<TextWriter> write)
    {
        var temporary = _files.Single(f => f.Target == target).Temporary;
        using var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        using var writer = new StreamWriter(stream, Utf8NoBom);
        write(writer);
    }

    /// <summary>Moves every written file into place; if one move fails, the ones before it are undone.</summary>
    public void Commit()
    {
        var done = new List<(string Target, string? Backup)>();
        try
        {
            foreach (var (temporary, target) in _files)
            {
                if (File.Exists(target))
                {
                    var backup = $"{temporary}.previous";
                    File.Replace(temporary, target, backup);
                    done.Add((target, backup));
                }
                else
                {
                    File.Move(temporary, target);
                    done.Add((target, null));
                }
            }
        }
        catch
        {
            RollBack(done);
            throw;
        }

        foreach (var (_, backup) in done)
        {
            TryDelete(backup);
        }
    }

    /// <summary>Removes temporary files left by a failure before or during <see cref="Commit"/>.</summary>
    public void Dispose()
    {
        foreach (var (temporary, _) in _files)
        {
            TryDelete(temporary);
        }
    }

    private static void RollBack(List<(string Target, string? Backup)> done)
    {
        for (var i = done.Count - 1; i >= 0; i--)
        {
            var (target, backup) = done[i];
            try
            {
                if (backup is null)
                {
                    File.Delete(target);
                }
                else
                {
                    File.Move(backup, target, overwrite: true);
                }
            }
            catch (IOException)
            {
                // Best effort: the original error is the one to report.
            }
            catch (UnauthorizedAccessException)
            {
                // As above.
            }
        }
    }

    private static void TryDelete(string? path)
    {
        if (path is null)
        {
            return;
        }

        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A leftover temporary file is untidy but harmless; the command's outcome stands.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
