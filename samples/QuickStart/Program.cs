// The quick start: a real imbalanced dataset, why its accuracy lies, which imbalance strategy and threshold to
// use (chosen by leakage-safe cross-validation of the training side, written up as an HTML report), one honest
// look at the holdout, the sampler family, and the runtime guard catching the leak of "oversample, then split".
using System.Diagnostics;
using System.Globalization;
using ImbalanceGuard;
using ImbalanceGuard.Pipelines;
using ImbalanceGuard.Reporting;
using ImbalanceGuard.Sampling;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var path = Path.Combine(AppContext.BaseDirectory, "data", "satimage.csv");
var data = Dataset.LoadCsv(path);

// 1. The accuracy trap: what predicting the majority class scores.
var counts = data.ClassCountsByName();
var majority = counts.MaxBy(c => c.Value);
var minority = counts.MinBy(c => c.Value);
Console.WriteLine($"satimage: {data.RowCount} rows, {data.FeatureCount} features (UCI Statlog Landsat; class 1 = damp grey soil)");
Console.WriteLine($"  classes: {string.Join(", ", counts.Select(c => $"{c.Key} = {c.Value}"))}  (imbalance {majority.Value / (double)minority.Value:F1} : 1)");
Console.WriteLine($"  a model that always answers '{majority.Key}' is {majority.Value / (double)data.RowCount:P1} accurate and finds none of the {minority.Value} rows of class {minority.Key}.");
Console.WriteLine();

// 2. Split first. Only the training side can be resampled: Resample(holdout) does not compile.
var (training, holdout) = Split.Stratified(data, holdoutFraction: 0.25, seed: 42);
Console.WriteLine($"Stratified split: training {Describe(training)}; holdout {Describe(holdout)}");
Console.WriteLine();

// 3. Which strategy? Leakage-safe cross-validation on the training side only: every fold resamples,
//    weights and tunes its own training part; the holdout stays unseen.
var strategies = new[] { "none", "class-weight", "smote", "random-under", "balanced-random-forest" };
var clock = Stopwatch.StartNew();
var results = StrategyComparison.Run(training, strategies, "logistic", new StratifiedKFold(5, shuffle: true, seed: 42), seed: 42);
Console.WriteLine($"Leakage-safe 5-fold cross-validation of {strategies.Length} strategies on the training side ({clock.Elapsed.TotalSeconds:F1} s), ranked by PR-AUC:");
Console.WriteLine($"  {"strategy",-24} {"PR-AUC",15} {"ROC-AUC",15} {"MCC",15} {"recall",15} {"precision",15}");
foreach (var r in results)
{
    Console.WriteLine($"  {r.Strategy,-24} {Cell(r, MetricNames.AveragePrecision),15} {Cell(r, MetricNames.RocAuc),15} {Cell(r, MetricNames.Mcc),15} {Cell(r, MetricNames.Recall),15} {Cell(r, MetricNames.Precision),15}");
}

// 4. The verdict and the report: the best strategy and a threshold tuned on its out-of-fold scores.
var reportData = new ReportData("satimage.csv (training side)", training, results, "Strategies cross-validated with 5 stratified folds of the training side, base model logistic, seed 42.");
var verdict = ReportVerdict.Of(reportData);
var reportPath = Path.GetFullPath("imbalance-guard-report.html");
HtmlReport.Write(reportData, reportPath);
Console.WriteLine();
Console.WriteLine(verdict.Recommendation);
Console.WriteLine($"Report with the curves: {reportPath}");
Console.WriteLine();

// 5. One look at the holdout, at that threshold: the figures to report.
var chosen = StrategyCatalog.Create(verdict.Best.Strategy, "logistic", seed: 42, threshold: ThresholdPolicy.Fixed(verdict.Threshold.Threshold));
var fitted = chosen.Fit(training);
var holdoutReport = fitted.Evaluate(holdout);
var confusion = holdoutReport.Confusion!.Value;
Console.WriteLine($"Holdout ({holdout.RowCount} rows never seen): PR-AUC {holdoutReport.AveragePrecision:F3}, recall {confusion.Recall:P1}, precision {confusion.Precision:P1}, MCC {confusion.MatthewsCorrelation:F3}.");
Console.WriteLine($"  {holdoutReport.BaselineVerdict}");
Console.WriteLine();

