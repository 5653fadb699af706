// LeakageCost: what each mistake that ImbalanceGuard's analyzers flag does to the reported numbers, measured on
// the bundled datasets with the same model as samples/LeakyFraudModel (ML.NET FastTree, 16 leaves, 100 trees)
// and ImbalanceGuard's SMOTE (k = 5; 3 on hacide). Each figure is the mean over seeds 1..N of a stratified 75/25 split.
// Usage: dotnet run -c Release --project samples/LeakageCost [-- seeds]
using System.Globalization;
using ImbalanceGuard;
using ImbalanceGuard.Evaluation;
using ImbalanceGuard.Sampling;
using ImbalanceGuard.Thresholds;
using LeakyFraudModel;
using Microsoft.ML;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var seeds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
foreach (var file in new[] { "satimage.csv", "hacide.csv" })
{
    var data = Dataset.LoadCsv(Path.Combine(AppContext.BaseDirectory, "data", file));
    Console.WriteLine($"## {file}: {data.RowCount} rows, {data.ClassCountsByName()["1"]} positives; mean over {seeds} seeds");
    var results = Enumerable.Range(1, seeds).Select(seed => Measure(data, seed)).ToList();
    Console.WriteLine("| measurement | leaky | honest |");
    Console.WriteLine("|---|---|---|");
    foreach (var name in results[0].Keys)
    {
        var leaky = results.Average(r => r[name].Leaky);
        var honest = results.Average(r => r[name].Honest);
        Console.WriteLine($"| {name} | {leaky:F3} | {honest:F3} |");
    }

    Console.WriteLine();
}

static Dictionary<string, (double Leaky, double Honest)> Measure(Dataset data, int seed)
{
    var ml = new MLContext(seed: seed);
    var n = data.FeatureCount;
    var trainer = ml.BinaryClassification.Trainers.FastTree(numberOfLeaves: 16, numberOfTrees: 100, minimumExampleCountPerLeaf: 2);
    // k = 5, or 3 on hacide, whose holdout of 5 positives is too small for k = 5 (IG0003's measurement).
    var smote = new Smote { Seed = seed, KNeighbors = data.RowCount < 2000 ? 3 : 5 };
    var result = new Dictionary<string, (double, double)>();

    // IG0001: SMOTE over every row, then split; against split first, SMOTE the training side.
    var everything = ToDataset(Rows(smote.Resample(Split.FromPreSplit(data))));
#pragma warning disable IG0001 // Deliberate: measures the leak IG0001 reports.
    var (leakyTrain, leakyTest) = Split.Stratified(everything, 0.25, seed);
#pragma warning restore IG0001
    var leakyScores = Score(ml, trainer.Fit(View(ml, Rows(leakyTrain), n)), Rows(leakyTest), n);
    var (training, holdout) = Split.Stratified(data, 0.25, seed);
    var honestModel = trainer.Fit(View(ml, Rows(smote.Resample(training)), n));
    var holdoutRows = Rows(holdout);
    var honestScores = Score(ml, honestModel, holdoutRows, n);
    result["IG0001 PR-AUC on the test part"] = (AveragePrecision(leakyScores), AveragePrecision(honestScores));
    result["IG0001 recall at 0.5 on the test part"] = (AtHalf(leakyScores).Recall, AtHalf(honestScores).Recall);

    // IG0002: cross-validation of SMOTEd data; against SMOTE inside each fold.
    var allRows = Rows(data);
#pragma warning disable IG0002 // Deliberate: measures the leak IG0002 reports.
    var leakyCv = ml.BinaryClassification.CrossValidate(View(ml, Rows(everything), n), trainer, numberOfFolds: 5, seed: seed);
#pragma warning restore IG0002
    var honestCv = new List<double>();
    foreach (var fold in new StratifiedKFold(5, seed: seed).Split(data))
    {
        var model = trainer.Fit(View(ml, Rows(smote.Resample(fold.Training)), n));
        honestCv.Add(AveragePrecision(Score(ml, model, Rows(fold.Validation), n)));
    }

    result["IG0002 5-fold CV PR-AUC"] = (leakyCv.Average(r => r.Metrics.AreaUnderPrecisionRecallCurve), honestCv.Average());

    // IG0003: the honest model scored on a SMOTE-balanced holdout; against the real holdout.
#pragma warning disable IG0003 // Deliberate: measures what IG0003 reports (the holdout rows escape through FromPreSplit).
    var balancedHoldout = Rows(smote.Resample(Split.FromPreSplit(ToDataset(holdoutRows))));
#pragma warning restore IG0003
    var balancedScores = Score(ml, honestModel, balancedHoldout, n);
    result["IG0003 precision at 0.5 on the holdout"] = (AtHalf(balancedScores).Precision, AtHalf(honestScores).Precision);
    result["IG0003 PR-AUC on the holdout"] = (AveragePrecision(balancedScores), AveragePrecision(honestScores));

    // IG0004 and IG0005: a model trained without resampling, judged at 0.5 and at a threshold tuned for F1 on
    // out-of-fold scores of the training side.
    var plainModel = trainer.Fit(View(ml, Rows(training), n));
    var plainScores = Score(ml, plainModel, holdoutRows, n);
    var atHalf = AtHalf(plainScores);
    result["IG0004 accuracy (leaky) / majority baseline (honest)"] = (atHalf.Accuracy, atHalf.MajorityBaselineAccuracy);
    result["IG0004 accuracy (leaky) / balanced accuracy (honest)"] = (atHalf.Accuracy, atHalf.BalancedAccuracy);
    var trainingRows = Rows(training);
    var oofLabels = new List<bool>();
    var oofScores = new List<double>();
    foreach (var fold in ml.Data.CrossValidationSplit(View(ml, trainingRows, n), 5, seed: seed))
    {
        var model = trainer.Fit(fold.TrainSet);
        var scored = ml.Data.CreateEnumerable<FraudScore>(model.Transform(fold.TestSet), reuseRowObject: false).Select(s => (double)s.Probability);
        oofLabels.AddRange(ml.Data.CreateEnumerable<Transaction>(fold.TestSet, reuseRowObject: false).Select(t => t.Label));
        oofScores.AddRange(scored);
    }

    var tuned = ThresholdTuner.Tune(BinaryScores.Create([.. oofLabels], [.. oofScores]), ThresholdObjective.F1);
    var atTuned = tuned.Evaluate(plainScores).Confusion;
    result["IG0005 recall, no resampling (0.5 / tuned)"] = (atHalf.Recall, atTuned.Recall);
    result["IG0005 F1, no resampling (0.5 / tuned)"] = (atHalf.F1, atTuned.F1);
    return result;
}

