using ImbalanceGuard.Models;
using ImbalanceGuard.Sampling;

namespace ImbalanceGuard.Pipelines;

/// <summary>The fitted preprocessing and model of a pipeline: maps a raw row to class probabilities.</summary>
internal sealed class FittedChain(IReadOnlyList<FeatureTransform> transforms, IProbabilisticClassifier model, IReadOnlyList<ResamplingStep> resampling, RowTable? trainedOn, IReadOnlyList<SamplingNote>? samplingNotes = null)
{
    public IReadOnlyList<FeatureTransform> Transforms { get; } = transforms;

    public IProbabilisticClassifier Model { get; } = model;

    public IReadOnlyList<ResamplingStep> Resampling { get; } = resampling;

    /// <summary>The rows the model was fitted on (after resampling and weights); null once loaded from a file.</summary>
    public RowTable? TrainedOn { get; } = trainedOn;

    /// <summary>The notes of the samplers' runs, in run order; none once loaded from a file.</summary>
    public IReadOnlyList<SamplingNote> SamplingNotes { get; } = samplingNotes ?? [];

    /// <summary>The widest row any step produces: the size of the scratch a caller passes in.</summary>
    public int FeatureCount { get; } = transforms.Count == 0 ? 0 : transforms.Max(t => Math.Max(t.Input.FeatureCount, t.Output.FeatureCount));

    /// <summary>Writes the model's class probabilities of a raw row; <paramref name="scratch"/> holds 2 × <see cref="FeatureCount"/> values.</summary>
    public void Probabilities(ReadOnlySpan<double> row, Span<double> scratch, Span<double> probabilities)
        => Model.PredictProbabilities(ModelInput(row, scratch), probabilities);

    /// <summary>The row as the model sees it, after every transform; <paramref name="scratch"/> holds 2 × <see cref="FeatureCount"/> values.</summary>
    public ReadOnlySpan<double> ModelInput(ReadOnlySpan<double> row, Span<double> scratch)
    {
        if (Transforms.Count == 0)
        {
            return row;
        }

        var width = FeatureCount;
        var input = scratch[..width];
        var output = scratch.Slice(width, width);
        row.CopyTo(input);
        var length = row.Length;
        foreach (var transform in Transforms)
        {
            transform.Transform(input[..length], output);
            length = transform.Output.FeatureCount;
            var swap = input;
            input = output;
            output = swap;
        }

        return input[..length];
    }

    /// <summary>The model's probability of class <paramref name="positive"/> for a raw row.</summary>
    public double PositiveProbability(ReadOnlySpan<double> row, int positive, double[] scratch, Span<double> probabilities)
    {
        Probabilities(row, scratch, probabilities);
        return probabilities[positive];
    }

    /// <summary>A scratch buffer of the size <see cref="Probabilities"/> needs.</summary>
    public double[] NewScratch() => new double[2 * FeatureCount];
}
