using System.Text.Json;
using ImbalanceGuard.Models;
using ImbalanceGuard.Tests.Models;

namespace ImbalanceGuard.Tests.Ensembles;

internal static class EnsembleTestData
{
    private static readonly Lazy<JsonElement> Reference = new(() =>
    {
        using var stream = File.OpenRead(RepositoryFiles.TestFile(Path.Combine("ImbalanceGuard.Tests", "Ensembles", "Fixtures", "ensembles_pima.json")));
        return JsonDocument.Parse(stream).RootElement.Clone();
    });

    /// <summary>imbalanced-learn's mean out-of-fold ROC-AUC on pima over seeds 0–4 (generate_ensemble_fixtures.py).</summary>
    public static double ReferenceAuc(string model) => Reference.Value.GetProperty("models").GetProperty(model).GetProperty("mean").GetDouble();

    public static Dataset Pima() => RepositoryFiles.LoadData("pima.csv");

    public static TrainingSet PimaTraining() => ModelTestData.AllRows(Pima());

    public static double OutOfFoldAuc(Func<TrainingSet, IProbabilisticClassifier> fit)
        => ModelTestData.OutOfFoldAuc(Pima(), ModelTestData.PimaFolds(), fit);

    /// <summary>Every row's probabilities under <paramref name="model"/>, for comparing fits.</summary>
    public static double[] Scores(IProbabilisticClassifier model, LabeledData data)
    {
        var output = new double[data.RowCount * model.ClassCount];
        for (var i = 0; i < data.RowCount; i++)
        {
            model.PredictProbabilities(data.GetRow(i), output.AsSpan(i * model.ClassCount, model.ClassCount));
        }

        return output;
    }

    /// <summary>How often each row occurs in <paramref name="rows"/>.</summary>
    public static Dictionary<int, int> Multiset(IEnumerable<int> rows)
        => rows.GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count());
}
