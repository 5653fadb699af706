using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace ImbalanceGuard.Cli;

/// <summary>Builds the command tree, parses the arguments and turns every outcome into an exit code.</summary>
internal static class CommandLine
{
    public const string ToolName = "imbalance-guard";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var root = BuildRoot(stdout, stderr);
            var parseResult = root.Parse(args);
            if (parseResult.Action is ParseErrorAction)
            {
                // System.CommandLine would print help as well and exit 1; the contract is one line and exit 2.
                stderr.WriteLine(ErrorReport.ForParseErrors(parseResult));
                return ExitCodes.BadInput;
            }

            return parseResult.Invoke(new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            });
        }
        catch (Exception e)
        {
            var (code, message) = ErrorReport.ForException(e);
            stderr.WriteLine(message);
            return code;
        }
    }

    internal static RootCommand BuildRoot(TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand(
            "ImbalanceGuard: look at class imbalance in a CSV file, resample a training split with any "
            + "imbalanced-learn style sampler, generate synthetic imbalanced data, evaluate and tune decision thresholds honestly, compare imbalance strategies with leakage-safe cross-validation, write an HTML report, compare current data with the reference a model was validated on (drift), and split files larger than memory into training and holdout files (split).")
        {
            HelpName = ToolName,
        };

        var examples = new Dictionary<Command, string[]>
        {
            [root] =
            [
                $"{ToolName} inspect data/pima.csv",
                $"{ToolName} resample train.csv --method smote --seed 42 --out train-smote.csv",
                $"{ToolName} generate --rows 10000 --features 20 --minority-fraction 0.05 --out synthetic.csv",
                $"{ToolName} compare data/satimage.csv --folds 5",
                $"{ToolName} report data/satimage.csv --out satimage.html",
                $"{ToolName} drift reference.csv current.csv --label y --score p --threshold 0.3",
                $"{ToolName} split events.parquet --holdout 0.2 --memory-limit 512MB --train train.parquet --holdout-out holdout.parquet",
            ],
        };

        foreach (var (command, commandExamples) in new[]
        {
            InspectCommand.Create(stdout, stderr),
            ResampleCommand.Create(stdout, stderr),
            GenerateCommand.Create(stdout),
            EvaluateCommand.Create(stdout),
            TuneCommand.Create(stdout, stderr),
            CompareCommand.Create(stdout, stderr),
            ReportCommand.Create(stdout, stderr),
            DriftCommand.Create(stdout, stderr),
            SplitCommand.Create(stdout),
        })
        {
            root.Subcommands.Add(command);
            examples[command] = commandExamples;
        }

        NumberOptions.Apply(root);
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpWithExamples((HelpAction)help.Action!, examples);
        return root;
    }
}
