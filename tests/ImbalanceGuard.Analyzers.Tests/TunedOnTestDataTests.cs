namespace ImbalanceGuard.Analyzers.Tests;

/// <summary>IG0006: a threshold, model or hyper-parameter chosen on test data.</summary>
public class TunedOnTestDataTests
{
    private static Task Verify(string source, string? editorConfig = null, bool topLevel = false)
        => Verifier.VerifyAsync<TunedOnTestDataAnalyzer>(source, editorConfig, topLevel);

    // ------------------------------------------------------------------ flagged

    /// <summary>The shape of the issue: a threshold sweep keeping the best F1 on ML.NET's <c>TrainTestSplit(...).TestSet</c>.</summary>
    [Fact]
    public Task MLNet_threshold_sweep_on_the_test_set()
        => Verify("""
            static class Tuning
            {
                public static float Run(MLContext ml, IDataView data, IEstimator<ITransformer> pipeline)
                {
                    var split = ml.Data.TrainTestSplit(data, testFraction: 0.2);
                    var model = pipeline.Fit(split.TrainSet);
                    var scored = model.Transform(split.TestSet);
                    double best = 0;
                    float bestThreshold = 0;
                    for (var t = 0.05f; t < 1f; t += 0.05f)
                    {
                        var metrics = ml.BinaryClassification.EvaluateNonCalibrated(ml.Transforms.CopyColumns("Score", "Score").Fit(scored).Transform(scored));
                        if ({|IG0006:metrics.F1Score > best|})
                        {
                            best = metrics.F1Score;
                            bestThreshold = t;
                        }
                    }

                    return bestThreshold;
                }
            }
            """);

    [Fact]
    public Task MLNet_hyper_parameter_grid_scored_on_test_data()
        => Verify("""
            static class Grid
            {
                public static (float L2, int Iterations) Run(MLContext ml, IDataView trainData, IDataView testData)
                {
                    var bestAuc = double.MinValue;
                    var bestSetting = (L2: 0f, Iterations: 0);
                    foreach (var l2 in new[] { 0.01f, 0.1f, 1f })
                    {
                        foreach (var iterations in new[] { 50, 100 })
                        {
                            var model = ml.BinaryClassification.Trainers.SdcaLogisticRegression(l2Regularization: l2, maximumNumberOfIterations: iterations).Fit(trainData);
                            var auc = ml.BinaryClassification.Evaluate(model.Transform(testData)).AreaUnderRocCurve;
                            if ({|IG0006:auc > bestAuc|})
                            {
                                bestAuc = auc;
                                bestSetting = (l2, iterations);
                            }
                        }
                    }

                    return bestSetting;
                }
            }
            """);

    [Fact]
    public Task MLNet_models_picked_with_MaxBy_by_test_AUC()
        => Verify("""
            static class Selection
            {
                public static ITransformer Best(MLContext ml, IReadOnlyList<ITransformer> models, IDataView test)
                    => {|IG0006:models.MaxBy(m => ml.BinaryClassification.Evaluate(m.Transform(test)).AreaUnderRocCurve)|}!;
            }
            """);

    /// <summary>Metrics kept in a list of tuples, the best taken with <c>OrderByDescending(...).First()</c>.</summary>
    [Fact]
    public Task MLNet_candidates_ranked_by_test_PR_AUC_then_first()
        => Verify("""
            static class Selection
            {
                public static ITransformer Best(MLContext ml, IEnumerable<IEstimator<ITransformer>> candidates, IDataView train, IDataView holdout)
                {
                    var results = new List<(ITransformer Model, CalibratedBinaryClassificationMetrics Metrics)>();
                    foreach (var candidate in candidates)
                    {
                        var model = candidate.Fit(train);
                        results.Add((model, ml.BinaryClassification.Evaluate(model.Transform(holdout))));
                    }

                    return {|IG0006:results.OrderByDescending(r => r.Metrics.AreaUnderPrecisionRecallCurve)|}.First().Model;
                }
            }
            """);

