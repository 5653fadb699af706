namespace ImbalanceGuard.CompileTests;

/// <summary>
/// Every way of leaking that the types are meant to rule out, written as user code and compiled: each must
/// fail with exactly the compiler errors named, on the marked expression.
/// </summary>
public class LeakyCodeDoesNotCompileTests
{
    // --- Resampling anything but a training set ---

    [Fact]
    public void Resampling_a_holdout_set_does_not_compile()
        => Snippet.InMethod("var resampled = sampler.Resample([|holdout|]);")
            .ShouldFailWith("CS1503")
            .WithMessageNaming("ImbalanceGuard.HoldoutSet", "ImbalanceGuard.TrainingSet");

    [Fact]
    public void Fit_resampling_a_holdout_set_does_not_compile()
        => Snippet.InMethod("var result = sampler.FitResample([|holdout|]);")
            .ShouldFailWith("CS1503")
            .WithMessageNaming("ImbalanceGuard.HoldoutSet", "ImbalanceGuard.TrainingSet");

    [Fact]
    public void Resampling_the_holdout_side_of_a_fresh_split_does_not_compile()
        => Snippet.InMethod("""
            var (train, test) = Split.Stratified(data, 0.2, seed: 1);
            var resampled = new Smote().Resample([|test|]);
            """)
            .ShouldFailWith("CS1503");

    [Fact]
    public void Resampling_a_fold_validation_side_does_not_compile()
        => Snippet.InMethod("var resampled = sampler.Resample([|fold.Validation|]);")
            .ShouldFailWith("CS1503")
            .WithMessageNaming("ImbalanceGuard.HoldoutSet", "ImbalanceGuard.TrainingSet");

    [Fact]
    public void Resampling_a_deconstructed_fold_validation_side_does_not_compile()
        => Snippet.InMethod("""
            foreach (var (train, validation) in new StratifiedKFold(5).Split(data))
            {
                var resampled = sampler.Resample([|validation|]);
            }
            """)
            .ShouldFailWith("CS1503");

    [Fact]
    public void Resampling_unsplit_data_does_not_compile()
        => Snippet.InMethod("var resampled = new RandomOverSampler().Resample([|data|]);")
            .ShouldFailWith("CS1503")
            .WithMessageNaming("ImbalanceGuard.Dataset", "ImbalanceGuard.TrainingSet");

    [Fact]
    public void Resampling_labeled_data_of_unknown_side_does_not_compile()
        => Snippet.InMethod("var resampled = sampler.Resample([|labeled|]);")
            .ShouldFailWith("CS1503")
            .WithMessageNaming("ImbalanceGuard.LabeledData", "ImbalanceGuard.TrainingSet");

    [Fact]
    public void Fit_resampling_labeled_data_does_not_compile()
        => Snippet.InMethod("var result = sampler.FitResample([|(LabeledData)training|]);")
            .ShouldFailWith("CS1503");

    // --- Splitting resampled data ---

    [Fact]
    public void Stratified_split_of_resampled_data_does_not_compile()
        => Snippet.InMethod("var split = Split.Stratified([|sampler.Resample(training)|]);")
            .ShouldFailWith("CS1503")
            .WithMessageNaming("ImbalanceGuard.TrainingSet", "ImbalanceGuard.Dataset");

    [Fact]
    public void Stratified_split_of_a_sampling_result_does_not_compile()
        => Snippet.InMethod("var split = Split.Stratified([|sampler.FitResample(training).Resampled|], 0.3, seed: 2);")
            .ShouldFailWith("CS1503");

    [Fact]
    public void Stratified_k_fold_of_resampled_data_does_not_compile()
        => Snippet.InMethod("var folds = new StratifiedKFold(5).Split([|new Smote().Resample(training)|]);")
            .ShouldFailWith("CS1503")
            .WithMessageNaming("ImbalanceGuard.TrainingSet", "ImbalanceGuard.Dataset");

    [Fact]
    public void Fold_assignment_of_resampled_data_does_not_compile()
        => Snippet.InMethod("var assignment = new StratifiedKFold(5).AssignFolds([|sampler.Resample(training)|]);")
            .ShouldFailWith("CS1503");

