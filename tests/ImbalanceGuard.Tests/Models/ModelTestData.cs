using System.Text.Json;
using ImbalanceGuard.Models;

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

    /// <summary>The rows of pima-style 5-fold cross-validation of forest_pima.json: fold of each row.</summary>
    public static int[] PimaFolds() => Fixture("forest_pima.json").GetProperty("fold_of_row").EnumerateArray().Select(e => e.GetInt32()).ToArray();

    /// <summary>
    /// Out-of-fold ROC-AUC of a learner on <paramref name="data"/> (binary, positive class 1) over the given
    /// folds; features standardised on each training fold when asked.
    /// </summary>
    public static double OutOfFoldAuc(Dataset data, int[] folds, Func<TrainingSet, IProbabilisticClassifier> fit, bool standardise = false)
    {
        var scores = new double[data.RowCount];
        var d = data.FeatureCount;
        for (var fold = 0; fold <= folds.Max(); fold++)
        {
            var train = Enumerable.Range(0, data.RowCount).Where(i => folds[i] != fold).ToArray();
            var test = Enumerable.Range(0, data.RowCount).Where(i => folds[i] == fold).ToArray();
            TrainingSet training;
            double[] testFeatures;
            if (standardise)
            {
                (training, testFeatures) = StandardiseOn(data, train, test);
            }
            else
            {
                training = Rows(data, train);
                testFeatures = data.Table.Select(test).Features;
            }

            var model = fit(training);
            var p = new double[data.ClassCount];
            for (var t = 0; t < test.Length; t++)
            {
                model.PredictProbabilities(testFeatures.AsSpan(t * d, d), p);
                scores[test[t]] = p[1];
            }
        }

        return RocAuc(scores, data.Labels.ToArray());
    }

    /// <summary>The training rows standardised on their own mean and spread, and the test rows scaled the same way.</summary>
    public static (TrainingSet Training, double[] Test) StandardiseOn(Dataset data, int[] train, int[] test)
    {
        var d = data.FeatureCount;
        var trainTable = data.Table.Select(train);
        var testFeatures = (double[])data.Table.Select(test).Features.Clone();
        var x = trainTable.Features;
        var scaled = new double[x.Length];
        for (var f = 0; f < d; f++)
        {
            var mean = 0.0;
            for (var i = 0; i < train.Length; i++)
            {
                mean += x[(i * d) + f];
            }

            mean /= train.Length;
            var variance = 0.0;
            for (var i = 0; i < train.Length; i++)
            {
                variance += (x[(i * d) + f] - mean) * (x[(i * d) + f] - mean);
            }

            var scale = Math.Sqrt(variance / train.Length);
            scale = scale == 0 ? 1 : scale;
            for (var i = 0; i < train.Length; i++)
            {
                scaled[(i * d) + f] = (x[(i * d) + f] - mean) / scale;
            }

            for (var i = 0; i < test.Length; i++)
            {
                testFeatures[(i * d) + f] = (testFeatures[(i * d) + f] - mean) / scale;
            }
        }

        var training = new TrainingSet(new RowTable(trainTable.Schema, scaled, trainTable.Labels, trainTable.Weights, trainTable.Provenance));
        return (training, testFeatures);
    }

    /// <summary>ROC-AUC as the Mann–Whitney statistic, ties counting one half (positive class 1).</summary>
    public static double RocAuc(double[] scores, int[] labels)
    {
        var order = Enumerable.Range(0, scores.Length).OrderBy(i => scores[i]).ToArray();
        var positiveRanks = 0.0;
        long positives = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]])
            {
                end++;
            }

            var rank = ((start + end) / 2.0) + 1;
            for (var k = start; k <= end; k++)
            {
                if (labels[order[k]] == 1)
                {
                    positiveRanks += rank;
                    positives++;
                }
            }

            start = end + 1;
        }

        var negatives = scores.Length - positives;
        return (positiveRanks - (positives * (positives + 1) / 2.0)) / (positives * (double)negatives);
    }

    private static Dataset WithFeatures(Dataset data, double[] features)
        => new(new RowTable(data.Schema, features, data.Table.Labels, data.Table.Weights, data.Table.Provenance));
}