    [Fact]
    public Task MLNet_results_projected_with_Select_then_MinBy_log_loss()
        => Verify("""
            static class Selection
            {
                public static ITransformer Best(MLContext ml, ITransformer[] models, DataOperationsCatalog.TrainTestData split)
                {
                    var scored = models.Select(m => new { Model = m, LogLoss = ml.BinaryClassification.Evaluate(m.Transform(split.TestSet)).LogLoss });
                    return {|IG0006:scored.MinBy(s => s.LogLoss)|}!.Model;
                }
            }
            """);

    [Fact]
    public Task ImbalanceGuard_threshold_tuner_on_holdout_scores()
        => Verify("""
            using ImbalanceGuard.Thresholds;

            static class Tuning
            {
                public static double Run(Dataset data, IProbabilisticClassifier model, string positive)
                {
                    var split = Split.Stratified(data, 0.25, seed: 1);
                    var scores = new double[split.Holdout.RowCount];
                    var tuned = {|IG0006:ThresholdTuner.Tune(split.Holdout, scores, positive, ThresholdObjective.F1)|};
                    return tuned.Threshold;
                }
            }
            """);

    [Fact]
    public Task ImbalanceGuard_threshold_tuner_on_test_binary_scores()
        => Verify("""
            using ImbalanceGuard.Thresholds;

            static class Tuning
            {
                public static double Run(int[] yTest, double[] testProbabilities)
                {
                    var testScores = BinaryScores.Create(yTest, testProbabilities);
                    return {|IG0006:ThresholdTuner.Tune(testScores, ThresholdObjective.Mcc)|}.Threshold;
                }
            }
            """);

    [Fact]
    public Task MLNet_bridge_threshold_tuner_fed_the_scored_test_set()
        => Verify("""
            using ImbalanceGuard.Thresholds;

            static class Tuning
            {
                public static double Run(MLContext ml, ITransformer model, IDataView data)
                {
                    var split = ml.Data.StratifiedTrainTestSplit(data, testFraction: 0.2, seed: 1);
                    var predictions = model.Transform(split.TestSet);
                    return {|IG0006:ml.BinaryClassification.TuneThreshold(predictions, ThresholdObjective.F1)|}.Threshold;
                }
            }
            """);

    /// <summary>ImbalanceGuard's confusion at each candidate threshold on test scores, the best F-beta kept.</summary>
    [Fact]
    public Task ImbalanceGuard_confusion_sweep_on_test_scores()
        => Verify("""
            static class Tuning
            {
                public static double Run(BinaryScores testScores, double[] grid)
                {
                    var best = (Threshold: 0.0, F2: -1.0);
                    foreach (var threshold in grid)
                    {
                        var f2 = BinaryConfusion.At(testScores, threshold).FBeta(2);
                        if ({|IG0006:f2 > best.F2|})
                        {
                            best = (threshold, f2);
                        }
                    }

                    return best.Threshold;
                }
            }
            """);

    /// <summary>A hand-written F1 helper called with the test labels and scores at each threshold.</summary>
    [Fact]
    public Task Hand_written_metric_helper_swept_over_thresholds_on_test_arrays()
        => Verify("""
            static class Tuning
            {
                static double F1(bool[] labels, double[] scores, double threshold)
                {
                    double tp = 0, fp = 0, fn = 0;
                    for (var i = 0; i < labels.Length; i++)
                    {
                        var flagged = scores[i] >= threshold;
                        if (flagged && labels[i]) tp++;
                        else if (flagged) fp++;
                        else if (labels[i]) fn++;
                    }

                    return 2 * tp / (2 * tp + fp + fn);
                }

                public static double Choose(bool[] yTest, double[] testScores)
                {
                    var bestF1 = 0.0;
                    var bestCut = 0.0;
                    for (var cut = 0.01; cut < 1; cut += 0.01)
                    {
                        var f1 = F1(yTest, testScores, cut);
                        if ({|IG0006:f1 >= bestF1|})
                        {
                            bestF1 = f1;
                            bestCut = cut;
                        }
                    }

                    return bestCut;
                }
            }
            """);

