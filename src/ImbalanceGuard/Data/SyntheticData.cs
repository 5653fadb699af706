using System.Globalization;

namespace ImbalanceGuard;

/// <summary>
/// Synthetic imbalanced data for tests, benchmarks and demonstrations, modelled on scikit-learn's
/// <c>make_classification</c>: Gaussian clusters at the vertices of a hypercube, a few redundant features
/// that are linear combinations of the informative ones, and noise features. Deterministic by seed.
/// </summary>
public static class SyntheticData
{
    // Hypercube vertices are drawn as distinct integers over at most this many bits (as scikit-learn does).
    private const int DistinctVertexBits = 30;

    /// <summary>
    /// Makes a classification problem with a chosen minority share. Each class is made of
    /// <paramref name="clustersPerClass"/> Gaussian clusters, one per distinct random vertex of a hypercube
    /// with side <c>2 × classSeparation</c> in the informative subspace, each with its own random covariance.
    /// The last class (<c>classes - 1</c>; for binary data, <c>1</c>) is the minority and gets
    /// <paramref name="minorityFraction"/> of the rows (rounded); the other classes share the rest equally.
    /// Features are named <c>x0, x1, …</c> and the label column <c>label</c>, with classes <c>0 … classes-1</c>.
    /// </summary>
    /// <param name="rows">The number of rows, at least 1.</param>
    /// <param name="features">The number of features, at least 1.</param>
    /// <param name="informative">Features that carry the class structure, 1 to <paramref name="features"/>.</param>
    /// <param name="classes">The number of classes, at least 2.</param>
    /// <param name="minorityFraction">The share of rows in the last class, in (0, 1/<paramref name="classes"/>].</param>
    /// <param name="seed">Seeds every random draw: the same arguments give the same data.</param>
    /// <param name="redundant">
    /// Features that are random linear combinations of the informative ones; default
    /// <c>min(2, features - informative)</c>. The remaining features are standard normal noise.
    /// </param>
    /// <param name="clustersPerClass">Gaussian clusters per class, default 2.</param>
    /// <param name="classSeparation">Half the side of the hypercube (scikit-learn's <c>class_sep</c>), default 1.</param>
    /// <param name="flipY">The share of rows whose label is replaced by a random class (label noise), default 0.</param>
    /// <param name="shuffle">Shuffle the rows and the feature columns (as scikit-learn does by default).</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range; the message says which and why.</exception>
    public static Dataset MakeClassification(
        int rows,
        int features,
        int informative,
        int classes,
        double minorityFraction,
        int seed,
        int? redundant = null,
        int clustersPerClass = 2,
        double classSeparation = 1.0,
        double flipY = 0.0,
        bool shuffle = true)
    {
        var redundantCount = redundant ?? Math.Min(2, Math.Max(0, features - informative));
        Validate(rows, features, informative, classes, minorityFraction, redundantCount, clustersPerClass, classSeparation, flipY);

        var random = new SeededRandom(seed);
        var clusterCount = classes * clustersPerClass;
        var rowsPerCluster = RowsPerCluster(rows, classes, minorityFraction, clustersPerClass);
        var centroids = HypercubeVertices(clusterCount, informative, random);

        // One random linear map makes the redundant features from the informative ones, for all rows.
        var b = new double[informative * redundantCount];
        FillUniform(b, random, -1, 1);

        // Shuffling is decided up front and each row is written straight to its place: no second copy of big data.
        var rowSlot = Enumerable.Range(0, rows).ToArray();
        var columnSlot = Enumerable.Range(0, features).ToArray();
        if (shuffle)
        {
            random.Shuffle(rowSlot.AsSpan());
            random.Shuffle(columnSlot.AsSpan());
        }

        var d = features;
        var x = new double[rows * d];
        var labels = new int[rows];
        var row = new double[d];
        var draws = new double[informative];
        var a = new double[informative * informative];
        var next = 0;
        for (var k = 0; k < clusterCount; k++)
        {
            // Each cluster is a standard normal cloud skewed by its own random matrix and moved to its vertex.
            FillUniform(a, random, -1, 1);
            for (var r = 0; r < rowsPerCluster[k]; r++, next++)
            {
                MakeRow(row, draws, redundantCount, a, b, centroids.AsSpan(k * informative, informative), classSeparation, random);
                var destination = x.AsSpan(rowSlot[next] * d, d);
                for (var j = 0; j < d; j++)
                {
                    destination[columnSlot[j]] = row[j];
                }

                labels[rowSlot[next]] = k % classes;
            }
        }

        if (flipY > 0)
        {
            for (var r = 0; r < rows; r++)
            {
                if (random.NextDouble() < flipY)
                {
                    labels[r] = random.NextInt(classes);
                }
            }
        }

        var classNames = Enumerable.Range(0, classes).Select(c => c.ToString(CultureInfo.InvariantCulture)).ToArray();
        var featureNames = Enumerable.Range(0, d).Select(j => "x" + j.ToString(CultureInfo.InvariantCulture)).ToArray();
        var schema = new DataSchema(featureNames, new FeatureKind[d], "label", classNames);
        return new Dataset(new RowTable(schema, x, labels, null, ProvenanceTable.Original(rows)));
    }

    private static void Validate(
        int rows, int features, int informative, int classes, double minorityFraction,
        int redundant, int clustersPerClass, double classSeparation, double flipY)
    {
        if (rows < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(rows), rows, "rows must be at least 1.");
        }

