using System.Globalization;
using System.Text;

namespace ImbalanceGuard.Evaluation;

/// <summary>
/// imbalanced-learn 0.10.0's <c>classification_report_imbalanced</c>: for every class against the rest,
/// precision, recall, specificity, F1, G-mean, index of balanced accuracy and support; then each averaged
/// over classes weighted by support ("avg / total").
/// </summary>
/// <remarks>
/// Classes are those present among the actual or predicted labels (<see cref="ConfusionMatrix.PresentClasses"/>).
/// Zero divisions give 0 (<c>zero_division=0</c>); with a total support of 0 the averages are 0. The average
/// G-mean is the support-weighted mean of the per-class G-means, not <see cref="ConfusionMatrix.AverageGeometricMean"/>.
/// With row weights other than 1, specificity (and so G-mean and IBA) use the total weight for true
/// negatives where imbalanced-learn uses the row count (see <see cref="ConfusionMatrix"/>).
/// </remarks>
public sealed class ImbalancedClassificationReport
{
    private const string AverageLabel = "avg / total";
    private readonly ImbalancedReportLine[] _classes;

    private ImbalancedClassificationReport(ImbalancedReportLine[] classes, ImbalancedReportLine average, double alpha)
    {
        _classes = classes;
        Average = average;
        Alpha = alpha;
    }

    /// <summary>One line per present class, in class order.</summary>
    public IReadOnlyList<ImbalancedReportLine> Classes => _classes;

    /// <summary>The support-weighted averages (imbalanced-learn's <c>avg_pre</c> … <c>avg_iba</c>) with the total support.</summary>
    public ImbalancedReportLine Average { get; }

    /// <summary>The rows (weight) of all classes (<c>total_support</c>).</summary>
    public double TotalSupport => Average.Support;

    /// <summary>The α of the index of balanced accuracy.</summary>
    public double Alpha { get; }

    /// <summary>The line of the class labelled <paramref name="label"/>.</summary>
    /// <exception cref="ArgumentException">No class of the report has that label.</exception>
    public ImbalancedReportLine this[string label]
        => _classes.FirstOrDefault(line => line.Label == label)
            ?? throw new ArgumentException($"The report has no class '{label}'; it has {string.Join(", ", _classes.Select(l => $"'{l.Label}'"))}.", nameof(label));

    /// <summary>The report of a confusion matrix (for a binary decision, <see cref="ConfusionMatrix.FromBinary"/>).</summary>
    /// <param name="matrix">The decision to report on.</param>
    /// <param name="alpha">The weight of dominance in the index of balanced accuracy (imbalanced-learn's default 0.1).</param>
    /// <param name="classNames">A name for every class index, or null for the indices themselves.</param>
    /// <exception cref="ArgumentException"><paramref name="classNames"/> does not name every class once.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is not finite.</exception>
    public static ImbalancedClassificationReport Of(ConfusionMatrix matrix, double alpha = 0.1, IReadOnlyList<string>? classNames = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (!double.IsFinite(alpha))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must be a finite number.");
        }

        if (classNames is not null && (classNames.Count != matrix.ClassCount || classNames.Distinct().Count() != classNames.Count))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{classNames.Count} class names for {matrix.ClassCount} classes; give each class one distinct name."),
                nameof(classNames));
        }

        var lines = matrix.PresentClasses.Select(c =>
        {
            var one = matrix.ForClass(c);
            return new ImbalancedReportLine(
                classNames?[c] ?? c.ToString(CultureInfo.InvariantCulture),
                one.Precision,
                one.Recall,
                one.Specificity,
                one.F1,
                one.GeometricMean,
                one.IndexBalancedAccuracy(alpha),
                matrix.Support(c));
        }).ToArray();

        var support = lines.Select(l => l.Support).ToArray();
        var total = NumpyReduce.Sum(support);
        double Mean(Func<ImbalancedReportLine, double> metric)
            => total == 0 ? 0 : NumpyReduce.WeightedAverage(lines.Select(metric).ToArray(), support);

        var average = new ImbalancedReportLine(
            AverageLabel,
            Mean(l => l.Precision),
            Mean(l => l.Recall),
            Mean(l => l.Specificity),
            Mean(l => l.F1),
            Mean(l => l.GeometricMean),
            Mean(l => l.IndexBalancedAccuracy),
            total);
        return new ImbalancedClassificationReport(lines, average, alpha);
    }

    /// <summary>The report as imbalanced-learn prints it, with 2 decimals.</summary>
    public override string ToString() => ToString(2);

    /// <summary>The report as imbalanced-learn prints it, with <paramref name="digits"/> decimals.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="digits"/> is not between 0 and 15.</exception>
    public string ToString(int digits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(digits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(digits, 15);
        var width = Math.Max(Math.Max(_classes.Length == 0 ? 0 : _classes.Max(l => l.Label.Length), AverageLabel.Length), digits);
        var format = "F" + digits.ToString(CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        void Row(string label, IEnumerable<string> cells)
        {
            text.Append(label.PadLeft(width)).Append("  ").AppendJoin(' ', cells.Select(c => c.PadLeft(9))).Append('\n');
        }

        void Line(ImbalancedReportLine line)
            => Row(line.Label, [
                .. new[] { line.Precision, line.Recall, line.Specificity, line.F1, line.GeometricMean, line.IndexBalancedAccuracy }
                    .Select(v => v.ToString(format, CultureInfo.InvariantCulture)),
                line.Support.ToString("0.##", CultureInfo.InvariantCulture)]);

        Row(string.Empty, ["pre", "rec", "spe", "f1", "geo", "iba", "sup"]);
        text.Append('\n');
        foreach (var line in _classes)
        {
            Line(line);
        }

        text.Append('\n');
        Line(Average);
        return text.ToString();
    }
}