static IDataView View(MLContext ml, List<Transaction> rows, int n) => Transactions.ToDataView(ml, rows, n);

static BinaryScores Score(MLContext ml, ITransformer model, List<Transaction> rows, int n)
{
    var scores = ml.Data.CreateEnumerable<FraudScore>(model.Transform(View(ml, rows, n)), reuseRowObject: false).Select(s => (double)s.Probability);
    return BinaryScores.Create([.. rows.Select(r => r.Label)], [.. scores]);
}

// The default threshold, on purpose: the measurement compares it with a tuned one.
#pragma warning disable IG0005 // Deliberate: measures what IG0005 reports.
static BinaryConfusion AtHalf(BinaryScores scores) => BinaryConfusion.At(scores, 0.5);
#pragma warning restore IG0005

// Average precision (scikit-learn's average_precision_score): precision at each positive, by descending score, ties together.
static double AveragePrecision(BinaryScores scores)
{
    var sweep = scores.Sweep;
    var total = 0.0;
    var previousRecall = 0.0;
    for (var i = 0; i < sweep.Count; i++)
    {
        var confusion = sweep.ConfusionAt(i);
        total += (confusion.Recall - previousRecall) * confusion.Precision;
        previousRecall = confusion.Recall;
    }

    return total;
}

static List<Transaction> Rows(LabeledData side)
{
    var positive = side.Schema.ClassIndex("1");
    return [.. Enumerable.Range(0, side.RowCount).Select(i => new Transaction
    {
        Features = [.. side.GetRow(i).ToArray().Select(v => (float)v)],
        Label = side.Labels[i] == positive,
    })];
}

static Dataset ToDataset(List<Transaction> rows)
    => Dataset.FromRows([.. rows.Select(r => r.Features.Select(f => (double)f).ToArray())], [.. rows.Select(r => r.Label ? "1" : "0")]);
