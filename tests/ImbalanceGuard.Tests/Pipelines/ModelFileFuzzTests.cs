using System.Diagnostics;
using System.Globalization;
using ImbalanceGuard.Ensembles;
using ImbalanceGuard.Models;
using ImbalanceGuard.Pipelines;
using ImbalanceGuard.Sampling;
using ImbalanceGuard.Thresholds;
using Xunit.Abstractions;

namespace ImbalanceGuard.Tests.Pipelines;

/// <summary>
/// Mutation fuzzing of saved pipelines, over every model kind the library saves (with every preprocessing step and
/// calibrator among them): each damaged file must be refused with a <see cref="DataFormatException"/>, or load and
/// then score rows of its own schema without any exception. A case that hangs ends the process (see
/// <see cref="HangWatchdog"/>), naming the case.
/// </summary>
/// <remarks>
/// The normal suite runs a seed-fixed sample of <see cref="SampleCases"/> mutated files per kind. For a longer run set
/// <c>IMBALANCEGUARD_FUZZ_CASES</c> to the number of files per kind, and optionally <c>IMBALANCEGUARD_FUZZ_SEED</c>
/// to another seed, e.g.
/// <c>IMBALANCEGUARD_FUZZ_CASES=5000 dotnet test tests/ImbalanceGuard.Tests --filter "FullyQualifiedName~ModelFileFuzzTests"</c>.
/// </remarks>
public class ModelFileFuzzTests(ITestOutputHelper output)
{
    private const int SampleCases = 60;
    private const string CasesVariable = "IMBALANCEGUARD_FUZZ_CASES";
    private const string SeedVariable = "IMBALANCEGUARD_FUZZ_SEED";

    // Far above the slowest case seen (tens of milliseconds), so only a hang reaches it, even on a busy machine.
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(60);

    private static readonly string[] KindNames =
    [
        "logistic-regression", "logistic-regression-3-classes", "decision-tree", "random-forest", "balanced-ensemble",
        "balanced-ensemble-of-adaboost", "adaboost", "cost-sensitive", "cascade", "isolation-forest", "segments-and-tiers",
    ];

    public static TheoryData<string> Kinds => new(KindNames);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_damaged_model_file_is_refused_or_loads_and_scores(string kind)
    {
        var (file, holdout) = Fixture(kind);
        var cases = Setting(CasesVariable, SampleCases);
        var seed = Setting(SeedVariable, 20) + Array.IndexOf(KindNames, kind);
        var random = new Random(seed);
        var failures = new List<string>();
        int refused = 0, scored = 0;
        var clock = Stopwatch.StartNew();
        using (var watchdog = new HangWatchdog(HangLimit))
        {
            for (var i = 0; i < cases; i++)
            {
                var (bytes, mutation) = ModelFileMutator.Mutate(file, random);
                var name = $"{kind}, seed {seed}, case {i}: {mutation}";
                watchdog.Begin(name);
                switch (Try(bytes, holdout))
                {
                    case null:
                        scored++;
                        break;
                    case "refused":
                        refused++;
                        break;
                    case var failure:
                        failures.Add($"{name} => {failure}");
                        break;
                }

                watchdog.End();
            }
        }

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{kind}: {cases} mutated files in {clock.Elapsed.TotalSeconds:0.0} s: {refused} refused, {scored} loaded and scored, {failures.Count} failed."));
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases} damaged files were neither refused nor scored:\n" + string.Join("\n", failures.Take(40)));
        Assert.True(refused > 0 && scored > 0, "The sample should both refuse some files and load others; the mutations no longer reach the model.");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_undamaged_file_of_each_fixture_loads_and_scores_as_saved(string kind)
    {
        var (file, holdout) = Fixture(kind);
        var loaded = FittedPipeline.Load(new MemoryStream(file));

        Assert.Null(Try(file, holdout));
        using var again = new MemoryStream();
        loaded.Save(again);
        Assert.Equal(file, again.ToArray());
    }

    /// <summary>Null when the file loads and scores, "refused" for a <see cref="DataFormatException"/>, else what went wrong.</summary>
    private static string? Try(byte[] bytes, HoldoutSet holdout)
    {
        FittedPipeline loaded;
        try
        {
            loaded = FittedPipeline.Load(new MemoryStream(bytes));
        }
        catch (DataFormatException)
        {
            return "refused";
        }
        catch (Exception e)
        {
            return $"Load threw {e.GetType().Name}: {e.Message}";
        }

        try
        {
            Score(loaded, holdout);
            return null;
        }
        catch (Exception e)
        {
            return $"scoring threw {e.GetType().Name}: {e.Message}\n{e.StackTrace}";
        }
    }

    /// <summary>Scores rows valid for the loaded schema every way a caller can: row by row, whole tables, decisions.</summary>
    private static void Score(FittedPipeline loaded, HoldoutSet holdout)
    {
        var schema = loaded.Schema;
        var probabilities = new double[schema.ClassCount];
        var decides = loaded.Threshold is not null || schema.ClassCount > 2;
        foreach (var row in Rows(schema, holdout))
        {
            loaded.PredictProbabilities(row, probabilities);
            if (decides)
            {
                loaded.Predict(row);
                loaded.ThresholdFor(row);
            }

            if (loaded.Tiers is not null)
            {
                loaded.PredictTier(row);
            }
        }

        if (schema.FeatureNames.SequenceEqual(holdout.Schema.FeatureNames) && schema.ClassNames.SequenceEqual(holdout.Schema.ClassNames))
        {
            loaded.Evaluate(holdout);
            loaded.SecondStageShare(holdout);
            loaded.RowThresholds(holdout);
        }
    }

