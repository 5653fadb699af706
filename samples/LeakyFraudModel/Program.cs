// LeakyFraudModel: a fraud model written the way many tutorials write one. It runs, it prints impressive
// numbers, and every one of them is inflated. ImbalanceGuard's analyzers flag each mistake (IG0001-IG0005);
// README.md shows the warnings and the honest numbers of Fixed/, the same model done right.
using System.Globalization;
using ImbalanceGuard;
using ImbalanceGuard.Sampling;
using LeakyFraudModel;
using Microsoft.ML;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var path = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "data", "hacide.csv");
var ml = new MLContext(seed: 1);
var transactions = Transactions.Load(path);
var featureCount = transactions[0].Features.Length;
Console.WriteLine($"{Path.GetFileName(path)}: {transactions.Count} transactions, {transactions.Count(t => t.Label)} frauds");

// "The classes are imbalanced, so balance them first": SMOTE over every transaction.
var balanced = SmoteOversample(transactions);
var data = Transactions.ToDataView(ml, balanced, featureCount);
var trainer = ml.BinaryClassification.Trainers.FastTree(numberOfLeaves: 16, numberOfTrees: 100, minimumExampleCountPerLeaf: 2);

// Cross-validate on the balanced data: synthetic rows and their parents end up on both sides of every fold.
var cv = ml.BinaryClassification.CrossValidate(data, trainer, numberOfFolds: 5);
Console.WriteLine($"5-fold cross-validation: PR-AUC {cv.Average(r => r.Metrics.AreaUnderPrecisionRecallCurve):F3}, F1 {cv.Average(r => r.Metrics.F1Score):F3}");

// Hold out a test set: after the resampling, so it is full of near-copies of training rows.
var split = ml.Data.TrainTestSplit(data, testFraction: 0.25, seed: 1);
var model = trainer.Fit(split.TrainSet);
var onSplit = ml.BinaryClassification.Evaluate(model.Transform(split.TestSet));
Console.WriteLine($"Test set:          PR-AUC {onSplit.AreaUnderPrecisionRecallCurve:F3}, recall {onSplit.PositiveRecall:P1}, precision {onSplit.PositivePrecision:P1}");

// "The test set has too few frauds to measure recall": balance it as well.
var testRows = ml.Data.CreateEnumerable<Transaction>(split.TestSet, reuseRowObject: false).ToList();
var balancedTest = SmoteOversample(testRows);
var metrics = ml.BinaryClassification.Evaluate(model.Transform(Transactions.ToDataView(ml, balancedTest, featureCount)));
Console.WriteLine($"Balanced test set: PR-AUC {metrics.AreaUnderPrecisionRecallCurve:F3}, recall {metrics.PositiveRecall:P1}, precision {metrics.PositivePrecision:P1}");
Console.WriteLine($"Accuracy: {metrics.Accuracy:P2}");

// Flag the transactions the model is more than 50% sure about.
var engine = ml.Model.CreatePredictionEngine<Transaction, FraudScore>(model, inputSchemaDefinition: Transactions.Schema(featureCount));
var flagged = transactions.Where(t => engine.Predict(t).Probability > 0.5f).ToList();
Console.WriteLine($"Flagged {flagged.Count} of {transactions.Count} transactions; {flagged.Count(t => t.Label)} of {transactions.Count(t => t.Label)} frauds caught.");

// SMOTE through ImbalanceGuard, on whatever rows it is given: the escape hatch declares them training data.
static List<Transaction> SmoteOversample(List<Transaction> rows)
{
    var dataset = Dataset.FromRows(
        [.. rows.Select(r => r.Features.Select(f => (double)f).ToArray())],
        [.. rows.Select(r => r.Label ? "1" : "0")]);
    var resampled = new Smote { Seed = 1, KNeighbors = 3 }.Resample(Split.FromPreSplit(dataset));
    var positive = resampled.Schema.ClassIndex("1");
    return [.. Enumerable.Range(0, resampled.RowCount).Select(i => new Transaction
    {
        Features = [.. resampled.GetRow(i).ToArray().Select(v => (float)v)],
        Label = resampled.Labels[i] == positive,
    })];
}