    /// <summary>A <c>Math.Max</c> accumulation with the candidate kept when the maximum moved.</summary>
    [Fact]
    public Task Math_Max_accumulation_with_the_candidate_kept()
        => Verify("""
            static class Tuning
            {
                static double Recall(double[] scores, bool[] labels, double cut) => scores.Where((s, i) => labels[i] && s >= cut).Count() / (double)labels.Count(l => l);

                public static double Choose(double[] testScores, bool[] testLabels, double[] cuts)
                {
                    var best = 0.0;
                    var chosen = 0.5;
                    foreach (var cut in cuts)
                    {
                        var before = best;
                        best = {|IG0006:Math.Max(best, Recall(testScores, testLabels, cut) - cut / 10)|};
                        if (best != before)
                        {
                            chosen = cut;
                        }
                    }

                    return chosen;
                }
            }
            """);

    /// <summary>A hand-written model-selection loop over a user's own model type, scored on a test list of rows.</summary>
    [Fact]
    public Task Hand_written_model_selection_by_test_score_of_a_user_model()
        => Verify("""
            sealed class Stump
            {
                public Stump(double cut) => Cut = cut;
                public double Cut { get; }
                public double Score(IReadOnlyList<Transaction> rows) => rows.Count(r => (r.Amount > Cut) == r.Label) / (double)rows.Count;
            }

            static class Selection
            {
                public static Stump Best(IReadOnlyList<Stump> stumps, IReadOnlyList<Transaction> testing)
                {
                    Stump? winner = null;
                    var top = double.NegativeInfinity;
                    foreach (var stump in stumps)
                    {
                        var score = stump.Score(testing);
                        if ({|IG0006:top < score|})
                        {
                            top = score;
                            winner = stump;
                        }
                    }

                    return winner!;
                }
            }
            """);

    /// <summary>Test data in a field, a helper returning a record of metrics, and <c>MaxBy</c> on the record's member.</summary>
    [Fact]
    public Task Record_of_metrics_from_a_field_holding_test_data_ranked_with_MaxBy()
        => Verify("""
            sealed record Result(double Threshold, double F1, double Precision);

            sealed class Experiment
            {
                private readonly (bool Label, double Score)[] _testRows;

                public Experiment((bool Label, double Score)[] testRows) => _testRows = testRows;

                Result Measure((bool Label, double Score)[] rows, double t)
                {
                    var tp = rows.Count(r => r.Label && r.Score >= t);
                    var fp = rows.Count(r => !r.Label && r.Score >= t);
                    var fn = rows.Count(r => r.Label && r.Score < t);
                    return new Result(t, 2.0 * tp / (2 * tp + fp + fn), tp / (double)Math.Max(1, tp + fp));
                }

                public double Choose(double[] grid)
                {
                    var results = grid.Select(t => Measure(_testRows, t)).ToList();
                    return {|IG0006:results.MaxBy(r => r.F1)|}!.Threshold;
                }
            }
            """);

    /// <summary>Top-level statements, the ImbalanceGuard holdout deconstructed, the tuned objective's value compared.</summary>
    [Fact]
    public Task Top_level_sweep_over_holdout_scores_of_a_deconstructed_split()
        => Verify("""
            var data = Dataset.FromRows(new double[10][], new int[10]);
            var (train, holdout) = Split.Stratified(data, 0.3, seed: 7);
            var scores = new double[holdout.RowCount];
            var betas = new[] { 0.5, 1.0, 2.0 };
            double bestBeta = 1, bestValue = 0;
            foreach (var beta in betas)
            {
                var report = EvaluationReport.Of(BinaryScores.Create(holdout.Labels, scores));
                var value = report.Confusion?.FBeta(beta) ?? 0;
                if ({|IG0006:value > bestValue|}) { bestValue = value; bestBeta = beta; }
            }

            Console.WriteLine(bestBeta);
            """,
            topLevel: true);

