using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace ImbalanceGuard.ML;

/// <summary>
/// Sets the imbalance options of ML.NET's gradient-boosted trainers from the training rows: LightGBM's
/// <c>WeightOfPositiveExamples</c> (its <c>scale_pos_weight</c>, negatives / positives) and FastTree's
/// <c>UnbalancedSets</c>.
/// </summary>
public static class TrainerImbalanceOptions
{
    /// <summary>Counts the Boolean labels of <paramref name="training"/>: what the options are set from.</summary>
    /// <exception cref="ArgumentException">The label column is missing or not Boolean, or a class is absent.</exception>
    public static (int Positives, int Negatives) CountLabels(IDataView training, string labelColumnName = "Label")
    {
        ArgumentNullException.ThrowIfNull(training);
        var labels = ViewTable.LabelsOnly(InMemoryDataView.Read(training), labelColumnName);
        if (training.Schema[labelColumnName].Type.RawType != typeof(bool))
        {
            throw new ArgumentException($"Label column '{labelColumnName}' must be Boolean for a binary trainer.", nameof(labelColumnName));
        }

        var counts = labels.ClassCountsByName();
        var positives = counts.GetValueOrDefault("True");
        var negatives = counts.GetValueOrDefault("False");
        if (positives == 0 || negatives == 0)
        {
            throw new ArgumentException($"The training rows need both classes; they have {positives} positive and {negatives} negative.", nameof(training));
        }

        return (positives, negatives);
    }

    /// <summary>Sets <c>WeightOfPositiveExamples</c> to negatives / positives of <paramref name="training"/> (LightGBM's <c>scale_pos_weight</c> advice).</summary>
    /// <exception cref="ArgumentException">As <see cref="CountLabels"/>.</exception>
    public static LightGbmBinaryTrainer.Options WithClassBalance(this LightGbmBinaryTrainer.Options options, IDataView training, string labelColumnName = "Label")
    {
        ArgumentNullException.ThrowIfNull(options);
        var (positives, negatives) = CountLabels(training, labelColumnName);
        options.LabelColumnName = labelColumnName;
        options.WeightOfPositiveExamples = negatives / (double)positives;
        return options;
    }

    /// <summary>Sets FastTree's <c>UnbalancedSets</c>, which reweighs the gradient of each class by its frequency.</summary>
    public static FastTreeBinaryTrainer.Options WithClassBalance(this FastTreeBinaryTrainer.Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.UnbalancedSets = true;
        return options;
    }
}
