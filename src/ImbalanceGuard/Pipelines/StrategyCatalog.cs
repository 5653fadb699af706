using System.Globalization;
using ImbalanceGuard.Ensembles;
using ImbalanceGuard.Models;
using ImbalanceGuard.Sampling;
using ImbalanceGuard.Thresholds;

namespace ImbalanceGuard.Pipelines;

/// <summary>
/// The ways to handle imbalance, by name, each as a ready <see cref="ImbalancePipeline"/> around a base model:
/// <c>none</c>, <c>class-weight</c> (balanced), any sampler of <see cref="SamplerCatalog"/>, the balanced
/// ensembles (<c>easy-ensemble</c>, <c>balanced-bagging</c>, <c>balanced-random-forest</c>, <c>rus-boost</c>)
/// and <c>focal-loss</c>. What the command line's <c>compare</c> runs.
/// </summary>
/// <remarks>
/// Base models: <c>logistic</c> (standardised features, L2 logistic regression), <c>tree</c> (a CART tree),
/// <c>forest</c> (a 100-tree random forest). Balanced bagging bags the base model; the easy ensemble,
/// balanced random forest and RUSBoost use their own learners (imbalanced-learn's defaults), and
/// <c>focal-loss</c> is always logistic regression with the focal loss (γ = 2) on standardised features.
/// </remarks>
public static class StrategyCatalog
{
    /// <summary>The strategies that are not samplers.</summary>
    private static readonly string[] Named = ["none", "class-weight", "easy-ensemble", "balanced-bagging", "balanced-random-forest", "rus-boost", "focal-loss", "isolation-forest", "cascade"];

    /// <summary>Every strategy name: <c>none</c>, <c>class-weight</c>, the sampler names, the ensembles, <c>focal-loss</c>, <c>isolation-forest</c> and <c>cascade</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Named[..2], .. SamplerCatalog.Names, .. Named[2..]];

    /// <summary>The base models: <c>logistic</c>, <c>tree</c>, <c>forest</c>.</summary>
    public static IReadOnlyList<string> Models { get; } = ["logistic", "tree", "forest"];

    /// <summary>The pipeline of <paramref name="strategy"/> around <paramref name="model"/>, every random choice seeded by <paramref name="seed"/>.</summary>
    /// <param name="strategy">One of <see cref="Names"/>.</param>
    /// <param name="model">One of <see cref="Models"/>.</param>
    /// <param name="seed">Seeds the sampler, the model and the inner folds.</param>
    /// <param name="threshold">The threshold policy; default tuned for F1 on inner folds of the training rows.</param>
    /// <param name="schema">
    /// The data's schema, for samplers that need to know categorical columns (SMOTE-NC); with categorical features,
    /// linear learners get them one-hot encoded after the samplers (trees split on the codes).
    /// </param>
    /// <param name="samplerParameters">The sampler's parameters by imbalanced-learn name (<c>k_neighbors=3</c>); <c>random_state</c> defaults to <paramref name="seed"/>.</param>
    /// <exception cref="ArgumentException">The strategy or the model is unknown, parameters are given to a strategy that is not a sampler, or a parameter is unknown or invalid.</exception>
    public static ImbalancePipeline Create(
        string strategy,
        string model = "logistic",
        int seed = 0,
        ThresholdPolicy? threshold = null,
        DataSchema? schema = null,
        IReadOnlyDictionary<string, string>? samplerParameters = null)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(model);
        if (!Models.Contains(model, StringComparer.Ordinal))
        {
            throw new ArgumentException($"Unknown model '{model}'; the models are {string.Join(", ", Models)}.", nameof(model));
        }

        var isSampler = SamplerCatalog.Names.Contains(strategy, StringComparer.Ordinal);
        if (samplerParameters is { Count: > 0 } && !isSampler && Names.Contains(strategy, StringComparer.Ordinal))
        {
            throw new ArgumentException($"'{strategy}' is not a sampler and takes no sampler parameters ({string.Join(", ", samplerParameters.Keys)}).", nameof(samplerParameters));
        }

