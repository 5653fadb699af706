using ImbalanceGuard.Neighbors;

namespace ImbalanceGuard.Sampling;

/// <summary>
/// NearMiss (Mani and Zhang 2003; imbalanced-learn's <c>NearMiss</c>): keeps the rows of each targeted
/// class that are closest to the minority class. Version 1 keeps rows with the smallest mean distance to
/// their <see cref="NNeighbors"/> nearest minority rows; version 2, to their <see cref="NNeighbors"/>
/// farthest minority rows; version 3 first shortlists, for every minority row, its
/// <see cref="NNeighborsVer3"/> nearest rows of the class, then keeps the shortlisted rows whose
/// <see cref="NNeighbors"/> nearest minority rows are farthest — so it keeps fewer rows than asked when the
/// shortlist is shorter (with a warning). Deterministic; ties keep row order.
/// </summary>
/// <remarks>
/// The class sizes each version needs are imbalanced-learn 0.10's. The minority is the smallest class, ties
/// broken by first appearance in the rows (imbalanced-learn counts with <c>Counter(y)</c>). Versions 1 and 3
/// need at least <see cref="NNeighbors"/> minority rows. Version 2 needs none beyond one: it ranks every
/// minority row by distance, and a minority smaller than <see cref="NNeighbors"/> is averaged over whole, as
/// imbalanced-learn sums the last <c>n_neighbors</c> columns of a search for all of them. Version 3 also needs
/// <see cref="NNeighborsVer3"/> rows in each targeted class (the minority too, when the strategy targets it);
/// classes the strategy leaves alone need nothing. The checks run in imbalanced-learn's order (class by class;
/// in version 3 a class's shortlist before the minority's neighbours), so the first refusal names the same
/// class and parameter, and a refusal is a <see cref="SamplingException"/>.
/// </remarks>
public sealed class NearMiss : Sampler
{
    private readonly int _version = 1;
    private readonly int _nNeighbors = 3;
    private readonly int _nNeighborsVer3 = 3;

    /// <inheritdoc/>
    public override string Name => "near-miss-" + Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public override SamplingKind Kind => SamplingKind.UnderSampling;

