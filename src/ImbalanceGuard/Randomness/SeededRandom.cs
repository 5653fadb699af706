namespace ImbalanceGuard;

/// <summary>
/// A small, fast, seedable generator (xoshiro256**, seeded through SplitMix64) whose sequence is fixed
/// by this code alone: the same seed gives the same numbers on every runtime, machine and thread count.
/// Not thread-safe; parallel work forks one generator per item with <see cref="Fork"/>.
/// </summary>
internal sealed class SeededRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;
    private double _spareGaussian = double.NaN;

    public SeededRandom(long seed)
    {
        var sm = unchecked((ulong)seed);
        _s0 = SplitMix64(ref sm);
        _s1 = SplitMix64(ref sm);
        _s2 = SplitMix64(ref sm);
        _s3 = SplitMix64(ref sm);
    }

    /// <summary>An independent generator for stream <paramref name="stream"/> of the same seed.</summary>
    public static SeededRandom Fork(long seed, long stream)
    {
        var sm = unchecked((ulong)seed ^ (0x9E3779B97F4A7C15UL * (ulong)(stream + 1)));
        return new SeededRandom(unchecked((long)SplitMix64(ref sm)));
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, <paramref name="n"/>), without modulo bias (Lemire's method).</summary>
    public int NextInt(int n)
    {
        if (n <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "The range must be positive.");
        }

        var bound = (ulong)n;
        var x = NextUInt64() >> 32;
        var m = x * bound;
        var low = m & 0xFFFFFFFFUL;
        if (low < bound)
        {
            var threshold = (0x1_0000_0000UL - bound) % bound;
            while (low < threshold)
            {
                x = NextUInt64() >> 32;
                m = x * bound;
                low = m & 0xFFFFFFFFUL;
            }
        }

        return (int)(m >> 32);
    }

    /// <summary>Standard normal (Marsaglia's polar method).</summary>
    public double NextGaussian()
    {
        if (!double.IsNaN(_spareGaussian))
        {
            var spare = _spareGaussian;
            _spareGaussian = double.NaN;
            return spare;
        }

        double u, v, s;
        do
        {
            u = (2 * NextDouble()) - 1;
            v = (2 * NextDouble()) - 1;
            s = (u * u) + (v * v);
        }
        while (s >= 1 || s == 0);

        var factor = Math.Sqrt(-2 * Math.Log(s) / s);
        _spareGaussian = v * factor;
        return u * factor;
    }

    /// <summary>Gamma(shape, 1) by Marsaglia and Tsang's method.</summary>
    public double NextGamma(double shape)
    {
        if (shape < 1)
        {
            return NextGamma(shape + 1) * Math.Pow(NextDouble(), 1 / shape);
        }

        var d = shape - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = NextGaussian();
                v = 1 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            var u = NextDouble();
            if (u < 1 - (0.0331 * x * x * x * x) || Math.Log(u) < (0.5 * x * x) + (d * (1 - v + Math.Log(v))))
            {
                return d * v;
            }
        }
    }

    /// <summary>Beta(a, b) as a ratio of gammas.</summary>
    public double NextBeta(double a, double b)
    {
        var x = NextGamma(a);
        var y = NextGamma(b);
        return x / (x + y);
    }

    /// <summary>Fisher–Yates shuffle in place.</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary><paramref name="count"/> distinct integers from [0, <paramref name="n"/>), in random order.</summary>
    public int[] SampleWithoutReplacement(int n, int count)
    {
        if (count < 0 || count > n)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"Cannot draw {count} distinct items from {n}.");
        }

        if (count * 4L < n)
        {
            // Sparse draw: rejection on a set is cheaper than materialising n indices.
            var chosen = new HashSet<int>(count);
            var result = new int[count];
            var k = 0;
            while (k < count)
            {
                var candidate = NextInt(n);
                if (chosen.Add(candidate))
                {
                    result[k++] = candidate;
                }
            }

            return result;
        }

        var all = new int[n];
        for (var i = 0; i < n; i++)
        {
            all[i] = i;
        }

        for (var i = 0; i < count; i++)
        {
            var j = i + NextInt(n - i);
            (all[i], all[j]) = (all[j], all[i]);
        }

        return all[..count];
    }

    private static ulong SplitMix64(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
