using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ImbalanceGuard.Cli;

/// <summary><c>generate</c>: writes a make_classification-style imbalanced dataset.</summary>
internal static class GenerateCommand
{
    public static (Command Command, string[] Examples) Create(TextWriter stdout)
    {
        var rows = new Option<int>("--rows", "-n")
        {
            Description = "The number of rows (at least 1).",
            HelpName = "N",
            Required = true,
            CustomParser = r => NumberOptions.WholeNumber(r, minimum: 1),
        };
        var features = new Option<int>("--features", "-f")
        {
            Description = "The number of feature columns (at least 1).",
            HelpName = "F",
            Required = true,
            CustomParser = r => NumberOptions.WholeNumber(r, minimum: 1),
        };
        var informative = new Option<int?>("--informative")
        {
            Description = "Features that carry the class structure; default min(F, max(2, F/2)). Up to 2 more are redundant "
                + "(linear combinations of the informative ones) and the rest are noise.",
            HelpName = "I",
            CustomParser = r => NumberOptions.WholeNumber(r, minimum: 1),
        };
        var classes = new Option<int>("--classes", "-c")
        {
            Description = "The number of classes, labelled 0 to C-1; the last one (C-1) is the minority.",
            HelpName = "C",
            DefaultValueFactory = _ => 2,
            CustomParser = r => NumberOptions.WholeNumber(r, minimum: 2),
        };
        var minorityFraction = new Option<double>("--minority-fraction")
        {
            Description = "The share of rows in the minority class, in (0, 1/C]; the other classes share the rest equally.",
            HelpName = "P",
            Required = true,
            CustomParser = ParseFraction,
        };
        var clustersPerClass = new Option<int>("--clusters-per-class")
        {
            Description = "Gaussian clusters per class; C × this must be at most 2^I.",
            HelpName = "K",
            DefaultValueFactory = _ => 2,
            CustomParser = r => NumberOptions.WholeNumber(r, minimum: 1),
        };
        var classSep = new Option<double>("--class-sep")
        {
            Description = "Half the distance between cluster centres along each informative axis; larger is easier.",
            HelpName = "SEP",
            DefaultValueFactory = _ => 1.0,
        };
        var flipY = new Option<double>("--flip-y")
        {
            Description = "The share of rows given a random label (label noise), in [0, 1].",
            HelpName = "Q",
            DefaultValueFactory = _ => 0.0,
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Seeds the generator: the same options give the same file.",
            HelpName = "S",
            DefaultValueFactory = _ => 0,
        };
        var output = CommonOptions.Out("Where to write the rows, as CSV or Parquet by the ending: columns x0, x1, … and label.");
        var command = new Command(
            "generate",
            "Generate a synthetic imbalanced classification dataset (like scikit-learn's make_classification): "
            + "Gaussian clusters at the corners of a hypercube, with a chosen minority share.")
        {
            rows,
            features,
            informative,
            classes,
            minorityFraction,
            clustersPerClass,
            classSep,
            flipY,
            seed,
            output,
        };

        command.SetAction(parseResult =>
        {
            var f = parseResult.GetValue(features);
            var options = new (string Option, string Parameter)[]
            {
                ("--rows", "rows"), ("--features", "features"), ("--informative", "informative"), ("--classes", "classes"),
                ("--minority-fraction", "minorityFraction"), ("--clusters-per-class", "clustersPerClass"),
                ("--class-sep", "classSeparation"), ("--flip-y", "flipY"),
            };
            using var staged = new StagedOutput();
            var outPath = staged.Reserve(parseResult.GetRequiredValue(output), "--out", OutputFormat.Table);
            Dataset data;
            try
            {
                data = SyntheticData.MakeClassification(
                    rows: parseResult.GetValue(rows),
                    features: f,
                    informative: parseResult.GetValue(informative) ?? DefaultInformative(f),
                    classes: parseResult.GetValue(classes),
                    minorityFraction: parseResult.GetValue(minorityFraction),
                    seed: parseResult.GetValue(seed),
                    clustersPerClass: parseResult.GetValue(clustersPerClass),
                    classSeparation: parseResult.GetValue(classSep),
                    flipY: parseResult.GetValue(flipY));
            }
            catch (ArgumentOutOfRangeException e)
            {
                // Name the options the user typed, not the library's parameters, in the message too.
                var option = options.FirstOrDefault(o => o.Parameter == e.ParamName).Option ?? e.ParamName;
                var message = e.Message.Split('\n')[0].Replace($" (Parameter '{e.ParamName}')", string.Empty, StringComparison.Ordinal);
                message = message.StartsWith(e.ParamName + " ", StringComparison.Ordinal) ? message[(e.ParamName!.Length + 1)..] : message;

                // minorityFraction and the like are C#; rows, features and classes read as English already.
                foreach (var (name, parameter) in options.Where(o => o.Parameter.Any(char.IsUpper)))
                {
                    message = Regex.Replace(message, $@"\b{parameter}\b", name);
                }

                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{option} {e.ActualValue}: {message}"), e);
            }

            TableFile.Write(staged, outPath, data);
            staged.Commit();
            var counts = string.Join(", ", data.ClassCountsByName().Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key}: {c.Value:N0}")));
            stdout.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Wrote {data.RowCount:N0} rows × {data.FeatureCount} features (class {counts}) to {outPath}"));
            return ExitCodes.Success;
        });

        return (command,
        [
            $"{CommandLine.ToolName} generate --rows 1000 --features 10 --minority-fraction 0.1 --out small.csv",
            $"{CommandLine.ToolName} generate -n 1000000 -f 50 --informative 10 --minority-fraction 0.01 --seed 7 -o big.csv",
            $"{CommandLine.ToolName} generate -n 5000 -f 8 --classes 4 --minority-fraction 0.05 -o multiclass.csv",
            $"{CommandLine.ToolName} generate -n 100000 -f 20 --minority-fraction 0.02 --seed 3 -o events.parquet",
        ]);
    }

    /// <summary>Half the features informative, at least two (scikit-learn's default), never more than there are.</summary>
    internal static int DefaultInformative(int features) => Math.Min(features, Math.Max(2, features / 2));

    private static double ParseFraction(ArgumentResult result)
    {
        var name = NumberOptions.OptionName(result);
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !(value > 0 && value < 1))
        {
            result.AddError($"{name} must be a number strictly between 0 and 1; got '{text}'.");
        }

        return value;
    }

}
