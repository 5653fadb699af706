using System.Buffers;
using System.Globalization;
using ImbalanceGuard.Neighbors;

namespace ImbalanceGuard.Models;

/// <summary>
/// A fitted <see cref="SupportVectorClassifier"/>: one binary SVM per pair of classes (one-vs-one, as libsvm),
/// sharing the support vectors. Decision values follow scikit-learn's conventions: for two classes a
/// positive <see cref="DecisionFunction"/> means the second class; <see cref="Intercepts"/> is scikit-learn's
/// <c>intercept_</c>.
/// </summary>
public sealed class SupportVectorModel
{
    private readonly double[] _supportVectors; // row-major, in SupportIndices order
    private readonly int[] _supportIndices;
    private readonly int[] _classes;
    private readonly Pair[] _pairs;
    private readonly double[] _intercepts;
    private readonly int[] _iterations;

    internal SupportVectorModel(
        int classCount,
        int featureCount,
        SvmKernel kernel,
        double gamma,
        int[] classes,
        int[] supportIndices,
        double[] supportVectors,
        Pair[] pairs,
        bool hitIterationLimit)
    {
        ClassCount = classCount;
        FeatureCount = featureCount;
        Kernel = kernel;
        Gamma = gamma;
        _classes = classes;
        _supportIndices = supportIndices;
        _supportVectors = supportVectors;
        _pairs = pairs;
        HitIterationLimit = hitIterationLimit;

        // scikit-learn flips the sign of a binary problem so that positive means the second class.
        _intercepts = pairs.Select(p => classes.Length == 2 ? p.Rho : -p.Rho).ToArray();
        _iterations = pairs.Select(p => p.Iterations).ToArray();
    }

    /// <summary>The number of classes of the schema; <see cref="Predict"/> returns one of them.</summary>
    public int ClassCount { get; }

    /// <summary>The number of features of a row.</summary>
    public int FeatureCount { get; }

    /// <summary>The kernel.</summary>
    public SvmKernel Kernel { get; }

    /// <summary>The kernel coefficient γ used (the resolved value of "scale"); unused by the linear kernel.</summary>
    public double Gamma { get; }

    /// <summary>The classes that had training rows, ascending (scikit-learn's <c>classes_</c>).</summary>
    public IReadOnlyList<int> Classes => _classes;

    /// <summary>
    /// The training rows that are support vectors of at least one pairwise problem, ascending
    /// (scikit-learn's <c>support_</c>, sorted).
    /// </summary>
    public IReadOnlyList<int> SupportIndices => _supportIndices;

    /// <summary>
    /// The intercept of each pairwise problem, in scikit-learn's order (0 vs 1, 0 vs 2, …, 1 vs 2, …) and sign
    /// (scikit-learn's <c>intercept_</c>).
    /// </summary>
    public IReadOnlyList<double> Intercepts => _intercepts;

    /// <summary>The SMO iterations of each pairwise problem (scikit-learn's <c>n_iter_</c>).</summary>
    public IReadOnlyList<int> Iterations => _iterations;

    /// <summary>Whether some pairwise problem stopped at the iteration limit instead of converging.</summary>
    public bool HitIterationLimit { get; }

    /// <summary>
    /// The decision value of a two-class model: positive for the second class, negative for the first
    /// (scikit-learn's <c>decision_function</c>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The model has more than two classes; use <see cref="PairwiseDecisionValues"/>.</exception>
    /// <exception cref="ArgumentException">The row does not have <see cref="FeatureCount"/> features.</exception>
    public double DecisionFunction(ReadOnlySpan<double> row)
    {
        if (_classes.Length != 2)
        {
            throw new InvalidOperationException(
                string.Create(CultureInfo.InvariantCulture, $"The model has {_classes.Length} classes; a single decision value needs two. Use PairwiseDecisionValues."));
        }

        CheckRow(row);
        var kernels = ArrayPool<double>.Shared.Rent(_supportIndices.Length);
        KernelValues(row, kernels);
        var value = -_pairs[0].Decision(kernels);
        ArrayPool<double>.Shared.Return(kernels);
        return value;
    }

