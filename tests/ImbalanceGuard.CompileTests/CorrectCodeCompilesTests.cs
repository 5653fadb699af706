using System.Reflection;
using ImbalanceGuard.Sampling;

namespace ImbalanceGuard.CompileTests;

/// <summary>
/// The correct usage compiles with no error or warning through the same harness, so the must-fail tests
/// cannot pass because the harness fails everything; and the emitted code runs on real data.
/// </summary>
public class CorrectCodeCompilesTests
{
    [Fact]
    public void Split_then_resample_the_training_side_compiles_and_runs()
        => Run("""
            var (train, test) = Split.Stratified(data, holdoutFraction: 0.25, seed: 7);
            TrainingSet resampled = new Smote { Seed = 3 }.Resample(train);
            LeakageGuard.EnsureIndependent(resampled, test);
            if (resampled.RowCount <= train.RowCount) throw new InvalidOperationException("SMOTE added no rows.");
            """);

    [Fact]
    public void The_README_pipeline_example_compiles_and_runs()
        => Run("""
            var pipeline = new ImbalancePipeline(new LogisticRegression())
            {
                Preprocessing = [new StandardScaler()],
                Samplers = [new Smote { Seed = 42 }],
                Calibration = CalibrationMethod.PriorCorrection,
                Threshold = ThresholdPolicy.Tuned(ThresholdObjective.F1),
            };

            var cv = CrossValidation.Run(pipeline, data, new StratifiedKFold(5, seed: 42),
                new CrossValidationOptions { Progress = new Progress<CrossValidationProgress>(p => Console.Write($"\r{p.CompletedFolds}/{p.TotalFolds}")) });
            Console.WriteLine($"PR-AUC {cv[MetricNames.AveragePrecision].Mean:F3} ± {cv[MetricNames.AveragePrecision].StandardDeviation:F3}");
            var threshold = ThresholdTuner.Tune(cv.OutOfFoldScores, ThresholdObjective.MinimumPrecision(0.8));

            var fitted = pipeline.Fit(training);
            EvaluationReport report = fitted.Evaluate(holdout);
            var path = System.IO.Path.GetTempFileName();
            fitted.Save(path);
            var again = FittedPipeline.Load(path);
            System.IO.File.Delete(path);
            if (again.PositiveProbability(holdout.GetRow(0)) != fitted.PositiveProbability(holdout.GetRow(0))) throw new InvalidOperationException("The loaded pipeline scores differently.");
            """);

    [Fact]
    public void Fit_resample_of_a_training_set_compiles_and_runs()
        => Run("""
            var result = sampler.FitResample(training);
            TrainingSet resampled = result.Resampled;
            LeakageGuard.EnsureIndependent(resampled, holdout);
            """);

    [Fact]
    public void K_fold_with_resampling_inside_the_loop_compiles_and_runs()
        => Run("""
            var folds = 0;
            foreach (var each in new StratifiedKFold(folds: 4, shuffle: true, seed: 1).Split(data))
            {
                var resampled = new RandomOverSampler { Seed = each.Index }.Resample(each.Training);
                LeakageGuard.EnsureIndependent(resampled, each.Validation);
                folds++;
            }

            if (folds != 4) throw new InvalidOperationException("Expected four folds.");
            """);

    [Fact]
    public void Repeated_k_fold_with_deconstructed_folds_compiles_and_runs()
        => Run("""
            foreach (var (train, validation) in new RepeatedStratifiedKFold(folds: 3, repeats: 2, seed: 5).Split(data))
            {
                LeakageGuard.EnsureIndependent(sampler.Resample(train), validation);
            }
            """);