        var baseModel = Trainer(model, seed);
        IReadOnlyList<Preprocessor> scaling = model == "logistic" ? [new StandardScaler()] : [];

        // A linear learner must not read category codes as amounts; the samplers still see the codes.
        var categorical = schema?.FeatureKinds.Contains(FeatureKind.Categorical) == true;
        IReadOnlyList<Preprocessor> encoding = categorical ? [new OneHotEncoder()] : [];
        var linearEncoding = model == "logistic" ? encoding : [];
        threshold ??= ThresholdPolicy.Tuned(ThresholdObjective.F1);
        ImbalancePipeline Plain(IClassifierTrainer trainer, IReadOnlyList<Preprocessor> preprocessing, IReadOnlyList<Preprocessor> afterSampling, Sampler? sampler = null, ClassWeights? weights = null) => new(trainer)
        {
            Preprocessing = preprocessing,
            Samplers = sampler is null ? [] : [sampler],
            AfterSampling = afterSampling,
            ClassWeights = weights,
            Threshold = threshold,
            Seed = seed,
        };

        switch (strategy)
        {
            case "none":
                return Plain(baseModel, scaling, linearEncoding);
            case "class-weight":
                return Plain(baseModel, scaling, linearEncoding, weights: ClassWeights.Balanced);
            case "easy-ensemble":
                return Plain(new EasyEnsembleClassifier { Seed = seed }, [], []);
            case "balanced-bagging":
                return Plain(new BalancedBaggingClassifier { Estimator = baseModel, Seed = seed }, scaling, linearEncoding);
            case "balanced-random-forest":
                return Plain(new BalancedRandomForestClassifier { Seed = seed }, [], []);
            case "rus-boost":
                return Plain(new RUSBoostClassifier { Seed = seed }, [], []);
            case "focal-loss":
                return Plain(new LogisticRegression { FocalLoss = new FocalLoss() }, [new StandardScaler()], encoding);
            case "cascade":
                // A standardised logistic regression lets nearly every rare row through to the chosen model; the
                // cascade's score ranks but is no probability, so Platt scaling on inner folds makes it one.
                return new ImbalancePipeline(new CascadeClassifier { SecondStage = baseModel, Seed = seed })
                {
                    Preprocessing = [new StandardScaler()],
                    AfterSampling = encoding,
                    Calibration = CalibrationMethod.Platt,
                    Threshold = threshold,
                    Seed = seed,
                };
            case "isolation-forest":
                // Anomaly detection: grown on the largest class of the training rows only; its anomaly score is no
                // probability, so Platt scaling on inner folds makes it one and every column of a comparison means what it says.
                return new ImbalancePipeline(new IsolationForest { Seed = seed })
                {
                    Calibration = CalibrationMethod.Platt,
                    Threshold = threshold,
                    Seed = seed,
                };
        }

        if (!isSampler)
        {
            throw new ArgumentException($"Unknown strategy '{strategy}'; the strategies are {string.Join(", ", Names)}.", nameof(strategy));
        }

        var parameters = new Dictionary<string, string>(samplerParameters ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        if (!parameters.ContainsKey("random_state") && SamplerCatalog.ParametersOf(strategy).Contains("random_state", StringComparer.Ordinal))
        {
            parameters["random_state"] = seed.ToString(CultureInfo.InvariantCulture);
        }

        var sampler = SamplerCatalog.Create(strategy, new SamplerParameters(parameters, schema));
        return Plain(baseModel, scaling, linearEncoding, sampler);
    }

    private static IClassifierTrainer Trainer(string model, int seed) => model switch
    {
        "tree" => new DecisionTreeClassifier { Seed = seed },
        "forest" => new RandomForestClassifier { Seed = seed },
        _ => new LogisticRegression(),
    };
}
