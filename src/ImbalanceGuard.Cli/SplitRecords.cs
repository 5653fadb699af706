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
    /// <exception cref="ArgumentException">The file is a holdout part, or has no record and is not said to be pre-split.</exception>
    /// <exception cref="DataFormatException">The record is unreadable or does not match the file.</exception>
    public static SplitRecord? RequireTrainingData(string dataPath, bool preSplit)
    {
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
}