    /// <summary>The early-<c>continue</c> form of the sweep: what follows the comparison keeps the best.</summary>
    [Fact]
    public Task Sweep_with_early_continue_on_test_metrics()
        => Verify("""
            static class Tuning
            {
                public static ITransformer Run(MLContext ml, IEnumerable<ITransformer> models, IDataView testView)
                {
                    ITransformer? chosen = null;
                    var bestLoss = double.MaxValue;
                    foreach (var model in models)
                    {
                        var loss = ml.BinaryClassification.Evaluate(model.Transform(testView)).LogLoss;
                        if ({|IG0006:loss >= bestLoss|})
                        {
                            continue;
                        }

                        bestLoss = loss;
                        chosen = model;
                    }

                    return chosen!;
                }
            }
            """);

    /// <summary>A ranking stored in a local and its first element taken later.</summary>
    [Fact]
    public Task Ranking_stored_then_first_element_taken()
        => Verify("""
            static class Selection
            {
                public static string Best(MLContext ml, Dictionary<string, ITransformer> models, IDataView testSet)
                {
                    var board = models
                        .Select(p => (Name: p.Key, Metrics: ml.MulticlassClassification.Evaluate(p.Value.Transform(testSet))))
                        .ToList();
                    var ranked = {|IG0006:board.OrderByDescending(b => b.Metrics.MacroAccuracy)|}.ToList();
                    foreach (var entry in ranked)
                    {
                        Console.WriteLine($"{entry.Name}: {entry.Metrics.MacroAccuracy:0.###}");
                    }

                    return ranked[0].Name;
                }
            }
            """);

    /// <summary>Plain accuracy used to select a model on test data: IG0004 and IG0006 both fire, each with its own reason.</summary>
    [Fact]
    public async Task Accuracy_used_to_select_on_test_data_fires_IG0004_and_IG0006()
    {
        const string source = """
            static class Selection
            {
                public static ITransformer? Best(MLContext ml, IDataView test, List<ITransformer> models)
                {
                    ITransformer? best = null;
                    double bestScore = 0;
                    foreach (var model in models)
                    {
                        var metrics = ml.BinaryClassification.Evaluate(model.Transform(test));
                        if (ACCURACY > bestScore)
                        {
                            bestScore = metrics.Accuracy;
                            best = model;
                        }
                    }

                    return best;
                }
            }
            """;
        await Verifier.VerifyAsync<PlainAccuracyAnalyzer>(source.Replace("ACCURACY > bestScore", "{|IG0004:metrics.Accuracy|} > bestScore"));
        await Verify(source.Replace("ACCURACY > bestScore", "{|IG0006:metrics.Accuracy > bestScore|}"));
    }

    [Fact]
    public Task Configured_test_name_is_test_data()
        => Verify("""
            static class Tuning
            {
                public static double Run(MLContext ml, ITransformer model, IDataView backtestData, float[] cuts)
                {
                    double best = 0, chosen = 0;
                    foreach (var cut in cuts)
                    {
                        var m = ml.BinaryClassification.EvaluateNonCalibrated(model.Transform(backtestData), scoreColumnName: "Score" + cut);
                        if ({|IG0006:m.PositiveRecall > best|}) { best = m.PositiveRecall; chosen = cut; }
                    }

                    return chosen;
                }
            }
            """,
            "imbalance_guard.test_data_names = backtest\n");