    /// <summary>The holdout's first rows when they fit the schema, then rows made for it: zeros, large, negative, every category level.</summary>
    private static IEnumerable<double[]> Rows(DataSchema schema, HoldoutSet holdout)
    {
        var d = schema.FeatureCount;
        if (d == holdout.FeatureCount)
        {
            for (var i = 0; i < Math.Min(40, holdout.RowCount); i++)
            {
                yield return holdout.GetRow(i).ToArray();
            }
        }

        foreach (var value in new[] { 0.0, 1, -1, 1e6, -1e6, 0.25 })
        {
            var row = new double[d];
            for (var j = 0; j < d; j++)
            {
                row[j] = schema.CategoryLevels(j) is { Count: > 0 } levels ? Math.Abs(value) % levels.Count : value;
            }

            yield return row;
        }
    }

    private static (byte[] File, HoldoutSet Holdout) Fixture(string kind)
    {
        var pima = Split.Stratified(Dataset.LoadCsv(RepositoryFiles.DataFile("pima.csv")), 0.3, seed: 5);
        var (training, holdout) = (pima.Training, pima.Holdout);
        ImbalancePipeline pipeline;
        switch (kind)
        {
            case "logistic-regression":
                pipeline = new(new LogisticRegression())
                {
                    Preprocessing = [new StandardScaler()],
                    Calibration = CalibrationMethod.Platt,
                    Threshold = ThresholdPolicy.Tuned(ThresholdObjective.FBeta(2)),
                };
                break;
            case "logistic-regression-3-classes":
                var three = Split.Stratified(SyntheticData.MakeClassification(240, features: 5, informative: 3, classes: 3, minorityFraction: 0.15, seed: 4), 0.3, seed: 4);
                (training, holdout) = (three.Training, three.Holdout);
                pipeline = new(new LogisticRegression()) { Preprocessing = [new MinMaxScaler()], Calibration = CalibrationMethod.None };
                break;
            case "decision-tree":
                var categorical = Split.Stratified(Dataset.LoadCsv(RepositoryFiles.DataFile("pima.csv"), new CsvLoadOptions { CategoricalColumns = ["pregnant"] }), 0.3, seed: 5);
                (training, holdout) = (categorical.Training, categorical.Holdout);
                pipeline = new(new DecisionTreeClassifier { MaxDepth = 6, Seed = 1 })
                {
                    Preprocessing = [new OneHotEncoder(), new MinMaxScaler()],
                    Calibration = CalibrationMethod.Isotonic,
                    Threshold = ThresholdPolicy.Fixed(0.3),
                };
                break;
            case "random-forest":
                pipeline = new(new RandomForestClassifier { Trees = 6, MaxDepth = 5, Seed = 1 })
                {
                    Samplers = [new Smote { Seed = 3 }],
                    Calibration = CalibrationMethod.PriorCorrection,
                    Threshold = ThresholdPolicy.Tuned(ThresholdObjective.FBeta(1)),
                };
                break;
            case "balanced-ensemble":
                pipeline = new(new BalancedBaggingClassifier { Estimators = 4, Seed = 1, MaxFeatures = 0.5 }) { Threshold = ThresholdPolicy.Fixed(0.5) };
                break;
            case "balanced-ensemble-of-adaboost":
                pipeline = new(new EasyEnsembleClassifier { Estimators = 2, Seed = 1 }) { Calibration = CalibrationMethod.Platt };
                break;
            case "adaboost":
                pipeline = new(new RUSBoostClassifier { Estimators = 6, Seed = 1 }) { Threshold = ThresholdPolicy.Fixed(0.5) };
                break;
            case "cost-sensitive":
                pipeline = new(new CostSensitiveClassifier { Estimator = new LogisticRegression(), Costs = [[0, 1], [10, 0]] })
                {
                    Preprocessing = [new StandardScaler()],
                    Threshold = ThresholdPolicy.Fixed(0.4),
                };
                break;
            case "cascade":
                pipeline = new(new CascadeClassifier { SecondStage = new DecisionTreeClassifier { MaxDepth = 4, Seed = 1 }, Seed = 1 })
                {
                    Preprocessing = [new StandardScaler()],
                    Threshold = ThresholdPolicy.Fixed(0.6),
                };
                break;
            case "isolation-forest":
                pipeline = new(new IsolationForest { Trees = 6, Seed = 1 }) { Calibration = CalibrationMethod.Platt, Threshold = ThresholdPolicy.Fixed(0.5) };
                break;
            case "segments-and-tiers":
                // Format version 2's content: a threshold per segment of a categorical feature, and severity tiers.
                var segmented = Split.Stratified(Dataset.LoadCsv(RepositoryFiles.DataFile("pima.csv"), new CsvLoadOptions { CategoricalColumns = ["pregnant"] }), 0.3, seed: 5);
                (training, holdout) = (segmented.Training, segmented.Holdout);
                pipeline = new(new LogisticRegression())
                {
                    Preprocessing = [new StandardScaler()],
                    Calibration = CalibrationMethod.Platt,
                    Threshold = ThresholdPolicy.TunedBySegment(ThresholdObjective.FBeta(1), "pregnant"),
                    Tiers = SeverityTiers.Parse("page:0.05,ticket:0.2"),
                };
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "No fixture for this kind.");
        }

        using var stream = new MemoryStream();
        pipeline.Fit(training).Save(stream);
        return (stream.ToArray(), holdout);
    }

    private static int Setting(string variable, int fallback)
        => int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