    [Fact]
    public void Repeated_stratified_k_fold_of_resampled_data_does_not_compile()
        => Snippet.InMethod("var folds = new RepeatedStratifiedKFold(5, 3).Split([|sampler.Resample(training)|]);")
            .ShouldFailWith("CS1503");

    [Fact]
    public void Time_ordered_split_of_resampled_data_does_not_compile()
        => Snippet.InMethod("var split = Split.TimeOrdered([|sampler.Resample(training)|], 0.2);")
            .ShouldFailWith("CS1503");

    [Fact]
    public void Grouped_split_of_resampled_data_does_not_compile()
        => Snippet.InMethod("var split = Split.Grouped([|sampler.Resample(training)|], groups, 0.2);")
            .ShouldFailWith("CS1503");

    [Fact]
    public void Declaring_resampled_data_a_training_set_again_does_not_compile()
        => Snippet.InMethod("var again = Split.FromPreSplit([|sampler.Resample(training)|]);")
            .ShouldFailWith("CS1503")
            .WithMessageNaming("ImbalanceGuard.TrainingSet", "ImbalanceGuard.Dataset");

    [Fact]
    public void Declaring_resampled_data_one_side_of_a_pre_split_pair_does_not_compile()
        => Snippet.InMethod("var split = Split.FromPreSplit([|sampler.Resample(training)|], data);")
            .ShouldFailWith("CS1503");

    [Fact]
    public void Declaring_resampled_data_the_holdout_of_a_pre_split_pair_does_not_compile()
        => Snippet.InMethod("var split = Split.FromPreSplit(data, [|sampler.Resample(training)|]);")
            .ShouldFailWith("CS1503");

    [Fact]
    public void Splitting_a_training_set_again_does_not_compile()
        => Snippet.InMethod("var split = Split.Stratified([|training|]);")
            .ShouldFailWith("CS1503");

    [Fact]
    public void Splitting_a_holdout_set_does_not_compile()
        => Snippet.InMethod("var split = Split.Stratified([|holdout|]);")
            .ShouldFailWith("CS1503");

    // --- Turning one kind of data into another ---

    [Fact]
    public void Casting_a_training_set_to_a_dataset_does_not_compile()
        => Snippet.InMethod("var unsplit = [|(Dataset)training|];")
            .ShouldFailWith("CS0030")
            .WithMessageNaming("ImbalanceGuard.TrainingSet", "ImbalanceGuard.Dataset");

    [Fact]
    public void Casting_resampled_data_to_a_dataset_to_split_it_does_not_compile()
        => Snippet.InMethod("var split = Split.Stratified([|(Dataset)sampler.Resample(training)|]);")
            .ShouldFailWith("CS0030");

    [Fact]
    public void Casting_a_holdout_set_to_a_training_set_does_not_compile()
        => Snippet.InMethod("var resampled = sampler.Resample([|(TrainingSet)holdout|]);")
            .ShouldFailWith("CS0030")
            .WithMessageNaming("ImbalanceGuard.HoldoutSet", "ImbalanceGuard.TrainingSet");

    [Fact]
    public void Casting_a_dataset_to_a_training_set_does_not_compile()
        => Snippet.InMethod("var resampled = sampler.Resample([|(TrainingSet)data|]);")
            .ShouldFailWith("CS0030");

    [Fact]
    public void Assigning_a_training_set_to_a_dataset_does_not_compile()
        => Snippet.InMethod("Dataset unsplit = [|training|];")
            .ShouldFailWith("CS0029")
            .WithMessageNaming("ImbalanceGuard.TrainingSet", "ImbalanceGuard.Dataset");

    [Fact]
    public void Assigning_resampled_data_to_a_dataset_does_not_compile()
        => Snippet.InMethod("Dataset unsplit = [|new Smote().Resample(training)|];")
            .ShouldFailWith("CS0029");

    [Fact]
    public void Assigning_a_holdout_set_to_a_training_set_does_not_compile()
        => Snippet.InMethod("TrainingSet train = [|holdout|];")
            .ShouldFailWith("CS0029");

    [Fact]
    public void Converting_a_training_set_with_as_does_not_compile()
        => Snippet.InMethod("var unsplit = [|training as Dataset|];")
            .ShouldFailWith("CS0039");

