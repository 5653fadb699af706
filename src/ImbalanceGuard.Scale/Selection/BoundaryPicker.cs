namespace ImbalanceGuard.Scale;

/// <summary>
/// Decides row by row, in row-id order, whether a row is picked: its key is below its group's boundary, or equal to
/// it and among the first rows at that key. Rows arrive in row-id order, so a running count per group breaks the ties
/// by row id without sorting or keeping anything.
/// </summary>
public sealed class BoundaryPicker
{
    private readonly KeyBoundary[] _boundaries;
    private readonly long[] _atKey;

    /// <summary>A picker for these boundaries, one per group.</summary>
    public BoundaryPicker(IReadOnlyList<KeyBoundary> boundaries)
    {
        ArgumentNullException.ThrowIfNull(boundaries);
        _boundaries = [.. boundaries];
        _atKey = new long[_boundaries.Length];
    }

    /// <summary>Whether the next row of group <paramref name="group"/> (in row-id order), with key <paramref name="key"/>, is picked.</summary>
    public bool Take(int group, ulong key)
    {
        var boundary = _boundaries[group];
        if (key < boundary.Key)
        {
            return true;
        }

        if (key == boundary.Key && _atKey[group] < boundary.AtKey)
        {
            _atKey[group]++;
            return true;
        }

        return false;
    }
}
