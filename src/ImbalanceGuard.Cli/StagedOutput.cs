using System.Text;

namespace ImbalanceGuard.Cli;

/// <summary>
/// Output files written in full to temporary files beside their targets and moved into place only by
/// <see cref="Commit"/>, all together: a failure or an interruption at any point leaves no partial file and
/// leaves any file that was already there as it was. Every target is checked, and its temporary file
/// created, when it is reserved, before the command does any work.
/// </summary>
internal sealed class StagedOutput : IDisposable
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    // The temporary files of every StagedOutput in the process, for Interruption to remove; and the lock that
    // keeps an interruption from landing between two moves of a commit.
    private static readonly HashSet<string> Live = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();
    private static bool interrupted;

    private readonly string[] _inputs;
    private readonly List<Entry> _files = [];

    /// <param name="inputs">The files the command reads: no output may be one of them.</param>
    public StagedOutput(params string[] inputs)
    {
        _inputs = inputs;
    }

    /// <summary>
    /// Checks that <paramref name="path"/> can be written as <paramref name="format"/>, creates its temporary file
    /// (a unique name beside it) and returns its full path.
    /// </summary>
    /// <exception cref="ArgumentException">The name's ending is not one of the format's, or the path is a folder, an input or already an output.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="OutputException">The folder cannot be written to.</exception>
    public string Reserve(string path, string option, OutputFormat format)
    {
        var where = $"{option} {path}";
        if (!format.Accepts(path))
        {
            throw new ArgumentException($"{where}: the tool writes {format.Name} there; give a file name ending in {format.Endings}.");
        }

        var target = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(target) ?? throw new ArgumentException($"{where}: not a file path.");
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"{where}: the folder {folder} does not exist.");
        }

        if (Directory.Exists(target))
        {
            throw new ArgumentException($"{where}: that is a folder; give a file name.");
        }

        if (_inputs.FirstOrDefault(input => FileIdentity.Same(input, target)) is { } input)
        {
            throw new ArgumentException($"{where}: that is the input file {input}; writing there would replace it. Give another name.");
        }

        if (_files.FirstOrDefault(f => FileIdentity.Same(f.Target, target)) is { } other)
        {
            throw new ArgumentException($"{where}: that file is already another output of this command ({other.Option}).");
        }

        var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            // Created now, so an unwritable folder fails before any work, and never over anyone's file.
            new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None).Dispose();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw OutputException.From(e, option, path);
        }

        lock (Gate)
        {
            Live.Add(temporary);
        }

        _files.Add(new Entry(temporary, target, path, option));
        return target;
    }

    /// <summary>Writes the reserved file <paramref name="target"/> (UTF-8, no byte-order mark) to its temporary file.</summary>
    /// <exception cref="OutputException">The system refused the write (a full disk, a read-only or unwritable destination).</exception>
    public void Write(string target, Action<TextWriter> write)
    {
        var entry = _files.Single(f => f.Target == target);
        try
        {
            using var stream = new FileStream(entry.Temporary, FileMode.Truncate, FileAccess.Write, FileShare.None);
            using var writer = new StreamWriter(stream, Utf8NoBom);
            write(writer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw OutputException.From(e, entry.Option, entry.Given);
        }
    }

    /// <summary>
    /// Lets <paramref name="write"/> write the reserved file <paramref name="target"/> itself, to the temporary path it
    /// is given (for writers that open files by name, such as the DuckDB engine).
    /// </summary>
    /// <exception cref="OutputException">The system refused the write.</exception>
    public void WriteFile(string target, Action<string> write)
    {
        var entry = _files.Single(f => f.Target == target);
        try
        {
            write(entry.Temporary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw OutputException.From(e, entry.Option, entry.Given);
        }
    }

    /// <summary>Moves every written file into place; if one move fails, the ones before it are undone.</summary>
    /// <exception cref="OutputException">A move failed; the files are as they were before.</exception>
    public void Commit()
    {
        lock (Gate)
        {
            if (interrupted)
            {
                throw new OperationCanceledException();
            }

            var done = new List<(string Target, string? Backup)>();
            var current = _files[0];
            try
            {
                foreach (var entry in _files)
                {
                    current = entry;
                    if (File.Exists(entry.Target))
                    {
                        var backup = $"{entry.Temporary}.previous";
                        File.Replace(entry.Temporary, entry.Target, backup);
                        done.Add((entry.Target, backup));
                    }
                    else
                    {
                        File.Move(entry.Temporary, entry.Target);
                        done.Add((entry.Target, null));
                    }

                    Live.Remove(entry.Temporary);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                RollBack(done);
                throw OutputException.From(e, current.Option, current.Given);
            }

            foreach (var (_, backup) in done)
            {
                TryDelete(backup);
            }
        }
    }

    /// <summary>Removes temporary files left by a failure before or during <see cref="Commit"/>.</summary>
    public void Dispose()
    {
        lock (Gate)
        {
            foreach (var entry in _files)
            {
                TryDelete(entry.Temporary);
                Live.Remove(entry.Temporary);
            }
        }
    }

    /// <summary>
    /// On an interruption: removes every temporary file of the process and keeps any commit from starting.
    /// A commit under way finishes first, so the outputs are all in place or none is.
    /// </summary>
    public static void Abandon()
    {
        lock (Gate)
        {
            interrupted = true;
            foreach (var temporary in Live)
            {
                TryDelete(temporary);
            }

            Live.Clear();
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
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Best effort: the original error is the one to report.
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
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary file is untidy but harmless; the command's outcome stands.
        }
    }

    private sealed record Entry(string Temporary, string Target, string Given, string Option);
}