    /// <summary>
    /// The key from before the split (<c>evaluation_data_names</c>) keeps meaning evaluation data of no stated kind:
    /// IG0003's, never IG0006's; a word in <c>validation_data_names</c> vetoes a test word in the same name.
    /// </summary>
    [Theory]
    [InlineData("imbalance_guard.evaluation_data_names = backtest\n")]
    [InlineData("imbalance_guard.validation_data_names = backtest\n")]
    public Task Legacy_or_validation_name_is_not_test_data(string editorConfig)
        => Verify("""
            static class Tuning
            {
                public static double Run(MLContext ml, ITransformer model, IDataView backtestData, IDataView backtestTestData, float[] cuts)
                {
                    double best = 0, chosen = 0;
                    foreach (var cut in cuts)
                    {
                        var m = ml.BinaryClassification.EvaluateNonCalibrated(model.Transform(backtestData), scoreColumnName: "Score" + cut);
                        var n = ml.BinaryClassification.EvaluateNonCalibrated(model.Transform(backtestTestData), scoreColumnName: "Score" + cut);
                        if (m.PositiveRecall + n.PositiveRecall > best) { best = m.PositiveRecall; chosen = cut; }
                    }

                    return chosen;
                }
            }
            """,
            editorConfig);

    // ------------------------------------------------------------------ not flagged

    /// <summary>The same sweep on validation, val, dev and out-of-fold data: where tuning belongs.</summary>
    [Theory]
    [InlineData("validationScores")]
    [InlineData("valScores")]
    [InlineData("devScores")]
    [InlineData("oofScores")]
    [InlineData("cvScores")]
    public Task Threshold_sweep_on_tuning_data_is_clean(string name)
        => Verify($$"""
            static class Tuning
            {
                public static double Run(BinaryScores {{name}}, BinaryScores testScores, double[] grid)
                {
                    double best = 0, bestThreshold = 0.5;
                    foreach (var t in grid)
                    {
                        var f1 = BinaryConfusion.At({{name}}, t).F1;
                        if (f1 > best) { best = f1; bestThreshold = t; }
                    }

                    return BinaryConfusion.At(testScores, bestThreshold).F1;
                }
            }
            """);

    /// <summary><c>eval</c>/<c>evaluation</c> could be either kind: not test data for IG0006.</summary>
    [Fact]
    public Task Selection_on_eval_data_is_clean()
        => Verify("""
            static class Selection
            {
                public static ITransformer Best(MLContext ml, IReadOnlyList<ITransformer> models, IDataView evalData, IDataView evaluationSet, IDataView test)
                {
                    var first = models.MaxBy(m => ml.BinaryClassification.Evaluate(m.Transform(evalData)).AreaUnderRocCurve)!;
                    Console.WriteLine(ml.BinaryClassification.Evaluate(first.Transform(test)).AreaUnderRocCurve);
                    return models.OrderByDescending(m => ml.BinaryClassification.Evaluate(m.Transform(evaluationSet)).F1Score).First() ?? first;
                }
            }
            """);

    [Fact]
    public Task Threshold_tuner_on_validation_and_out_of_fold_scores_is_clean()
        => Verify("""
            using ImbalanceGuard.Thresholds;

            static class Tuning
            {
                public static double Run(MLContext ml, ITransformer model, IDataView validation, BinaryScores outOfFold, int[] yVal, double[] pVal, IDataView test)
                {
                    var a = ml.BinaryClassification.TuneThreshold(model.Transform(validation), ThresholdObjective.F1).Threshold;
                    var b = ThresholdTuner.Tune(outOfFold, ThresholdObjective.F1).Threshold;
                    var c = ThresholdTuner.Tune(BinaryScores.Create(yVal, pVal), ThresholdObjective.Mcc).Threshold;
                    var report = ml.BinaryClassification.EvaluateAtThreshold(model.Transform(test), a);
                    return (a + b + c) / 3 + (report.Confusion?.F1 ?? 0);
                }
            }
            """);

