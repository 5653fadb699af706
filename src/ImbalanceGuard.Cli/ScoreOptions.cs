using System.CommandLine;
using ImbalanceGuard.Evaluation;

namespace ImbalanceGuard.Cli;

/// <summary>The options of the commands that read a model's scores (<c>evaluate</c>, <c>tune</c>).</summary>
internal sealed class ScoreOptions
{
    public Argument<string> Csv { get; } = CommonOptions.CsvArgument(
        "A CSV or Parquet file (by its ending) with a label column and a score column (higher means more likely positive); other columns are ignored.");

    public Option<string> Label { get; } = new("--label")
    {
        Description = "The label column: exactly two classes.",
        HelpName = "COL",
        Required = true,
    };

    public Option<string> Score { get; } = new("--score")
    {
        Description = "The score column: the model's probability (or score) of the positive class.",
        HelpName = "COL",
        Required = true,
    };

    public Option<string?> Positive { get; } = CommonOptions.Positive("1 when the labels are 0 and 1, otherwise the rarer class");

    public Option<char> Separator { get; } = CommonOptions.Separator();

    public CsvLimitOptions Limits { get; } = new();

    public void AddTo(Command command)
    {
        command.Add(Csv);
        command.Add(Label);
        command.Add(Score);
        command.Add(Positive);
        command.Add(Separator);
        Limits.AddTo(command);
    }

    /// <summary>Reads the scores, and each row's group from <paramref name="groupColumn"/> when one is named.</summary>
    public ScoredData Load(ParseResult parseResult, string? groupColumn = null)
        => TableFile.LoadScored(
            parseResult.GetRequiredValue(Csv),
            parseResult.GetRequiredValue(Label),
            parseResult.GetRequiredValue(Score),
            parseResult.GetValue(Positive),
            parseResult.GetValue(Separator),
            groupColumn,
            Limits.Limits(parseResult));
}
