using System.CommandLine;
using System.CommandLine.Completions;
using ImbalanceGuard.Pipelines;
using ImbalanceGuard.Thresholds;

namespace ImbalanceGuard.Cli;

/// <summary>The options <c>compare</c> and <c>report</c> share: what to compare and how.</summary>
internal sealed class ComparisonOptions
{
    /// <summary>The strategies compared when <c>--strategies</c> is not given.</summary>
    public const string DefaultStrategies = "none,class-weight,smote,random-under,balanced-random-forest";

    private readonly DataOptions _data = new();

    private readonly Option<string?> _positive = CommonOptions.Positive("the rarest class; with more than two classes the others together are negative (one-vs-rest)");

    private readonly Option<string> _model = new("--model")
    {
        Description = "The base model: logistic (standardised features, L2 logistic regression), tree (CART) or forest (100-tree random forest).",
        HelpName = "MODEL",
        DefaultValueFactory = _ => "logistic",
    };

    private readonly Option<string> _strategies = new("--strategies", "-s")
    {
        Description = "Comma-separated strategies: none, class-weight, any sampler of 'resample' (" + string.Join(", ", Sampling.SamplerCatalog.Names)
            + "), easy-ensemble, balanced-bagging, balanced-random-forest, rus-boost, focal-loss, isolation-forest (anomaly detection: grown on the largest class, Platt-calibrated inside each fold), "
            + "cascade (a logistic first stage that keeps 95 % of the rare rows, then --model on what it lets through).",
        HelpName = "LIST",
        DefaultValueFactory = _ => DefaultStrategies,
    };

    private readonly Option<int> _folds = new("--folds", "-k")
    {
        Description = "Stratified folds, at least 2.",
        HelpName = "K",
        DefaultValueFactory = _ => 5,
        CustomParser = r => NumberOptions.WholeNumber(r, 2),
    };

    private readonly Option<int> _repeats = new("--repeats")
    {
        Description = "Repeats of the k-fold with reshuffled folds, at least 1.",
        HelpName = "R",
        DefaultValueFactory = _ => 1,
        CustomParser = r => NumberOptions.WholeNumber(r, 1),
    };

    private readonly Option<int> _seed = new("--seed")
    {
        Description = "Seeds the folds, samplers, models and inner folds.",
        HelpName = "S",
        DefaultValueFactory = _ => 0,
    };

    private readonly Option<ThresholdObjective> _objective = CommonOptions.Objective(
        "What each fold's threshold is tuned for, on inner folds of its training side", required: false);

    private readonly Option<string?> _timeColumn = new("--time-column")
    {
        Description = "A column of times (numbers, or ISO-8601 dates such as 2024-03-01T14:30:00Z) that is not a feature: the folds are "
            + "time-ordered (each trains on earlier rows only, so samplers see only the training window), rows with equal times stay in "
            + "one fold; each fold's threshold is tuned on time-ordered inner folds of its training side too (each scored by a model of earlier rows). "
            + "Not with --repeats or --group-column.",
        HelpName = "COL",
    };

    private readonly Option<int> _gap = new("--gap")
    {
        Description = "With --time-column: rows left out between each training side and its fold (against leaks through lagged features).",
        HelpName = "N",
        DefaultValueFactory = _ => 0,
        CustomParser = r => NumberOptions.WholeNumber(r, 0),
    };

    private readonly Option<string?> _groupColumn = new("--group-column")
    {
        Description = "A column of groups (a customer, a patient, a device) that is not a feature: stratified group folds keep each group "
            + "whole in one fold, so no group is on both sides.",
        HelpName = "COL",
    };

    private readonly Option<double?> _rowsPerDay = new("--rows-per-day")
    {
        Description = "Rows the model will score in a day: the recommendation then says how many alerts a day its threshold raises.",
        HelpName = "N",
        CustomParser = r => NumberOptions.PositiveNumber(r),
    };

    private readonly Option<string[]> _parameters = new("--param", "-p")
    {
        Description = "A parameter of a compared sampler, as STRATEGY.KEY=VALUE with imbalanced-learn's name, e.g. smote.k_neighbors=3; repeat for several.",
        HelpName = "NAME.KEY=VALUE",
        Arity = ArgumentArity.OneOrMore,
    };

    public ComparisonOptions()
    {
        _model.CompletionSources.Add(_ => StrategyCatalog.Models.Select(m => new CompletionItem(m)));
    }

    public void AddTo(Command command)
    {
        _data.AddTo(command);
        command.Options.Add(_positive);
        command.Options.Add(_model);
        command.Options.Add(_strategies);
        command.Options.Add(_folds);
        command.Options.Add(_repeats);
        command.Options.Add(_seed);
        command.Options.Add(_parameters);
        command.Options.Add(_objective);
        command.Options.Add(_timeColumn);
        command.Options.Add(_gap);
        command.Options.Add(_groupColumn);
        command.Options.Add(_rowsPerDay);
    }

    /// <exception cref="ArgumentException">The strategy list is empty or names an unknown strategy, or a --param is not a compared sampler's.</exception>
    public ComparisonSettings Settings(ParseResult parseResult, string csvPath)
    {
        var strategies = ParseStrategies(parseResult.GetRequiredValue(_strategies));
        return new(
            csvPath,
            _data.LoadOptions(parseResult),
            parseResult.GetValue(_positive),
            parseResult.GetRequiredValue(_model),
            strategies,
            parseResult.GetValue(_folds),
            parseResult.GetValue(_repeats),
            parseResult.GetValue(_seed),
            SamplerArguments.StrategyParameters(parseResult.GetValue(_parameters) ?? [], strategies),
            parseResult.GetRequiredValue(_objective),
            parseResult.GetValue(_timeColumn),
            parseResult.GetValue(_gap),
            parseResult.GetValue(_groupColumn),
            RankByObjective: parseResult.GetResult(_objective) is { Implicit: false },
            RowsPerDay: parseResult.GetValue(_rowsPerDay));
    }

    /// <exception cref="ArgumentException">The list is empty or a name is unknown.</exception>
    private static string[] ParseStrategies(string list)
    {
        var names = list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 0)
        {
            throw new ArgumentException("--strategies is empty; name at least one strategy, e.g. none,smote.");
        }

        foreach (var name in names)
        {
            if (!StrategyCatalog.Names.Contains(name, StringComparer.Ordinal))
            {
                throw new ArgumentException($"unknown strategy '{name}'; the strategies are {string.Join(", ", StrategyCatalog.Names)}.");
            }
        }

        return names;
    }

}
