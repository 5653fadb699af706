using ImbalanceGuard.Neighbors;

namespace ImbalanceGuard.Sampling;

/// <summary>
/// SMOTEN (Chawla et al. 2002; imbalanced-learn's <c>SMOTEN</c>) for data whose features are all
/// categorical: neighbours are found with the value difference metric (Stanfill and Waltz 1986; per
/// feature, the squared L1 distance between the class distributions of two values), and each new row takes,
/// feature by feature, the most common value among a random seed row and its <see cref="KNeighbors"/>
/// nearest rows of the class (ties: the smallest value).
/// </summary>
public sealed class Smoten : SeededSampler
{
    private readonly int _kNeighbors = 5;

    // Out of core: the value difference metric's counts over every row of the file, not only the rows in memory.
    private ValueClassCounts? _allRows;

    /// <inheritdoc/>
    public override string Name => "smoten";

    /// <inheritdoc/>
    public override SamplingKind Kind => SamplingKind.OverSampling;

    /// <summary>The neighbours that vote on a new row (<c>k_neighbors</c>), default 5.</summary>
    public int KNeighbors
    {
        get => _kNeighbors;
        init => _kNeighbors = ParameterCheck.AtLeast(value, 1, "k_neighbors");
    }

    internal static Smoten FromParameters(SamplerParameters p) => new()
    {
        SamplingStrategy = p.Strategy(),
        Seed = p.Seed(),
        MaxDegreeOfParallelism = p.Threads(),
        KNeighbors = p.Int("k_neighbors", 5),
    };

    /// <summary>The same sampler, its value difference metric taken from <paramref name="counts"/> (every row's) instead of the input's rows.</summary>
    internal Smoten WithValueCounts(ValueClassCounts counts)
    {
        var copy = (Smoten)MemberwiseClone();
        copy._allRows = counts;
        return copy;
    }

    internal override IEnumerable<RowNeed> RowNeeds(SamplingTargets targets) => PerGrownClass(targets, KNeighbors + 1, "k_neighbors", KNeighbors);

    private protected override SamplerOutput ResampleCore(SamplerInput input, SamplingTargets targets)
    {
        var d = input.Dimensions;
        var k = KNeighbors;

        // Only the rows of the classes to grow are ever compared: only theirs are coded, class after class.
        int[] grown = [.. targets.TargetedClasses.Where(c => targets[c] != 0)];
        int[] coded = [.. grown.SelectMany(input.RowsOfClass)];
        var (codes, distanceTables, levelCounts, probabilities) = ValueDifferenceMetric(input, coded, _allRows);
        var firstCoded = 0;
        var random = new SeededRandom(Seed);
        var synthetic = new SyntheticRows(input.Dimensions, targets.TargetedClasses.Sum(c => Math.Max(targets[c], 0)));
        var parents = new int[k + 1];
        var values = new double[k + 1];
        var tied = new double[k + 1];
        foreach (var c in targets.TargetedClasses)
        {
            if (targets[c] == 0)
            {
                continue;
            }

            var rows = input.RowsOfClass(c);
            var neighbours = Nearest(input, rows, firstCoded, codes, distanceTables, levelCounts, probabilities, k);
            firstCoded += rows.Length;
            for (var i = 0; i < targets[c]; i++)
            {
                var seed = random.NextInt(rows.Length);
                parents[0] = rows[seed];
                for (var j = 0; j < k; j++)
                {
                    parents[j + 1] = rows[neighbours[(seed * k) + j]];
                }

                var row = synthetic.Add(c, Name, parents);
                for (var f = 0; f < d; f++)
                {
                    for (var p = 0; p < parents.Length; p++)
                    {
                        values[p] = input.Row(parents[p])[f];
                    }

                    // The most frequent value, the smallest of equally frequent ones.
                    MostFrequent.Values(values, tied);
                    row[f] = tied[0];
                }
            }
        }

        return SamplerOutput.KeepAll(input, synthetic);
    }

