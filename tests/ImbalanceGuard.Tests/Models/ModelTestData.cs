using System.Text.Json;

namespace ImbalanceGuard.Tests.Models;

/// <summary>Data for the model tests: the repository's CSV files, standardised, and the scikit-learn fixtures.</summary>
internal static class ModelTestData
{
    /// <summary>A dataset of the repository, features standardised like scikit-learn's StandardScaler.</summary>
    public static Dataset Standardised(string name)
    {
        var data = Dataset.LoadCsv(RepositoryFiles.DataFile(name + ".csv"));
        return WithFeatures(data, Standardise(data.Features.ToArray(), data.FeatureCount));
    }

    /// <summary>Every row of <paramref name="data"/> as a training set (tests only: real code must split first).</summary>
    public static TrainingSet AllRows(Dataset data) => new(data.Table);

    /// <summary>The rows <paramref name="rows"/> of <paramref name="data"/> as a training set.</summary>
    public static TrainingSet Rows(Dataset data, IEnumerable<int> rows) => new(data.Table.Select(rows.ToArray()));

    /// <summary>A training set from arrays: class names are "0", "1", …</summary>
    public static TrainingSet Training(double[] features, int[] labels, int dimensions, double[]? weights = null, int? classCount = null)
    {
        var classes = classCount ?? (labels.Max() + 1);
        var schema = new DataSchema(
            Enumerable.Range(0, dimensions).Select(f => "x" + f).ToArray(),
            new FeatureKind[dimensions],
            "label",
            Enumerable.Range(0, classes).Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        return new TrainingSet(new RowTable(schema, features, labels, weights, ProvenanceTable.Original(labels.Length)));
    }

    public static double[] Standardise(double[] features, int dimensions)
    {
        var rows = features.Length / dimensions;
        var result = new double[features.Length];
        for (var f = 0; f < dimensions; f++)
        {
            var mean = 0.0;
            for (var i = 0; i < rows; i++)
            {
                mean += features[(i * dimensions) + f];
            }

            mean /= rows;
            var variance = 0.0;
            for (var i = 0; i < rows; i++)
            {
                var t = features[(i * dimensions) + f] - mean;
                variance += t * t;
            }

            var scale = Math.Sqrt(variance / rows);
            scale = scale == 0 ? 1 : scale;
            for (var i = 0; i < rows; i++)
            {
                result[(i * dimensions) + f] = (features[(i * dimensions) + f] - mean) / scale;
            }
        }

        return result;
    }

    public static JsonElement Fixture(string name)
    {
        using var stream = File.OpenRead(RepositoryFiles.TestFile(Path.Combine("ImbalanceGuard.Tests", "Models", "Fixtures", name)));
        return JsonDocument.Parse(stream).RootElement.Clone();
    }

    /// <summary>Points around <paramref name="centers"/> with Gaussian noise, <paramref name="perCenter"/> each, in order.</summary>
    public static double[] Blobs(double[] centers, int dimensions, int perCenter, double spread, long seed)
    {
        var random = new SeededRandom(seed);
        var count = centers.Length / dimensions;
        var points = new double[count * perCenter * dimensions];
        for (var c = 0; c < count; c++)
        {
            for (var m = 0; m < perCenter; m++)
            {
                for (var f = 0; f < dimensions; f++)
                {
                    points[(((c * perCenter) + m) * dimensions) + f] = centers[(c * dimensions) + f] + (spread * random.NextGaussian());
                }
            }
        }

        return points;
    }

    private static Dataset WithFeatures(Dataset data, double[] features)
        => new(new RowTable(data.Schema, features, data.Table.Labels, data.Table.Weights, data.Table.Provenance));
}