        if (features < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(features), features, "features must be at least 1.");
        }

        if ((long)rows * features > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(
                nameof(rows), rows, $"rows × features ({(long)rows * features}) must be at most {Array.MaxLength}, the most values one array can hold.");
        }

        if (informative < 1 || informative > features)
        {
            throw new ArgumentOutOfRangeException(
                nameof(informative), informative, $"informative must be between 1 and features ({features}).");
        }

        if (classes < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(classes), classes, "classes must be at least 2.");
        }

        if (!(minorityFraction > 0 && minorityFraction < 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(minorityFraction), minorityFraction, "minorityFraction must be strictly between 0 and 1.");
        }

        if (minorityFraction > 1.0 / classes)
        {
            throw new ArgumentOutOfRangeException(
                nameof(minorityFraction),
                minorityFraction,
                string.Create(CultureInfo.InvariantCulture, $"minorityFraction must be at most 1/classes ({1.0 / classes:0.####}) so that the last class is the smallest."));
        }

        var minorityRows = MinorityRows(rows, minorityFraction);
        if (minorityRows < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(minorityFraction),
                minorityFraction,
                string.Create(CultureInfo.InvariantCulture, $"{rows} rows × minorityFraction {minorityFraction} rounds to no minority row; use more rows or a larger fraction."));
        }

        if (redundant < 0 || informative + redundant > features)
        {
            throw new ArgumentOutOfRangeException(
                nameof(redundant), redundant, $"redundant must be between 0 and features - informative ({features - informative}).");
        }

        if (clustersPerClass < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(clustersPerClass), clustersPerClass, "clustersPerClass must be at least 1.");
        }

        // Each cluster needs its own hypercube vertex.
        var clusters = (long)classes * clustersPerClass;
        if (informative < 62 && clusters > 1L << informative)
        {
            throw new ArgumentOutOfRangeException(
                nameof(informative),
                informative,
                $"classes × clustersPerClass ({clusters}) must be at most 2^informative ({1L << informative}); add informative features or use fewer clusters per class.");
        }

        if (clusters > 1 << DistinctVertexBits)
        {
            throw new ArgumentOutOfRangeException(
                nameof(clustersPerClass), clustersPerClass, $"classes × clustersPerClass ({clusters}) must be at most 2^{DistinctVertexBits}.");
        }

        if (!(classSeparation > 0) || !double.IsFinite(classSeparation))
        {
            throw new ArgumentOutOfRangeException(nameof(classSeparation), classSeparation, "classSeparation must be a positive number.");
        }

        if (!(flipY >= 0 && flipY <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(flipY), flipY, "flipY must be between 0 and 1.");
        }
    }

    private static int MinorityRows(int rows, double minorityFraction)
        => (int)Math.Round(rows * minorityFraction, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Rows per cluster; cluster <c>k</c> belongs to class <c>k % classes</c>. Each class's rows are spread
    /// over its own clusters (remainders to its first clusters), so class sizes are exactly as asked.
    /// </summary>
    private static int[] RowsPerCluster(int rows, int classes, double minorityFraction, int clustersPerClass)
    {
        var perClass = new int[classes];
        perClass[classes - 1] = MinorityRows(rows, minorityFraction);
        var rest = rows - perClass[classes - 1];
        for (var c = 0; c < classes - 1; c++)
        {
            perClass[c] = (rest / (classes - 1)) + (c < rest % (classes - 1) ? 1 : 0);
        }

        var perCluster = new int[classes * clustersPerClass];
        for (var k = 0; k < perCluster.Length; k++)
        {
            var c = k % classes;
            var nth = k / classes;
            perCluster[k] = (perClass[c] / clustersPerClass) + (nth < perClass[c] % clustersPerClass ? 1 : 0);
        }

        return perCluster;
    }

    /// <summary>Distinct random vertices of the unit hypercube {0, 1}^dimensions, row-major.</summary>
    private static double[] HypercubeVertices(int count, int dimensions, SeededRandom random)
    {
        var distinctBits = Math.Min(dimensions, DistinctVertexBits);
        var codes = random.SampleWithoutReplacement(1 << distinctBits, count);
        var vertices = new double[count * dimensions];
        for (var k = 0; k < count; k++)
        {
            for (var j = 0; j < distinctBits; j++)
            {
                vertices[(k * dimensions) + j] = (codes[k] >> j) & 1;
            }

            // Beyond the distinct bits the coordinates are free: a coin each.
            for (var j = distinctBits; j < dimensions; j++)
            {
                vertices[(k * dimensions) + j] = random.NextInt(2);
            }
        }

        return vertices;
    }

    private static void FillUniform(double[] values, SeededRandom random, double low, double high)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = low + ((high - low) * random.NextDouble());
        }
    }

    /// <summary>One row in unshuffled column order: informative, then redundant, then noise features.</summary>
    private static void MakeRow(
        double[] row, double[] draws, int redundant, double[] a, double[] b, ReadOnlySpan<double> vertex, double classSeparation, SeededRandom random)
    {
        var informative = draws.Length;
        for (var i = 0; i < informative; i++)
        {
            draws[i] = random.NextGaussian();
        }

        for (var j = 0; j < informative; j++)
        {
            var sum = 0.0;
            for (var i = 0; i < informative; i++)
            {
                sum += draws[i] * a[(i * informative) + j];
            }

            row[j] = sum + (classSeparation * ((2 * vertex[j]) - 1));
        }

        for (var j = 0; j < redundant; j++)
        {
            var sum = 0.0;
            for (var i = 0; i < informative; i++)
            {
                sum += row[i] * b[(i * redundant) + j];
            }

            row[informative + j] = sum;
        }

        for (var j = informative + redundant; j < row.Length; j++)
        {
            row[j] = random.NextGaussian();
        }
    }
}