    /// <summary>
    /// A fold's validation part is a <c>HoldoutSet</c> too, and each fold of ML.NET's <c>CrossValidationSplit</c> has a
    /// <c>TestSet</c>, but tuning on them is what cross-validation is for.
    /// </summary>
    [Fact]
    public Task Threshold_tuner_on_a_folds_validation_part_is_clean()
        => Verify("""
            using ImbalanceGuard.Thresholds;

            static class Tuning
            {
                public static double Run(Dataset data, string positive)
                {
                    var total = 0.0;
                    foreach (var fold in new StratifiedKFold(5, seed: 1).Split(data))
                    {
                        var scores = new double[fold.Validation.RowCount];
                        total += ThresholdTuner.Tune(fold.Validation, scores, positive, ThresholdObjective.F1).Threshold;
                        var again = fold.Split.Holdout;
                        total += ThresholdTuner.Tune(again, scores, positive, ThresholdObjective.F1).Threshold;
                    }

                    return total / 5;
                }

                public static double RunMLNet(MLContext ml, IDataView data, IEstimator<ITransformer> pipeline)
                {
                    var total = 0.0;
                    foreach (var split in ml.Data.CrossValidationSplit(data, numberOfFolds: 5))
                    {
                        var scored = pipeline.Fit(split.TrainSet).Transform(split.TestSet);
                        total += ml.BinaryClassification.TuneThreshold(scored, ThresholdObjective.F1).Threshold;
                    }

                    var folds = ml.Data.StratifiedCrossValidationSplit(data, numberOfFolds: 5);
                    var first = folds[0];
                    total += ml.BinaryClassification.TuneThreshold(pipeline.Fit(first.TrainSet).Transform(first.TestSet), ThresholdObjective.F1).Threshold;
                    return total / 6;
                }
            }
            """);

    /// <summary>
    /// Selecting by a training metric is not IG0006's concern (it overfits, but it does not make the test score
    /// optimistic); the test set is then used once.
    /// </summary>
    [Fact]
    public Task Model_chosen_on_training_metrics_then_scored_once_on_test_data_is_clean()
        => Verify("""
            static class Selection
            {
                public static double Run(MLContext ml, IReadOnlyList<ITransformer> models, IDataView trainData, IDataView testData)
                {
                    var best = models.MaxBy(m => ml.BinaryClassification.Evaluate(m.Transform(trainData)).AreaUnderPrecisionRecallCurve)!;
                    return ml.BinaryClassification.Evaluate(best.Transform(testData)).AreaUnderPrecisionRecallCurve;
                }
            }
            """);

    /// <summary>The honest protocol: tune on validation, then report the choice on the test set.</summary>
    [Fact]
    public Task Sweep_on_validation_then_one_score_on_test_is_clean()
        => Verify("""
            static class Tuning
            {
                public static double Run(BinaryScores valScores, BinaryScores testScores, double[] grid)
                {
                    double best = 0, bestThreshold = 0.5;
                    foreach (var t in grid)
                    {
                        var f1 = BinaryConfusion.At(valScores, t).F1;
                        if (f1 > best) { best = f1; bestThreshold = t; }
                    }

                    var testF1 = BinaryConfusion.At(testScores, bestThreshold).F1;
                    if (testF1 < 0.5)
                    {
                        Console.WriteLine("below target");
                    }

                    return testF1;
                }
            }
            """);

    [Fact]
    public Task Loop_that_only_prints_test_metrics_is_clean()
        => Verify("""
            static class Report
            {
                public static void Print(MLContext ml, IReadOnlyList<ITransformer> models, IDataView test)
                {
                    foreach (var model in models)
                    {
                        var metrics = ml.BinaryClassification.Evaluate(model.Transform(test));
                        Console.WriteLine($"AUC {metrics.AreaUnderRocCurve:0.###}, PR-AUC {metrics.AreaUnderPrecisionRecallCurve:0.###}");
                        if (metrics.AreaUnderRocCurve < 0.6)
                        {
                            Console.WriteLine("weak model");
                        }
                    }
                }
            }
            """);