    /// <summary>
    /// The decision value of every pairwise problem in scikit-learn's one-vs-one order and sign
    /// (<c>decision_function_shape='ovo'</c>): positive votes for the first class of the pair. A two-class
    /// model has one value, the negated <see cref="DecisionFunction"/> (libsvm's own sign).
    /// </summary>
    /// <exception cref="ArgumentException">The row or the output has the wrong length.</exception>
    public void PairwiseDecisionValues(ReadOnlySpan<double> row, Span<double> values)
    {
        CheckRow(row);
        if (values.Length != _pairs.Length)
        {
            throw new ArgumentException($"There are {_pairs.Length} pairwise problems; the output has room for {values.Length}.", nameof(values));
        }

        var kernels = ArrayPool<double>.Shared.Rent(_supportIndices.Length);
        KernelValues(row, kernels);
        for (var p = 0; p < _pairs.Length; p++)
        {
            values[p] = _pairs[p].Decision(kernels);
        }

        ArrayPool<double>.Shared.Return(kernels);
    }

    /// <summary>The predicted class: the most votes of the pairwise problems, the lower class on a tie (as libsvm).</summary>
    /// <exception cref="ArgumentException">The row does not have <see cref="FeatureCount"/> features.</exception>
    public int Predict(ReadOnlySpan<double> row)
    {
        CheckRow(row);
        var kernels = ArrayPool<double>.Shared.Rent(_supportIndices.Length);
        KernelValues(row, kernels);
        Span<int> votes = stackalloc int[_classes.Length];
        foreach (var pair in _pairs)
        {
            votes[pair.Decision(kernels) > 0 ? pair.First : pair.Second]++;
        }

        ArrayPool<double>.Shared.Return(kernels);

        var best = 0;
        for (var c = 1; c < votes.Length; c++)
        {
            if (votes[c] > votes[best])
            {
                best = c;
            }
        }

        return _classes[best];
    }

    private void CheckRow(ReadOnlySpan<double> row)
    {
        if (row.Length != FeatureCount)
        {
            throw new ArgumentException($"The row has {row.Length} features; the model was fitted on {FeatureCount}.", nameof(row));
        }
    }

    /// <summary>The kernel between the row and every support vector, as libsvm's prediction computes it.</summary>
    private void KernelValues(ReadOnlySpan<double> row, double[] kernels)
    {
        var d = FeatureCount;
        for (var s = 0; s < _supportIndices.Length; s++)
        {
            var vector = _supportVectors.AsSpan(s * d, d);
            if (Kernel == SvmKernel.Rbf)
            {
                kernels[s] = Math.Exp(-Gamma * SquaredEuclidean.Distance(row, vector));
            }
            else
            {
                var dot = 0.0;
                for (var f = 0; f < d; f++)
                {
                    dot += row[f] * vector[f];
                }

                kernels[s] = dot;
            }
        }
    }

    /// <summary>One pairwise problem: positions of the first class (+1) and second class (−1) among the classes.</summary>
    internal sealed class Pair(int first, int second, int[] supports, double[] coefficients, double rho, int iterations)
    {
        public int First { get; } = first;

        public int Second { get; } = second;

        public double Rho { get; } = rho;

        public int Iterations { get; } = iterations;

        /// <summary>libsvm's decision value Σ y_i α_i K(x_i, x) − ρ; positive for <see cref="First"/>.</summary>
        public double Decision(ReadOnlySpan<double> kernels)
        {
            var sum = 0.0;
            for (var s = 0; s < supports.Length; s++)
            {
                sum += coefficients[s] * kernels[supports[s]];
            }

            return sum - Rho;
        }
    }
}
