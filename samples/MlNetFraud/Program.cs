// ML.NET on imbalanced data, naive and honest. The data is UCI Statlog Landsat (satimage): the rare class
// ("damp grey soil", 9.7 % of rows) stands for the fraud, defect or disease a real project hunts for.
using System.Globalization;
using ImbalanceGuard;
using ImbalanceGuard.ML;
using ImbalanceGuard.Pipelines;
using ImbalanceGuard.Sampling;
using ImbalanceGuard.Thresholds;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var ml = new MLContext(seed: 42);
var path = Path.Combine(AppContext.BaseDirectory, "data", "satimage.csv");
var data = ml.Data.LoadFromTextFile(path, new TextLoader.Options
{
    HasHeader = true,
    Separators = [','],
    Columns =
    [
        new TextLoader.Column("Features", DataKind.Single, 0, 35),
        new TextLoader.Column("Label", DataKind.Boolean, 36),
    ],
});

IEstimator<ITransformer> Trainer(bool unbalancedSets = false) => ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
{
    NumberOfLeaves = 16,
    NumberOfTrees = 100,
    UnbalancedSets = unbalancedSets,
    NumberOfThreads = 1, // one thread: the same model on every machine
});

// 1. Naive: ML.NET's random split, FastTree, Evaluate (raw score 0, i.e. probability 0.5), and plain accuracy.
var naiveSplit = ml.Data.TrainTestSplit(data, testFraction: 0.25, seed: 42);
var naive = ml.BinaryClassification.Evaluate(Trainer().Fit(naiveSplit.TrainSet).Transform(naiveSplit.TestSet));
var testLabels = naiveSplit.TestSet.GetColumn<bool>("Label").ToArray();
var majorityShare = Math.Max(testLabels.Count(l => l), testLabels.Count(l => !l)) / (double)testLabels.Length;
Console.WriteLine("Naive ML.NET: TrainTestSplit, FastTree, Evaluate at its default threshold:");
#pragma warning disable IG0004 // Deliberate: the naive figure this sample exists to debunk, printed beside its baseline.
Console.WriteLine($"  accuracy {naive.Accuracy:P1} — and always answering 'not rare' would score {majorityShare:P1}.");
#pragma warning restore IG0004
Console.WriteLine($"  recall {naive.PositiveRecall:P1}, precision {naive.PositivePrecision:P1}: the accuracy hides how many rare rows are missed.");
Console.WriteLine();

// 2. Honest: a stratified split; strategies compared by cross-validation of the training side, resampling only
//    inside each fold; a threshold tuned on out-of-fold scores; one look at the test side at that threshold.
var split = ml.Data.StratifiedTrainTestSplit(data, testFraction: 0.25, seed: 42);
Console.WriteLine("Honest: stratified split, 5-fold cross-validation of the training side (resampling inside each fold):");
var candidates = new (string Name, Sampler? Sampler, bool Unbalanced)[]
{
    ("none", null, false),
    ("unbalanced-sets", null, true),
    ("smote", new Smote { Seed = 42 }, false),
    ("random-under", new RandomUnderSampler { Seed = 42 }, false),
};
var results = candidates.Select(c => (c.Name, c.Sampler, c.Unbalanced,
        Result: ml.BinaryClassification.CrossValidateWithResampling(split.TrainSet, Trainer(c.Unbalanced), c.Sampler, numberOfFolds: 5, featureColumnNames: ["Features"], seed: 42)))
    .OrderByDescending(r => r.Result[MetricNames.AveragePrecision].Mean)
    .ToArray();
foreach (var (name, _, _, result) in results)
{
    var ap = result[MetricNames.AveragePrecision];
    Console.WriteLine($"  {name,-16} PR-AUC {ap.Mean:F3} ± {ap.StandardDeviation:F3}   ROC-AUC {result[MetricNames.RocAuc].Mean:F3}");
}

var best = results[0];
var wanted = ThresholdObjective.MinimumPrecision(0.8);
var threshold = ThresholdTuner.Tune(best.Result.OutOfFoldScores, wanted);
Console.WriteLine($"  best: {best.Name}; threshold for precision ≥ 0.8 on its out-of-fold probabilities: {threshold.Threshold:F3} (ML.NET's default is 0.5)");
Console.WriteLine();

var training = best.Sampler is null ? split.TrainSet : ml.Data.Resample(split.TrainSet, best.Sampler, ["Features"]);
var model = Trainer(best.Unbalanced).Fit(training);
var scored = model.Transform(split.TestSet);
var report = ml.BinaryClassification.EvaluateAtThreshold(scored, threshold.Threshold);
var confusion = report.Confusion!.Value;
Console.WriteLine($"Test side ({split.TestSet.RowCount} rows, never seen), {best.Name} at threshold {threshold.Threshold:F3}:");
Console.WriteLine($"  PR-AUC {report.AveragePrecision:F3}, MCC {confusion.MatthewsCorrelation:F3}, recall {confusion.Recall:P1} at precision {confusion.Precision:P1}");
Console.WriteLine($"  {report.BaselineVerdict}");

// The tuned threshold as an ML.NET transformer, for serving: PredictedLabel is now Probability ≥ threshold.
var serving = model.Append(ml.Transforms.ApplyThreshold(threshold.Threshold).Fit(scored));
var flagged = serving.Transform(split.TestSet).GetColumn<bool>("PredictedLabel").Count(p => p);
Console.WriteLine($"  the serving model flags {flagged} of {split.TestSet.RowCount} test rows.");