    /// <summary>
    /// Decided: the best test value kept with nothing chosen by it (no threshold, model or setting) is a report,
    /// not a choice; the maximum alone is not flagged, nor is the metrics object kept beside it.
    /// </summary>
    [Fact]
    public Task Best_test_metric_kept_only_to_report_it_is_clean()
        => Verify("""
            static class Report
            {
                public static void Print(MLContext ml, IReadOnlyList<ITransformer> models, IDataView test)
                {
                    double best = 0;
                    double viaMax = 0;
                    BinaryClassificationMetrics? bestMetrics = null;
                    foreach (var model in models)
                    {
                        var metrics = ml.BinaryClassification.Evaluate(model.Transform(test));
                        if (metrics.F1Score > best)
                        {
                            best = metrics.F1Score;
                            bestMetrics = metrics;
                        }

                        viaMax = Math.Max(viaMax, metrics.F1Score);
                    }

                    Console.WriteLine($"best F1 {best}, {viaMax}, {bestMetrics?.PositivePrecision}");
                    Console.WriteLine(models.Max(m => ml.BinaryClassification.Evaluate(m.Transform(test)).F1Score));
                }
            }
            """);

    /// <summary>The highest-scored test rows (a per-row prediction, not a metric of the set) picked for a review queue.</summary>
    [Fact]
    public Task Picking_the_top_scored_test_rows_is_clean()
        => Verify("""
            static class Review
            {
                static double Predict(double[] weights, double[] row) => row.Zip(weights, (x, w) => x * w).Sum();

                public static int Top(double[] weights, double[][] testRows, MLContext ml, PredictionEngine<Transaction, FraudPrediction> engine, List<Transaction> testTransactions)
                {
                    var best = double.MinValue;
                    var bestRow = -1;
                    for (var i = 0; i < testRows.Length; i++)
                    {
                        var p = Predict(weights, testRows[i]);
                        if (p > best) { best = p; bestRow = i; }
                    }

                    Transaction? riskiest = null;
                    var top = 0f;
                    foreach (var t in testTransactions)
                    {
                        var probability = engine.Predict(t).Probability;
                        if (probability > top) { top = probability; riskiest = t; }
                    }

                    var ranked = testTransactions.OrderByDescending(t => engine.Predict(t).Probability).Take(10).ToList();
                    Console.WriteLine(riskiest?.Amount + ranked.Count);
                    return bestRow;
                }
            }
            """);

    /// <summary>A leaderboard sorted by test AUC and printed: a ranking reported, nothing picked from it.</summary>
    [Fact]
    public Task Leaderboard_sorted_by_test_metric_and_printed_is_clean()
        => Verify("""
            static class Report
            {
                public static void Print(MLContext ml, IReadOnlyDictionary<string, ITransformer> models, IDataView test)
                {
                    var rows = models.Select(p => (Name: p.Key, Auc: ml.BinaryClassification.Evaluate(p.Value.Transform(test)).AreaUnderRocCurve));
                    foreach (var row in rows.OrderByDescending(r => r.Auc))
                    {
                        Console.WriteLine($"{row.Name}: {row.Auc:0.###}");
                    }
                }
            }
            """);

    /// <summary>The weakest class on the test set, kept to be reported: nothing is chosen by it.</summary>
    [Fact]
    public Task Worst_class_on_test_data_kept_for_the_report_is_clean()
        => Verify("""
            static class Report
            {
                static double RecallOf(int label, int[] actual, int[] predicted)
                    => actual.Where((a, i) => a == label && predicted[i] == a).Count() / (double)Math.Max(1, actual.Count(a => a == label));

                public static void Print(int[] testLabels, int[] testPredictions, int classCount)
                {
                    var worstRecall = 1.0;
                    var weakestClass = -1;
                    for (var label = 0; label < classCount; label++)
                    {
                        var recall = RecallOf(label, testLabels, testPredictions);
                        if (recall < worstRecall) { worstRecall = recall; weakestClass = label; }
                    }

                    Console.WriteLine($"weakest class {weakestClass}: recall {worstRecall:P1}");
                }
            }
            """);

