using ImbalanceGuard.Neighbors;

namespace ImbalanceGuard.Sampling;

/// <summary>
/// What a sampler did to its input: the input rows it kept (ascending, repeats allowed) and the rows it made.
/// </summary>
internal sealed class SamplerOutput
{
    public SamplerOutput(int[] kept, SyntheticRows synthetic, IReadOnlyList<string>? warnings = null)
    {
        Kept = kept;
        Synthetic = synthetic;
        Warnings = warnings ?? [];
    }

    public int[] Kept { get; }

    /// <summary>Things the user should know that did not stop the sampler (a class left as it was, fewer rows than asked).</summary>
    public IReadOnlyList<string> Warnings { get; }

    public SyntheticRows Synthetic { get; }

    public int RowCount => Kept.Length + Synthetic.Count;

    /// <summary>Every input row kept, nothing made.</summary>
    public static SamplerOutput KeepAll(SamplerInput input, SyntheticRows synthetic)
        => new([.. Enumerable.Range(0, input.RowCount)], synthetic);

    /// <summary>The input rows whose flag is set, nothing made.</summary>
    public static SamplerOutput KeepWhere(bool[] keep, int dimensions)
    {
        var kept = new int[keep.AsSpan().Count(true)];
        var next = 0;
        for (var i = 0; i < keep.Length; i++)
        {
            if (keep[i])
            {
                kept[next++] = i;
            }
        }

        return new SamplerOutput(kept, SyntheticRows.None(dimensions));
    }

    /// <summary>
    /// The rows of the output as a new input, for a second sampler to work on: a view that reads the kept rows
    /// in the input's matrix and the made rows in their own buffer, so nothing is copied. The input must have a
    /// matrix of its own (not be a view), as every sampler's input from a training set has.
    /// </summary>
    public SamplerInput ToInput(SamplerInput input)
    {
        var labels = new int[RowCount];
        for (var i = 0; i < Kept.Length; i++)
        {
            labels[i] = input.Labels[Kept[i]];
        }

        Synthetic.Labels.CopyTo(labels.AsSpan(Kept.Length));
        var synthetic = Synthetic.Buffer;
        var d = input.Dimensions;

        // An over-sampler keeps every row in order: its rows then follow the input's without a map.
        if (KeepsEveryRow(input.RowCount))
        {
            var points = PointRows.Joined(input.Features, Kept.Length, synthetic, Synthetic.Count, d);
            return SamplerInput.View(points, labels, input.Schema, input.NeighborOptions);
        }

        var map = new int[RowCount];
        Kept.CopyTo(map, 0);
        for (var s = 0; s < Synthetic.Count; s++)
        {
            map[Kept.Length + s] = ~s;
        }

        return SamplerInput.View(PointRows.Mapped(input.Features, synthetic, map, d), labels, input.Schema, input.NeighborOptions);
    }

    /// <summary>Whether every one of the input's <paramref name="rowCount"/> rows is kept, in order (as over-samplers do).</summary>
    public bool KeepsEveryRow(int rowCount)
    {
        if (Kept.Length != rowCount)
        {
            return false;
        }

        for (var i = 0; i < Kept.Length; i++)
        {
            if (Kept[i] != i)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The output of running <paramref name="second"/> on this output (made from <paramref name="input"/>),
    /// expressed in terms of <paramref name="input"/>: kept rows map back to input rows, and rows made by
    /// either sampler keep their parents as input rows.
    /// </summary>
    public SamplerOutput Then(SamplerInput input, SamplerOutput second)
    {
        if (second.Synthetic.Count == 0 && IsStrictlyAscending(second.Kept))
        {
            return ThenSelection(second);
        }

        var kept = new List<int>(second.Kept.Length);
        var synthetic = new SyntheticRows(input.Dimensions, Math.Max(16, Synthetic.Count + second.Synthetic.Count));
        foreach (var row in second.Kept)
        {
            if (row < Kept.Length)
            {
                kept.Add(Kept[row]);
            }
            else
            {
                var s = row - Kept.Length;
                synthetic.Add(Synthetic.Row(s), Synthetic.Label(s), Synthetic.Maker(s), Synthetic.Parents(s));
            }
        }

        var parents = new List<int>();
        for (var s = 0; s < second.Synthetic.Count; s++)
        {
            parents.Clear();
            foreach (var parent in second.Synthetic.Parents(s))
            {
                if (parent < Kept.Length)
                {
                    parents.Add(Kept[parent]);
                }
                else
                {
                    foreach (var grandParent in Synthetic.Parents(parent - Kept.Length))
                    {
                        parents.Add(grandParent);
                    }
                }
            }

            synthetic.Add(second.Synthetic.Row(s), second.Synthetic.Label(s), second.Synthetic.Maker(s), parents.ToArray());
        }

        return new SamplerOutput([.. kept], synthetic, [.. Warnings, .. second.Warnings]);
    }

    /// <summary>
    /// <see cref="Then"/> for a second sampler that only selects: the synthetic rows it kept are kept in place
    /// (this output must not be used afterwards), not copied.
    /// </summary>
    private SamplerOutput ThenSelection(SamplerOutput second)
    {
        // second.Kept is ascending: the kept input rows come first, then the kept made rows.
        var keptInput = second.Kept.AsSpan().IndexOfAnyInRange(Kept.Length, int.MaxValue);
        if (keptInput < 0)
        {
            keptInput = second.Kept.Length;
        }

        var kept = new int[keptInput];
        for (var i = 0; i < kept.Length; i++)
        {
            kept[i] = Kept[second.Kept[i]];
        }

        var keptSynthetic = new int[second.Kept.Length - keptInput];
        for (var s = 0; s < keptSynthetic.Length; s++)
        {
            keptSynthetic[s] = second.Kept[keptInput + s] - Kept.Length;
        }

        Synthetic.KeepOnly(keptSynthetic);
        return new SamplerOutput(kept, Synthetic, [.. Warnings, .. second.Warnings]);
    }

    private static bool IsStrictlyAscending(int[] rows)
    {
        for (var i = 1; i < rows.Length; i++)
        {
            if (rows[i] <= rows[i - 1])
            {
                return false;
            }
        }

        return true;
    }
}