    /// <summary>The heuristic, 1, 2 or 3 (<c>version</c>), default 1.</summary>
    public int Version
    {
        get => _version;
        init => _version = value is >= 1 and <= 3
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Version), value, "version must be 1, 2 or 3.");
    }

    /// <summary>
    /// The number of minority neighbours averaged over (<c>n_neighbors</c>), default 3. Versions 1 and 3 need at
    /// least this many minority rows; version 2 averages over every minority row when there are fewer.
    /// </summary>
    public int NNeighbors
    {
        get => _nNeighbors;
        init => _nNeighbors = ParameterCheck.AtLeast(value, 1, "n_neighbors");
    }

    /// <summary>
    /// Version 3's shortlist size per minority row (<c>n_neighbors_ver3</c>), default 3; each class version 3
    /// under-samples needs at least this many rows. Versions 1 and 2 do not use it.
    /// </summary>
    public int NNeighborsVer3
    {
        get => _nNeighborsVer3;
        init => _nNeighborsVer3 = ParameterCheck.AtLeast(value, 1, "n_neighbors_ver3");
    }

    internal static NearMiss FromParameters(SamplerParameters p, int version) => new()
    {
        SamplingStrategy = p.Strategy(),
        MaxDegreeOfParallelism = p.Threads(),
        Version = version,
        NNeighbors = p.Int("n_neighbors", 3),
        NNeighborsVer3 = p.Int("n_neighbors_ver3", 3),
    };

    private protected override SamplerOutput ResampleCore(SamplerInput input, SamplingTargets targets)
    {
        var minority = input.MinorityByFirstAppearance;
        var minorityRows = input.RowsOfClass(minority);
        RequireClassSizes(input, targets, minority);
        var minorityIndex = input.IndexOf(minorityRows);
        var kept = new List<int>(input.RowCount);
        var warnings = new List<string>();
        for (var c = 0; c < input.ClassCount; c++)
        {
            var rows = input.RowsOfClass(c);
            if (!targets.Targets(c))
            {
                kept.AddRange(rows);
                continue;
            }

            var wanted = targets[c];
            int[] chosen;
            switch (Version)
            {
                case 1:
                    chosen = Nearest(NearestDistanceSums(minorityIndex, input.Features, rows), wanted);
                    break;
                case 2:
                    chosen = Nearest(FarthestDistanceSums(input.Gather(minorityRows), input.Gather(rows), input.Dimensions, input.Parallel), wanted);
                    break;
                default:
                    var shortlist = input.IndexOf(rows).QueryOutsideRows(input.Features, minorityRows, NNeighborsVer3).AllIndices.ToArray()
                        .Distinct().Order().ToArray();
                    var sums = NearestDistanceSums(minorityIndex, input.Features, [.. shortlist.Select(i => rows[i])]);
                    chosen = [.. Farthest(sums, wanted).Select(i => shortlist[i])];
                    if (shortlist.Length < wanted)
                    {
                        warnings.Add(
                            $"{Name}: only {shortlist.Length} rows of class '{input.ClassNames[c]}' are among the {NNeighborsVer3} nearest of a minority row; all were kept (asked for {wanted}).");
                    }

                    break;
            }

            kept.AddRange(chosen.Select(i => rows[i]));
        }

        kept.Sort();
        return new SamplerOutput([.. kept], SyntheticRows.None(input.Dimensions), warnings);
    }

    /// <summary>
    /// Refuses class sizes imbalanced-learn 0.10 refuses, in its order: for each targeted class in class order,
    /// version 3 shortlists n_neighbors_ver3 of the class's rows per minority row, then versions 1 and 3 search
    /// n_neighbors of the minority rows. Version 2 searches all minority rows, however few.
    /// </summary>
    private void RequireClassSizes(SamplerInput input, SamplingTargets targets, int minority)
    {
        var minorityRows = input.ClassCounts[minority];
        for (var c = 0; c < input.ClassCount; c++)
        {
            if (!targets.Targets(c))
            {
                continue;
            }

            if (Version == 3 && input.ClassCounts[c] < NNeighborsVer3)
            {
                throw new SamplingException(string.Create(
                    System.Globalization.CultureInfo.InvariantCulture,
                    $"{Name}: class '{input.ClassNames[c]}' has {input.ClassCounts[c]} rows, but n_neighbors_ver3={NNeighborsVer3} shortlists, for each minority row, the {NNeighborsVer3} nearest rows of that class. Lower n_neighbors_ver3 to at most {input.ClassCounts[c]}."));
            }

            if (Version != 2 && minorityRows < NNeighbors)
            {
                throw new SamplingException(string.Create(
                    System.Globalization.CultureInfo.InvariantCulture,
                    $"{Name}: the minority class '{input.ClassNames[minority]}' has {minorityRows} rows, but n_neighbors={NNeighbors} averages the distances to the {NNeighbors} nearest of them. Lower n_neighbors to at most {minorityRows}, or use version 2, which averages over every minority row when there are fewer."));
            }
        }
    }

    /// <summary>Per row of <paramref name="rows"/> (of <paramref name="matrix"/>), the sum of the distances to its nearest minority rows, nearest first.</summary>
    private double[] NearestDistanceSums(NeighborIndex minorityIndex, double[] matrix, int[] rows)
    {
        var sums = new double[rows.Length];
        minorityIndex.QueryOutsideRowsInChunks(matrix, rows, NNeighbors, (first, neighbours) =>
        {
            for (var q = 0; q < neighbours.QueryCount; q++)
            {
                for (var r = 0; r < NNeighbors; r++)
                {
                    sums[first + q] += neighbours.Distance(q, r);
                }
            }
        });
        return sums;
    }

    /// <summary>
    /// Per query, the sum of the distances to its <see cref="NNeighbors"/> farthest minority rows (to all of them
    /// when there are fewer), in ascending distance order.
    /// </summary>
    private double[] FarthestDistanceSums(double[] minority, double[] queries, int d, ParallelOptions parallel)
    {
        var minorityCount = minority.Length / d;
        var k = Math.Min(NNeighbors, minorityCount);
        var panels = new PointPanels(d, minorityCount);
        for (var j = 0; j < minorityCount; j++)
        {
            panels.Add(minority.AsSpan(j * d, d), j);
        }

        var width = System.Numerics.Vector<double>.Count;
        var sums = new double[queries.Length / d];
        var work = (long)sums.Length * minorityCount * d;
        Parallel.For(0, sums.Length, ParallelWork.For(work, parallel), () => (Largest: new double[k], Lanes: new double[width]), (q, _, scratch) =>
        {
            // The k largest squared distances, ascending.
            var largest = scratch.Largest;
            Array.Fill(largest, double.NegativeInfinity);
            var query = queries.AsSpan(q * d, d);
            for (var panel = 0; panel * width < minorityCount; panel++)
            {
                panels.PanelDistances(query, panel, scratch.Lanes);
                var lanes = Math.Min(width, minorityCount - (panel * width));
                for (var lane = 0; lane < lanes; lane++)
                {
                    var distance = scratch.Lanes[lane];
                    if (distance > largest[0])
                    {
                        var position = 0;
                        while (position + 1 < k && largest[position + 1] < distance)
                        {
                            largest[position] = largest[position + 1];
                            position++;
                        }

                        largest[position] = distance;
                    }
                }
            }

            var sum = 0.0;
            foreach (var distance in largest)
            {
                sum += Math.Sqrt(distance);
            }

            sums[q] = sum;
            return scratch;
        },
        _ => { });
        return sums;
    }

    /// <summary>The positions of the <paramref name="count"/> smallest values; ties in position order.</summary>
    private static int[] Nearest(double[] values, int count)
        => [.. Enumerable.Range(0, values.Length).OrderBy(i => values[i]).Take(count)];

    /// <summary>The positions of the <paramref name="count"/> largest values; ties in position order.</summary>
    private static int[] Farthest(double[] values, int count)
        => [.. Enumerable.Range(0, values.Length).OrderByDescending(i => values[i]).Take(count)];
}