// 6. The sampler family on the training side (what the strategies above are made of).
Sampler[] samplers =
[
    new RandomOverSampler { Seed = 42 },
    new Smote { Seed = 42 },
    new BorderlineSmote { Seed = 42 },
    new Adasyn { Seed = 42 },
    new RandomUnderSampler { Seed = 42 },
    new NearMiss { Version = 1 },
    new TomekLinks(),
    new EditedNearestNeighbours(),
    new NeighbourhoodCleaningRule(),
    new SmoteTomek { Seed = 42 },
];
Console.WriteLine($"{"sampler",-20} {"rows before",12} {"rows after",11} {"synthetic",10} {"class counts after",-24} {"ms",7}");
SamplingResult? smote = null;
foreach (var sampler in samplers)
{
    clock.Restart();
    var result = sampler.FitResample(training);
    clock.Stop();
    smote ??= sampler is Smote ? result : null;
    var after = string.Join(", ", result.CountsAfter.Select(c => $"{c.Key}={c.Value}"));
    Console.WriteLine($"{sampler.Name,-20} {training.RowCount,12} {result.Resampled.RowCount,11} {result.SyntheticCount,10} {after,-24} {clock.Elapsed.TotalMilliseconds,7:F1}");
}

// Every synthetic row knows where it came from.
var resampled = smote!.Resampled;
Console.WriteLine();
Console.WriteLine($"Row {resampled.RowCount - 1} of the SMOTE output: {resampled.GetProvenance(resampled.RowCount - 1)}");

// 7. The guard passes for the honest workflow...
LeakageGuard.EnsureIndependent(resampled, holdout);
Console.WriteLine("LeakageGuard: the holdout is independent of the resampled training side.");
Console.WriteLine();

// 8. ...and catches the leak of hand-rolled code that oversamples before splitting.
var rows = Enumerable.Range(0, data.RowCount).Select(i => data.GetRow(i).ToArray()).ToList();
var labels = Enumerable.Range(0, data.RowCount).Select(data.GetClassName).ToList();
var random = new Random(42);
var minorityRows = Enumerable.Range(0, data.RowCount).Where(i => labels[i] == minority.Key).ToArray();
for (var i = 0; i < majority.Value - minority.Value; i++)
{
    var copy = minorityRows[random.Next(minorityRows.Length)];
    rows.Add(rows[copy]);
    labels.Add(labels[copy]);
}

// IG0001 sees the oversampling by hand above reach this split, rightly: this is the leak the guard must catch.
#pragma warning disable IG0001 // Deliberate: the sample demonstrates the runtime guard refusing exactly this leak.
var leaky = Split.Stratified(Dataset.FromRows(rows, labels), holdoutFraction: 0.25, seed: 42);
#pragma warning restore IG0001
try
{
    LeakageGuard.EnsureIndependent(leaky.Training, leaky.Holdout);
    Console.WriteLine("LeakageGuard missed the leak (this should not happen).");
    return 1;
}
catch (LeakageException leak)
{
    Console.WriteLine("Oversampling by hand before the split, then splitting:");
    Console.WriteLine($"  LeakageGuard refuses the evaluation ({leak.Cause}): {leak.HoldoutRows.Count} of {leaky.Holdout.RowCount} holdout rows are copies of training rows.");
    Console.WriteLine($"  {leak.Message[..Math.Min(leak.Message.Length, 300)]}…");
}

return 0;

static string Cell(StrategyResult result, string metric)
    => $"{result.Result[metric].Mean:F3} ± {result.Result[metric].StandardDeviation:F3}";

static string Describe(LabeledData side)
    => $"{side.RowCount} rows ({string.Join(", ", side.ClassCountsByName().Select(c => $"{c.Key}={c.Value}"))})";