    [Fact]
    public void Matching_a_training_set_as_a_dataset_does_not_compile()
        => Snippet.InMethod("if (training is [|Dataset|] unsplit) { }")
            .ShouldFailWith("CS8121");

    // --- Making the split types by hand ---
    //
    // Their constructors are internal. The compiler does not even import internal members of another
    // assembly, so the error is "no constructor takes N arguments" (CS1729), not "inaccessible" (CS0122).

    [Fact]
    public void Constructing_a_training_set_does_not_compile()
        => Snippet.InMethod("var made = new [|TrainingSet|]();")
            .ShouldFailWith("CS1729");

    [Fact]
    public void Constructing_a_training_set_from_an_argument_does_not_compile()
        => Snippet.InMethod("var made = new [|TrainingSet|](data);")
            .ShouldFailWith("CS1729");

    [Fact]
    public void Constructing_a_holdout_set_does_not_compile()
        => Snippet.InMethod("var made = new [|HoldoutSet|](data);")
            .ShouldFailWith("CS1729");

    [Fact]
    public void Constructing_a_dataset_does_not_compile()
        => Snippet.InMethod("var made = new [|Dataset|](training);")
            .ShouldFailWith("CS1729");

    [Fact]
    public void Constructing_a_split_does_not_compile()
        => Snippet.InMethod("var made = new [|TrainHoldoutSplit|](training, holdout, new int[0], new int[0]);")
            .ShouldFailWith("CS1729");

    [Fact]
    public void Subclassing_labeled_data_does_not_compile()
        => Snippet.InFile("public sealed class [|MyTrainingData|] : LabeledData { }")
            .ShouldFailWith("CS1729");

    /// <summary>
    /// The constructor is <c>private protected</c>, which the compiler sees from outside but may not call
    /// (CS0122); the abstract rule it would have to override takes internal types, so it cannot be
    /// implemented either (CS0534).
    /// </summary>
    [Fact]
    public void Subclassing_sampler_does_not_compile()
        => Snippet.InFile("""
            public sealed class [|EvaluationSampler|] : Sampler
            {
                public override string Name => "eval";
                public override SamplingKind Kind => SamplingKind.OverSampling;
            }
            """)
            .ShouldFailWith("CS0122", "CS0534")
            .WithMessageNaming("Sampler.Sampler()", "inaccessible");

    [Fact]
    public void Subclassing_sampler_through_an_explicit_base_call_does_not_compile()
        => Snippet.InFile("""
            public sealed class [|EvaluationSampler|] : Sampler
            {
                public EvaluationSampler()
                    : [|base|]()
                {
                }

                public override string Name => "eval";
                public override SamplingKind Kind => SamplingKind.OverSampling;
            }
            """)
            .ShouldFailWith("CS0534", "CS0122");

    [Fact]
    public void Overriding_the_sampler_rule_from_outside_does_not_compile()
        => Snippet.InFile("""
            public sealed class [|EvaluationSampler|] : Sampler
            {
                public override string Name => "eval";
                public override SamplingKind Kind => SamplingKind.OverSampling;
                private protected override [|SamplerOutput|] ResampleCore([|SamplerInput|] input, [|SamplingTargets|] targets)
                    => throw new NotSupportedException();
            }
            """)
            .ShouldFailWith("CS0122", "CS0534", "CS0122", "CS0122", "CS0122");

    [Fact]
    public void Deriving_from_a_sealed_sampler_does_not_compile()
        => Snippet.InFile("public class MySmote : [|Smote|] { }")
            .ShouldFailWith("CS0509");

    // --- The leakage guard's sides cannot be swapped ---

    [Fact]
    public void Swapping_the_leakage_guard_arguments_does_not_compile()
        => Snippet.InMethod("LeakageGuard.EnsureIndependent([|holdout|], [|training|]);")
            .ShouldFailWith("CS1503", "CS1503");

    // --- The harness sees what a user sees ---

    [Fact]
    public void Library_internals_are_invisible_to_user_code()
        => Snippet.InMethod("var table = data.[|Table|];")
            .ShouldFailWith("CS1061");
}
