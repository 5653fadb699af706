using System.Globalization;

namespace ImbalanceGuard.Models;

/// <summary>
/// The penalised loss logistic regression minimises, and its gradient: the weighted mean over rows of the
/// log-loss (or focal loss) plus ‖W‖² / (2·C·Σw), which has scikit-learn's minimiser (Σ w·loss + ‖W‖²/(2C))
/// while keeping the gradient's size independent of the row count, as scikit-learn ≥ 1.3 scales it.
/// Intercepts are not penalised. Parameters are laid out per output k as d coefficients then the intercept.
/// Binary problems have one output (the logit of the second class); others one per class (softmax).
/// </summary>
internal sealed class LogisticObjective
{
    private readonly double[] _features;
    private readonly int[] _targets; // per row: output class in 0..outputs-1 (binary: 0 or 1)
    private readonly double[] _weights;
    private readonly double _weightSum;
    private readonly int _dimensions;
    private readonly int _outputs;
    private readonly bool _intercept;
    private readonly double _l2;
    private readonly FocalLoss? _focal;

    public LogisticObjective(double[] features, int[] targets, double[] weights, int dimensions, int outputs, bool intercept, double c, FocalLoss? focal)
    {
        _features = features;
        _targets = targets;
        _weights = weights;
        _dimensions = dimensions;
        _outputs = outputs;
        _intercept = intercept;
        _focal = focal;
        _weightSum = weights.Sum();
        _l2 = 1.0 / (c * _weightSum);
        if (focal?.Alpha is not null && outputs != 1)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The focal loss's alpha weighs the positive class of a binary problem; this one has {outputs} classes. Use class weights instead."));
        }
    }

    /// <summary>Coefficients plus intercept per output.</summary>
    public int Stride => _dimensions + 1;

    public int ParameterCount => _outputs * Stride;

    /// <summary>The objective at <paramref name="parameters"/>; its gradient goes into <paramref name="gradient"/>.</summary>
    public double Evaluate(double[] parameters, double[] gradient)
    {
        Array.Clear(gradient);
        var d = _dimensions;
        var k = _outputs;
        var stride = Stride;
        Span<double> z = stackalloc double[k];
        Span<double> dz = stackalloc double[k];
        var loss = 0.0;
        for (var i = 0; i < _targets.Length; i++)
        {
            var w = _weights[i];
            if (w == 0)
            {
                continue;
            }

            var row = _features.AsSpan(i * d, d);
            for (var o = 0; o < k; o++)
            {
                var p = parameters.AsSpan(o * stride, stride);
                var sum = _intercept ? p[d] : 0.0;
                for (var f = 0; f < d; f++)
                {
                    sum += p[f] * row[f];
                }

                z[o] = sum;
            }

            loss += w * (k == 1 ? Binary(z[0], _targets[i], dz) : Softmax(z, _targets[i], dz));
            for (var o = 0; o < k; o++)
            {
                var g = gradient.AsSpan(o * stride, stride);
                var scale = w * dz[o];
                for (var f = 0; f < d; f++)
                {
                    g[f] += scale * row[f];
                }

                if (_intercept)
                {
                    g[d] += scale;
                }
            }
        }

        var penalty = 0.0;
        for (var o = 0; o < k; o++)
        {
            for (var f = 0; f < d; f++)
            {
                var c = parameters[(o * stride) + f];
                penalty += c * c;
            }
        }

        for (var j = 0; j < gradient.Length; j++)
        {
            gradient[j] /= _weightSum;
        }

        for (var o = 0; o < k; o++)
        {
            for (var f = 0; f < d; f++)
            {
                gradient[(o * stride) + f] += _l2 * parameters[(o * stride) + f];
            }
        }

        return (loss / _weightSum) + (0.5 * _l2 * penalty);
    }

    /// <summary>The loss of one row of a binary problem at logit <paramref name="z"/>; dℓ/dz into <paramref name="dz"/>[0].</summary>
    private double Binary(double z, int target, Span<double> dz)
    {
        // m is the logit of the true class: p_t = σ(m).
        var sign = target == 1 ? 1.0 : -1.0;
        var m = sign * z;
        var logP = -Log1pExp(-m);
        if (_focal is null)
        {
            dz[0] = -sign * Sigmoid(-m);
            return -logP;
        }

        var q = Sigmoid(-m);
        var p = Sigmoid(m);
        var gamma = _focal.Gamma;
        var alpha = _focal.Alpha is { } a ? (target == 1 ? a : 1 - a) : 1.0;
        var focus = Math.Pow(q, gamma);

        // dℓ/dm = γ·p·q^γ·log p − q^(γ+1), written so that nothing divides by a vanishing q.
        dz[0] = sign * alpha * ((gamma * p * focus * logP) - (focus * q));
        return -alpha * focus * logP;
    }

    /// <summary>The loss of one row under the softmax; dℓ/dz_k into <paramref name="dz"/>.</summary>
    private double Softmax(ReadOnlySpan<double> z, int target, Span<double> dz)
    {
        var max = double.NegativeInfinity;
        foreach (var v in z)
        {
            max = Math.Max(max, v);
        }

        var sum = 0.0;
        for (var o = 0; o < z.Length; o++)
        {
            dz[o] = Math.Exp(z[o] - max);
            sum += dz[o];
        }

        var logP = z[target] - max - Math.Log(sum);
        var others = 0.0;
        for (var o = 0; o < z.Length; o++)
        {
            dz[o] /= sum;
            if (o != target)
            {
                others += dz[o];
            }
        }

        if (_focal is null)
        {
            dz[target] -= 1;
            return -logP;
        }

        // q = 1 − p_t summed from the other classes, which keeps its digits when p_t is near 1.
        var q = others;
        var p = 1 - q;
        var gamma = _focal.Gamma;
        var focus = Math.Pow(q, gamma);
        var gradientTrue = (gamma * p * focus * logP) - (focus * q);

        // Softmax logits sum out: the other classes share −dℓ/dz_t in proportion to their probability.
        for (var o = 0; o < z.Length; o++)
        {
            dz[o] = o == target ? gradientTrue : (q > 0 ? -gradientTrue * dz[o] / q : 0.0);
        }

        return -focus * logP;
    }

    internal static double Sigmoid(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

    /// <summary>log(1 + eˣ) without overflow or lost digits.</summary>
    internal static double Log1pExp(double x) => x > 0 ? x + Math.Log(1 + Math.Exp(-x)) : Math.Log(1 + Math.Exp(x));
}
