using ImbalanceGuard.Models;

namespace ImbalanceGuard.Tests.Models;

public class SvcQMatrixTests
{
    /// <summary>
    /// Every column entry equals y_i y_j K(x_i, x_j) computed directly, with the dot product summed over the features
    /// in order (libsvm's rounding), for dimensions around the kernel's blocks of four features, lengths around its
    /// blocks of sixteen rows, rows picked out of a larger matrix, and positions swapped as shrinking swaps them.
    /// </summary>
    [Theory]
    [InlineData(1, 37, SvmKernel.Rbf)]
    [InlineData(3, 50, SvmKernel.Rbf)]
    [InlineData(4, 64, SvmKernel.Rbf)]
    [InlineData(7, 33, SvmKernel.Linear)]
    [InlineData(8, 100, SvmKernel.Rbf)]
    [InlineData(13, 71, SvmKernel.Linear)]
    [InlineData(20, 300, SvmKernel.Rbf)]
    public void Columns_equal_the_kernel_computed_directly(int dimensions, int count, SvmKernel kernel)
    {
        var random = new Random(dimensions * 1000 + count);
        var total = count + 11;
        var features = new double[total * dimensions];
        for (var k = 0; k < features.Length; k++)
        {
            features[k] = (random.NextDouble() * 6) - 3;
        }

        var rows = Enumerable.Range(0, total).OrderBy(_ => random.Next()).Take(count).ToArray();
        var y = rows.Select(_ => random.Next(2) == 0 ? (sbyte)1 : (sbyte)-1).ToArray();
        const double gamma = 0.07;
        using var q = new SvcQMatrix(features, (int[])rows.Clone(), count, dimensions, (sbyte[])y.Clone(), kernel, gamma, 1 << 20, new ParallelOptions { MaxDegreeOfParallelism = 1 });

        var position = Enumerable.Range(0, count).ToArray(); // position p holds original index position[p]
        for (var round = 0; round < 6; round++)
        {
            for (var p = 0; p < count; p += 1 + (p % 5))
            {
                var i = position[p];
                var column = q.Column(p, count);
                for (var t = 0; t < count; t++)
                {
                    var j = position[t];
                    var dot = 0.0;
                    var square = 0.0;
                    var other = 0.0;
                    for (var f = 0; f < dimensions; f++)
                    {
                        var a = features[(rows[i] * dimensions) + f];
                        var b = features[(rows[j] * dimensions) + f];
                        dot += a * b;
                        square += a * a;
                        other += b * b;
                    }

                    var value = kernel == SvmKernel.Rbf ? Math.Exp(-gamma * ((square + other) - (2 * dot))) : dot;
                    Assert.Equal((float)(y[i] * y[j] * value), column[t]);
                }
            }

            var s = random.Next(count);
            var r = random.Next(count);
            q.Swap(s, r);
            (position[s], position[r]) = (position[r], position[s]);
        }
    }

    [Fact]
    public void Long_columns_shared_among_threads_equal_those_of_one_thread()
    {
        const int count = 20_000;
        const int dimensions = 14;
        var random = new Random(5);
        var features = new double[count * dimensions];
        for (var k = 0; k < features.Length; k++)
        {
            features[k] = random.NextDouble();
        }

        var y = Enumerable.Range(0, count).Select(i => i % 3 == 0 ? (sbyte)1 : (sbyte)-1).ToArray();
        using var alone = new SvcQMatrix(features, null, count, dimensions, y, SvmKernel.Rbf, 0.1, 1 << 20, new ParallelOptions { MaxDegreeOfParallelism = 1 });
        using var shared = new SvcQMatrix(features, null, count, dimensions, y, SvmKernel.Rbf, 0.1, 1 << 20, new ParallelOptions { MaxDegreeOfParallelism = 3 });
        foreach (var i in new[] { 0, 17, 8191, 19_999 })
        {
            Assert.Equal(alone.Column(i, count), shared.Column(i, count));
        }
    }
}
