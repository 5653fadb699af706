using ImbalanceGuard.Evaluation;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ImbalanceGuard.ML;

/// <summary>Reads an ML.NET binary scorer's output (a Boolean label and a Probability or Score column) as the library's <see cref="BinaryScores"/>.</summary>
internal static class ScoredColumns
{
    public static string NameOf(ScoreColumn column) => column == ScoreColumn.Probability ? "Probability" : "Score";

    /// <exception cref="ArgumentException">A column is missing or of the wrong type, or a value is NaN.</exception>
    public static BinaryScores Read(IDataView scored, string labelColumnName, ScoreColumn scoreColumn)
    {
        ArgumentNullException.ThrowIfNull(scored);
        var name = NameOf(scoreColumn);
        var label = scored.Schema.GetColumnOrNull(labelColumnName)
            ?? throw new ArgumentException($"The scored data has no label column '{labelColumnName}'.", nameof(labelColumnName));
        var score = scored.Schema.GetColumnOrNull(name)
            ?? throw new ArgumentException(
                scoreColumn == ScoreColumn.Probability
                    ? "The scored data has no Probability column: the trainer is not calibrated. Use ScoreColumn.Score (a threshold on the raw score), or calibrate the model."
                    : "The scored data has no Score column; is it the output of a binary classifier?",
                nameof(scoreColumn));
        if (label.Type != BooleanDataViewType.Instance)
        {
            throw new ArgumentException($"Label column '{labelColumnName}' holds {label.Type}; ML.NET's binary classifiers use a Boolean label.", nameof(labelColumnName));
        }

        if (score.Type != NumberDataViewType.Single)
        {
            throw new ArgumentException($"Column '{name}' holds {score.Type}, not Single.", nameof(scoreColumn));
        }

        var positives = new List<bool>();
        var scores = new List<double>();
        using var cursor = scored.GetRowCursor([label, score]);
        var getLabel = cursor.GetGetter<bool>(label);
        var getScore = cursor.GetGetter<float>(score);
        bool l = false;
        float s = 0;
        while (cursor.MoveNext())
        {
            getLabel(ref l);
            getScore(ref s);
            if (float.IsNaN(s))
            {
                throw new ArgumentException($"Row {cursor.Position} has a NaN {name}.", nameof(scored));
            }

            positives.Add(l);
            scores.Add(s);
        }

        return BinaryScores.Create(positives.ToArray(), scores.ToArray());
    }
}
