namespace ImbalanceGuard.Neighbors;

/// <summary>
/// The one definition of distance every search uses: the sum over features, in feature order, of the
/// squared difference, in double precision without fused multiply-add. Computing it the same way
/// everywhere makes the tree, the brute force and the reference agree bit for bit, so ties are real ties.
/// </summary>
internal static class SquaredEuclidean
{
    public static double Distance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var f = 0; f < a.Length; f++)
        {
            var t = a[f] - b[f];
            sum += t * t;
        }

        return sum;
    }
}
