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
}