    /// <summary>
    /// Keeps each feature's class distributions P(class | value) over every row, codes the values of the rows
    /// <paramref name="coded"/> (the rows the neighbour searches compare) 0..L-1, and for features with few values
    /// precomputes the L×L table of squared L1 distances between them. With <paramref name="allRows"/>, the values
    /// and their counts by class are those, taken from rows not all in the input.
    /// </summary>
    private static (int[] Codes, double[]?[] Tables, int[] Levels, double[][] Probabilities) ValueDifferenceMetric(SamplerInput input, int[] coded, ValueClassCounts? allRows)
    {
        const int MaxTabledLevels = 512;
        var n = input.RowCount;
        var d = input.Dimensions;
        var classes = input.ClassCount;
        var codes = new int[coded.Length * d];
        var tables = new double[d][];
        var probabilities = new double[d][];
        var levels = new int[d];
        var distinct = new HashSet<double>();
        for (var f = 0; f < d; f++)
        {
            double[] ordered;
            double[] counts;
            if (allRows is not null)
            {
                ordered = allRows.Values(f);
                counts = allRows.Counts(f);
            }
            else
            {
                distinct.Clear();
                for (var i = 0; i < n; i++)
                {
                    distinct.Add(input.Row(i)[f]);
                }

                ordered = [.. distinct];
                Array.Sort(ordered);
                counts = new double[ordered.Length * classes];
                for (var i = 0; i < n; i++)
                {
                    counts[(Array.BinarySearch(ordered, input.Row(i)[f]) * classes) + input.Labels[i]]++;
                }
            }

            levels[f] = ordered.Length;

            for (var i = 0; i < coded.Length; i++)
            {
                codes[(i * d) + f] = Array.BinarySearch(ordered, input.Row(coded[i])[f]);
            }

            for (var v = 0; v < ordered.Length; v++)
            {
                var total = 0.0;
                for (var c = 0; c < classes; c++)
                {
                    total += counts[(v * classes) + c];
                }

                for (var c = 0; c < classes; c++)
                {
                    counts[(v * classes) + c] /= total;
                }
            }

            probabilities[f] = counts;
            if (ordered.Length > MaxTabledLevels)
            {
                continue;
            }

            var table = new double[ordered.Length * ordered.Length];
            for (var a = 0; a < ordered.Length; a++)
            {
                for (var b = 0; b < ordered.Length; b++)
                {
                    table[(a * ordered.Length) + b] = SquaredL1(counts, a, b, classes);
                }
            }

            tables[f] = table;
        }

        return (codes, tables, levels, probabilities);
    }

    private static double SquaredL1(double[] probabilities, int a, int b, int classes)
    {
        var l1 = 0.0;
        for (var c = 0; c < classes; c++)
        {
            l1 += Math.Abs(probabilities[(a * classes) + c] - probabilities[(b * classes) + c]);
        }

        return l1 * l1;
    }

    /// <summary>
    /// The k nearest other rows of the class under the value difference metric (ties: lower row); the codes of
    /// its rows start at coded row <paramref name="firstCoded"/>.
    /// </summary>
    private static int[] Nearest(SamplerInput input, int[] rows, int firstCoded, int[] codes, double[]?[] tables, int[] levels, double[][] probabilities, int k)
    {
        var d = input.Dimensions;
        var classes = input.ClassCount;
        var neighbours = new int[rows.Length * k];
        var distances = new double[rows.Length * k];
        Parallel.For(0, rows.Length, ParallelWork.For((long)rows.Length * rows.Length * d, input.Parallel), i =>
        {
            var top = new TopK(distances.AsSpan(i * k, k), neighbours.AsSpan(i * k, k));
            var a = (firstCoded + i) * d;
            for (var j = 0; j < rows.Length; j++)
            {
                if (j == i)
                {
                    continue;
                }

                var b = (firstCoded + j) * d;
                var distance = 0.0;
                for (var f = 0; f < d; f++)
                {
                    var table = tables[f];
                    distance += table is null
                        ? SquaredL1(probabilities[f], codes[a + f], codes[b + f], classes)
                        : table[(codes[a + f] * levels[f]) + codes[b + f]];
                }

                top.Add(distance, j);
            }

            top.Finish();
        });
        return neighbours;
    }
}