    /// <summary>Ranked by a member that is not the test metric (the threshold itself, the name): no metric decides.</summary>
    [Fact]
    public Task Ranking_by_a_member_other_than_the_test_metric_is_clean()
        => Verify("""
            static class Tuning
            {
                public static double Run(BinaryScores testScores, double[] grid)
                {
                    var sweep = grid.Select(t => (Threshold: t, F1: BinaryConfusion.At(testScores, t).F1)).ToList();
                    foreach (var point in sweep)
                    {
                        Console.WriteLine($"{point.Threshold}: {point.F1}");
                    }

                    return sweep.MaxBy(p => p.Threshold).Threshold + sweep.OrderBy(p => p.Threshold).First().Threshold;
                }
            }
            """);

    /// <summary>Numbers and text named test are not test data: a test fraction or count compared in a sweep.</summary>
    [Fact]
    public Task Test_fraction_and_counts_are_not_test_data()
        => Verify("""
            static class Tuning
            {
                static double Score(double[] fractions, int seed, int index) => fractions[index] * seed;

                public static int Run(double[] testFractions, int testCount, IReadOnlyList<int> testSizes)
                {
                    double best = 0;
                    var chosen = 0;
                    for (var i = 0; i < testSizes.Count; i++)
                    {
                        var s = Score(testFractions, testCount, i);
                        if (s > best) { best = s; chosen = i; }
                    }

                    return chosen;
                }
            }
            """);

    /// <summary>A validation-named local wins over where it came from: the user set this part aside for tuning.</summary>
    [Fact]
    public Task Test_part_renamed_validation_is_tuning_data()
        => Verify("""
            static class Tuning
            {
                public static float Run(MLContext ml, IDataView data, IEstimator<ITransformer> pipeline, float[] cuts)
                {
                    var split = ml.Data.TrainTestSplit(data, testFraction: 0.2);
                    var validationSet = split.TestSet;
                    var model = pipeline.Fit(split.TrainSet);
                    double best = 0;
                    float chosen = 0;
                    foreach (var cut in cuts)
                    {
                        var m = ml.BinaryClassification.Evaluate(model.Transform(validationSet));
                        if (m.F1Score > best) { best = m.F1Score; chosen = cut; }
                    }

                    return chosen;
                }
            }
            """);

    /// <summary>
    /// Not ML: the fastest implementation on test inputs. A helper of the user's is a metric only when its name or
    /// its result's numbers say so (F1, Auc, Score, Loss, ...); a benchmark's seconds are not.
    /// </summary>
    [Fact]
    public Task Fastest_implementation_on_test_inputs_is_clean()
        => Verify("""
            static class Bench
            {
                static double Measure(Func<double[], double> implementation, double[][] inputs)
                {
                    var watch = System.Diagnostics.Stopwatch.StartNew();
                    foreach (var input in inputs) implementation(input);
                    return watch.Elapsed.TotalSeconds;
                }

                public static Func<double[], double> Fastest(IEnumerable<Func<double[], double>> implementations, double[][] testInputs)
                {
                    var bestTime = double.MaxValue;
                    Func<double[], double>? fastest = null;
                    foreach (var implementation in implementations)
                    {
                        var time = Measure(implementation, testInputs);
                        if (time < bestTime) { bestTime = time; fastest = implementation; }
                    }

                    return implementations.MinBy(i => Measure(i, testInputs)) ?? fastest!;
                }
            }
            """);

    /// <summary>Code without test data or a selection costs one token scan; early stopping on a training loss is not IG0006.</summary>
    [Fact]
    public Task Early_stopping_on_training_loss_is_clean()
        => Verify("""
            static class Training
            {
                static double Loss(double[] weights, double[][] rows) => rows.Length == 0 ? 0 : weights.Sum() / rows.Length;

                public static double[] Fit(double[][] trainRows, double[] weights, int epochs)
                {
                    var bestLoss = double.MaxValue;
                    var bestWeights = weights;
                    for (var epoch = 0; epoch < epochs; epoch++)
                    {
                        var loss = Loss(weights, trainRows);
                        if (loss < bestLoss) { bestLoss = loss; bestWeights = (double[])weights.Clone(); }
                    }

                    return bestWeights;
                }
            }
            """);
}
