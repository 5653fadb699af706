namespace ImbalanceGuard.Evaluation;

/// <summary>A threshold and the decision it gives: flag every row scoring at least <paramref name="Threshold"/>.</summary>
/// <param name="Threshold">The lowest score flagged (one of the data's scores).</param>
/// <param name="Confusion">The counts (weights) of that decision, with every metric that follows from them.</param>
public readonly record struct OperatingPoint(double Threshold, BinaryConfusion Confusion)
{
    /// <summary>The precision at this threshold.</summary>
    public double Precision => Confusion.Precision;

    /// <summary>The recall at this threshold.</summary>
    public double Recall => Confusion.Recall;
}
