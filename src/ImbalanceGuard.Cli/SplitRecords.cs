using ImbalanceGuard.Scale;

namespace ImbalanceGuard.Cli;

/// <summary>Reads the split record beside a data file, for the commands that refuse to resample or split a part.</summary>
internal static class SplitRecords
{
    /// <summary>
    /// The record of <paramref name="dataPath"/> once it is checked against the file, or null when the file has none.
    /// </summary>
    /// <exception cref="DataFormatException">The record is unreadable or does not match the file.</exception>
    public static SplitRecord? Check(string dataPath)
    {
        var record = SplitRecord.ReadFor(dataPath);
        if (record is not null && File.Exists(dataPath))
        {
            record.Verify(dataPath);
        }

        return record;
    }

    /// <summary>
    /// Refuses to resample <paramref name="dataPath"/> unless it is training data: the training part of a split (its
    /// record says so), or, with <paramref name="preSplit"/>, a file the user says was split elsewhere. A holdout part
    /// is always refused; a file without a record is unsplit data.
    /// </summary>
    /// <param name="dataPath">The file to resample.</param>
    /// <param name="preSplit">The user said (<c>--pre-split</c>) the file is a training part split elsewhere.</param>
    /// <returns>The file's record, or null for a pre-split file without one.</returns>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="ArgumentException">The file is a holdout part, or has no record and is not said to be pre-split.</exception>
    /// <exception cref="DataFormatException">The record is unreadable or does not match the file.</exception>
    public static SplitRecord? RequireTrainingData(string dataPath, bool preSplit)
    {
        if (!File.Exists(dataPath))
        {
            // A missing file is the problem to name, not its missing record.
            throw new FileNotFoundException($"{dataPath}: no such file.", dataPath);
        }

        var record = Check(dataPath);
        if (record is { Role: SplitRole.Holdout })
        {
            throw new ArgumentException(
                $"{dataPath} is the holdout part of a split of {record.Source.Name} ({SplitRecord.PathFor(dataPath)}): "
                + $"resampling evaluation data makes its scores describe rows the model will never meet. Resample the training part, {record.OtherFile}.");
        }

        if (record is null && !preSplit)
        {
            throw new ArgumentException(
                $"{dataPath} has no split record beside it ({SplitRecord.PathFor(dataPath)}), so it is unsplit data: resampled "
                + "before a split, near-copies of evaluation rows end up in training. Split it first (imbalance-guard split), "
                + "or pass --pre-split if it is the training part of a split made elsewhere.");
        }

        return record;
    }

    /// <summary>
    /// The record of a file resampled from <paramref name="inputPath"/>: training data, with the split it descends from
    /// (the input's record, or a split made elsewhere when the input had none) and one more resampling step.
    /// </summary>
    /// <param name="input">The input's record, or null for a pre-split file without one.</param>
    /// <param name="inputPath">The file that was resampled.</param>
    /// <param name="inputRows">Its data rows.</param>
    /// <param name="output">The resampled file's fingerprint.</param>
    /// <param name="labelColumn">The label column.</param>
    /// <param name="classCounts">The resampled file's rows per class.</param>
    /// <param name="method">The sampler's name.</param>
    /// <param name="seed">The seed given, if any.</param>
    /// <param name="parameters">The parameters given, as <c>KEY=VALUE</c>.</param>
    public static SplitRecord Resampled(
        SplitRecord? input,
        string inputPath,
        long inputRows,
        FileFingerprint output,
        string labelColumn,
        IReadOnlyDictionary<string, long> classCounts,
        string method,
        int? seed,
        IReadOnlyList<string> parameters)
    {
        // The input's own fingerprint is in its record, checked against it; a file without a record is read once more.
        var from = input?.File ?? FileFingerprint.Of(inputPath, Path.GetFileName(inputPath), inputRows);
        var step = new ResampleStep(from, method, seed, parameters);
        var parent = input ?? new SplitRecord(SplitRole.Training, from, from, SplitRecord.PreSplitKind, null, null, labelColumn, null, classCounts, null);
        return parent with { Role = SplitRole.Training, File = output, ClassCounts = classCounts, Resampling = [.. parent.Resampling, step] };
    }

    /// <summary>Why a resampled file is not split: its record names the sampler and the file it came from.</summary>
    public static string SplitOfResampledData(string dataPath, SplitRecord record)
    {
        var last = record.Resampling[^1];
        return $"{dataPath} was resampled ({last.Method} of {last.From.Name}, {SplitRecord.PathFor(dataPath)}): splitting resampled data puts "
            + "synthetic or duplicated rows in the holdout part, beside the rows they were made from. Split the original file, then resample the training part.";
    }

    /// <summary>Writes <paramref name="record"/> as indented JSON and a line break.</summary>
    public static void Write(TextWriter writer, SplitRecord record)
    {
        using var buffer = new MemoryStream();
        record.Write(buffer);
        writer.Write(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        writer.WriteLine();
    }
}
