namespace ImbalanceGuard.Scale;

/// <summary>
/// Finds, in each group of rows, where the <c>k</c> rows with the lowest keys end (ties by row id), from a few
/// counting passes over the rows and without keeping any row: each pass counts, per group, the rows whose key starts
/// with the bits fixed so far, by the next few bits; the bucket where the running count reaches <c>k</c> fixes those
/// bits. When every bit is fixed the boundary key is known, and how many rows at exactly that key to take.
/// Memory: one histogram per group still searching, sized to fit the budget given.
/// </summary>
public sealed class RadixSelection
{
    private const int MostBitsPerPass = 16;

    private readonly int _keyBits;
    private readonly int _passBits;
    private readonly long[] _rows;
    private readonly long[] _targets;
    private readonly ulong[] _prefix;
    private readonly long[] _rank;
    private readonly long[] _inBucket; // rows in the bucket each group's last pass fixed: at the end, rows at the boundary key
    private readonly long[]?[] _histograms;
    private int _fixedBits;

    /// <summary>Prepares the search.</summary>
    /// <param name="groupRows">The rows in each group.</param>
    /// <param name="targets">How many rows to pick in each group, from 0 to its rows.</param>
    /// <param name="keyBits">How many bits the keys have (31 for <see cref="PortableHash"/>, 64 for time keys).</param>
    /// <param name="budgetBytes">The most memory the histograms of one pass may take; the fewer bytes, the more passes.</param>
    /// <exception cref="ArgumentException">The lists differ in length, a target is outside [0, rows], or the budget cannot hold two buckets per group.</exception>
    public RadixSelection(IReadOnlyList<long> groupRows, IReadOnlyList<long> targets, int keyBits, long budgetBytes)
    {
        ArgumentNullException.ThrowIfNull(groupRows);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentOutOfRangeException.ThrowIfLessThan(keyBits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(keyBits, 64);
        if (groupRows.Count != targets.Count)
        {
            throw new ArgumentException($"{targets.Count} targets for {groupRows.Count} groups.", nameof(targets));
        }

        _keyBits = keyBits;
        _rows = [.. groupRows];
        _targets = [.. targets];
        _prefix = new ulong[_rows.Length];
        _rank = new long[_rows.Length];
        _inBucket = new long[_rows.Length];
        _histograms = new long[_rows.Length][];
        var searching = 0;
        for (var g = 0; g < _rows.Length; g++)
        {
            if (_targets[g] < 0 || _targets[g] > _rows[g])
            {
                throw new ArgumentException($"Group {g} has {_rows[g]} rows; cannot pick {_targets[g]}.", nameof(targets));
            }

            _rank[g] = _targets[g];
            searching += Searching(g) ? 1 : 0;
        }

        // As many bits a pass as the budget holds, two buckets (one bit) at the least.
        var bucketsPerGroup = budgetBytes / sizeof(long) / Math.Max(1, searching);
        if (bucketsPerGroup < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(budgetBytes), budgetBytes, $"{budgetBytes} bytes cannot hold two counters for each of {searching} groups.");
        }

        _passBits = Math.Clamp(63 - (int)long.LeadingZeroCount(bucketsPerGroup), 1, MostBitsPerPass);
        StartPass();
    }

    /// <summary>True while a counting pass is still needed.</summary>
    public bool NeedsPass => _fixedBits < _keyBits && Enumerable.Range(0, _rows.Length).Any(Searching);

    /// <summary>The bits this pass counts: a key is in play when its top <see cref="FixedBits"/> bits equal its group's <see cref="Prefix"/>.</summary>
    public int FixedBits => _fixedBits;

    /// <summary>How many bits the current pass resolves.</summary>
    public int PassBits => Math.Min(_passBits, _keyBits - _fixedBits);

    /// <summary>True when group <paramref name="group"/> still searches (it picks some of its rows, not none or all).</summary>
    public bool Searching(int group) => _targets[group] > 0 && _targets[group] < _rows[group];

    /// <summary>The top <see cref="FixedBits"/> bits every key counted in this pass has, in group <paramref name="group"/>.</summary>
    public ulong Prefix(int group) => _prefix[group];

    /// <summary>Counts one row of group <paramref name="group"/> with key <paramref name="key"/> in the current pass.</summary>
    public void Add(int group, ulong key)
    {
        if (_histograms[group] is not { } histogram || !InPlay(group, key))
        {
            return;
        }

        histogram[(int)((key >> (_keyBits - _fixedBits - PassBits)) & ((1UL << PassBits) - 1))]++;
    }

    /// <summary>Counts <paramref name="count"/> rows of group <paramref name="group"/> in bucket <paramref name="bucket"/> (the key's next <see cref="PassBits"/> bits after its prefix), as an engine's GROUP BY gives them.</summary>
    public void AddBucket(int group, ulong bucket, long count)
    {
        if (_histograms[group] is { } histogram)
        {
            histogram[(int)bucket] += count;
        }
    }

    /// <summary>Fixes the bits the pass counted, for every group still searching.</summary>
    /// <exception cref="InvalidOperationException">A group's counts do not add up to its rows (the pass did not see the same rows).</exception>
    public void EndPass()
    {
        var width = PassBits;
        for (var g = 0; g < _rows.Length; g++)
        {
            if (_histograms[g] is not { } histogram)
            {
                continue;
            }

            var below = 0L;
            var bucket = 0;
            while (bucket < histogram.Length && below + histogram[bucket] < _rank[g])
            {
                below += histogram[bucket++];
            }

            if (bucket == histogram.Length)
            {
                throw new InvalidOperationException($"Group {g}: the pass counted {below} rows in play, fewer than the {_rank[g]} still to pick; the input changed between passes.");
            }

            _prefix[g] = (_prefix[g] << width) | (uint)bucket;
            _rank[g] -= below;
            _inBucket[g] = histogram[bucket];
        }

        _fixedBits += width;
        StartPass();
    }

    /// <summary>Where group <paramref name="group"/>'s pick ends; valid once <see cref="NeedsPass"/> is false.</summary>
    /// <exception cref="InvalidOperationException">Passes are still needed.</exception>
    public KeyBoundary Boundary(int group)
    {
        if (_targets[group] == 0)
        {
            return KeyBoundary.None;
        }

        if (_targets[group] == _rows[group])
        {
            return KeyBoundary.All(_rows[group]);
        }

        if (_fixedBits < _keyBits)
        {
            throw new InvalidOperationException("The search needs more passes.");
        }

        return new KeyBoundary(_prefix[group], _rank[group], _inBucket[group]);
    }

    private bool InPlay(int group, ulong key) => _fixedBits == 0 || key >> (_keyBits - _fixedBits) == _prefix[group];

    private void StartPass()
    {
        var buckets = _fixedBits < _keyBits ? 1 << PassBits : 0;
        for (var g = 0; g < _rows.Length; g++)
        {
            _histograms[g] = buckets > 0 && Searching(g) ? new long[buckets] : null;
        }
    }
}