    [Fact]
    public void Two_sided_pre_split_then_resample_compiles_and_runs()
        => Run("""
            var (first, second) = Split.Stratified(data, 0.5, seed: 11);
            var rows = Enumerable.Range(0, first.RowCount).Select(i => first.GetRow(i).ToArray()).ToArray();
            var labels = Enumerable.Range(0, first.RowCount).Select(first.GetClassName).ToArray();
            var published = Dataset.FromRows(rows, labels);
            var otherRows = Enumerable.Range(0, second.RowCount).Select(i => second.GetRow(i).ToArray()).ToArray();
            var otherLabels = Enumerable.Range(0, second.RowCount).Select(second.GetClassName).ToArray();
            var publishedTest = Dataset.FromRows(otherRows, otherLabels);

            var (train, test) = Split.FromPreSplit(published, publishedTest);
            LeakageGuard.EnsureIndependent(sampler.Resample(train), test);
            """);

    [Fact]
    public void Other_splitters_then_resampling_compile_and_run()
        => Run("""
            var byTime = Split.TimeOrdered(data, 0.25);
            LeakageGuard.EnsureIndependent(sampler.Resample(byTime.Training), byTime.Holdout);
            var byGroup = Split.Grouped(data, groups, 0.25, seed: 3);
            LeakageGuard.EnsureIndependent(sampler.Resample(byGroup.Training), byGroup.Holdout);
            """);

    [Fact]
    public void Reading_every_kind_of_data_through_labeled_data_compiles_and_runs()
        => Run("""
            LabeledData[] all = [data, training, holdout, sampler.Resample(training), fold.Validation];
            foreach (var part in all)
            {
                _ = part.ClassCountsByName();
                using var text = new System.IO.StringWriter();
                part.WriteCsv(text);
            }
            """);

    [Fact]
    public void Declaring_a_file_a_training_set_compiles_and_runs()
        => Run("""
            TrainingSet declared = Split.FromPreSplit(data);
            TrainingSet resampled = sampler.Resample(sampler.Resample(declared));
            """);

    [Fact]
    public void A_sampler_used_through_the_base_class_compiles()
        => Snippet.InFile("""
            public static class Pipeline
            {
                public static TrainingSet Balance(TrainingSet training, IEnumerable<Sampler> steps)
                    => steps.Aggregate(training, (current, step) => step.Resample(current));
            }
            """)
            .ShouldCompile();

    /// <summary>
    /// The one leak the compiler cannot see: an up-cast to <see cref="LabeledData"/> and a down-cast back
    /// compile, but the object is still a training set, so the cast fails when it runs.
    /// </summary>
    [Fact]
    public void A_down_cast_through_labeled_data_compiles_but_fails_when_run()
    {
        var run = Snippet.InMethod("var split = Split.Stratified((Dataset)(LabeledData)sampler.Resample(training));")
            .ShouldCompile();
        var failure = Assert.Throws<TargetInvocationException>(() => Invoke(run));
        Assert.IsType<InvalidCastException>(failure.InnerException);
    }

    private static void Run(string statements) => Invoke(Snippet.InMethod(statements).ShouldCompile());

    private static void Invoke(Assembly assembly)
    {
        var data = Inputs.Data;
        var split = Split.Stratified(data, 0.25, seed: 0);
        var fold = new StratifiedKFold(3, shuffle: true, seed: 0).Split(data).First();
        var run = assembly.GetType("UserCode")!.GetMethod("Run")!;
        run.Invoke(null, [data, split.Training, split.Holdout, fold, split.Holdout, new RandomOverSampler { Seed = 1 }, Inputs.Groups]);
    }

    private static class Inputs
    {
        /// <summary>120 rows, 3 features, classes "no" (90) and "yes" (30).</summary>
        public static readonly Dataset Data = Make();

        /// <summary>Twelve groups of ten consecutive rows.</summary>
        public static readonly string[] Groups = [.. Enumerable.Range(0, 120).Select(i => "g" + (i / 10))];

        private static Dataset Make()
        {
            var random = new Random(42);
            var rows = new double[120][];
            var labels = new string[120];
            for (var i = 0; i < rows.Length; i++)
            {
                var yes = i % 4 == 0;
                labels[i] = yes ? "yes" : "no";
                rows[i] = [random.NextDouble() + (yes ? 1 : 0), random.NextDouble(), random.NextDouble() * 10];
            }

            return Dataset.FromRows(rows, labels);
        }
    }
}
