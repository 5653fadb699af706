using ImbalanceGuard.Neighbors;

namespace ImbalanceGuard;

/// <summary>
/// Finds evaluation rows that lie on the segment between two training rows of their class — the rows SMOTE,
/// Borderline-SMOTE and ADASYN make (<c>seed + gap × (neighbour − seed)</c>) — without any provenance, so rows
/// copied into arrays and rebuilt are still found.
/// </summary>
/// <remarks>
/// Geometry: a synthetic row h = a + u (b − a) with b among the k nearest same-class rows of a, r = |b − a|.
/// Every row nearer to h than b lies within r of a (|p − a| ≤ |p − h| + |h − a| &lt; (1 − u) r + u r), so nearer to
/// a than b is: at most k rows, a included. So b is among h's k + 1 nearest training rows of its class, and so is
/// a when u ≤ ½ (then a is nearer than b). Pairs among h's <see cref="Candidates"/> nearest are checked: every
/// row with u ≤ ½ made with up to <see cref="Candidates"/> − 1 neighbours is found; a row with u &gt; ½ is found
/// when its seed is also among the candidates (on the bundled data, 10 nearest found 83–99 % of those, 20 nearest
/// 93–100 %; docs/design.md). One neighbour query of the evaluation rows against the training rows of their
/// class, then Candidates² / 2 short coordinate checks per row, most of which stop at the first coordinate.
/// </remarks>
internal static class InterpolatedRowSearch
{
    /// <summary>Nearest same-class training rows searched for the two ends: SMOTE's default 5 neighbours need 6; more find more seeds of rows made at gaps over ½.</summary>
    public const int Candidates = 20;

    /// <summary>
    /// Coordinates, relative to their size, within which a row counts as on the segment: SMOTE's own rounding is
    /// about 1e-16; this also accepts rows written out with ten significant digits and read back.
    /// </summary>
    public const double RelativeTolerance = 1e-9;

    /// <summary>
    /// Coordinates in which the two ends must differ (and the row follow them) — fewer would make every row
    /// between two others on a grid of whole numbers look interpolated. With fewer features, all of them (at
    /// least two: on a line every inner point is between two others, so one feature is never checked).
    /// </summary>
    public const int DifferingCoordinates = 3;

    /// <summary>
    /// The largest denominator of a gap that counts as a simple fraction, which real rows on a grid show and
    /// SMOTE's random gaps almost never do.
    /// </summary>
    public const int SimpleFractionDenominator = 100;

    /// <summary>An evaluation row on the segment from training row <see cref="From"/> towards <see cref="To"/>, at <see cref="Gap"/>.</summary>
    public readonly record struct Match(int HoldoutRow, int From, int To, double Gap);

    /// <summary>Every evaluation row on a segment between two training rows of its class, in row order.</summary>
    public static List<Match> Find(RowTable training, RowTable holdout)
    {
        var d = training.FeatureCount;
        var matches = new List<Match>();
        var needed = Math.Min(DifferingCoordinates, d);
        if (needed < 2 || holdout.RowCount == 0)
        {
            return matches;
        }

        var trainingFeatures = training.Features;
        var holdoutFeatures = holdout.Features;
        var classCount = Math.Max(training.Labels.DefaultIfEmpty(-1).Max(), holdout.Labels.DefaultIfEmpty(-1).Max()) + 1;
        var trainingByClass = RowsByClass(training.Labels, classCount);
        var holdoutByClass = RowsByClass(holdout.Labels, classCount);
        for (var c = 0; c < classCount; c++)
        {
            var among = trainingByClass[c];
            var queries = holdoutByClass[c];
            if (among.Length < 2 || queries.Length == 0)
            {
                continue;
            }

            var k = Math.Min(Candidates, among.Length);
            var index = new NeighborIndex(PointRows.Mapped(trainingFeatures, among, d), d, NeighborSearchOptions.Default);
            Match?[] found = [];
            index.QueryOutsideRowsInChunks(holdoutFeatures, queries, k, (first, neighbours) =>
            {
                // On every core, like the search: done on the calling thread alone, the pair checks (their rows
                // scattered over the training set) left the other cores idle for a tenth of the check's time on
                // 200 000 generated rows. Each row's answer is its own, so the matches do not depend on the threads.
                var count = neighbours.QueryCount;
                found = found.Length >= count ? found : new Match?[count];
                var work = (long)count * k * d; // about the coordinates a row's pair checks read
                Parallel.For(0, count, ParallelWork.For(work, NeighborSearchOptions.Default.ParallelOptions), q =>
                {
                    var row = queries[first + q];
                    found[q] = FindPair(holdoutFeatures.AsSpan(row * d, d), neighbours.Indices(q), among, trainingFeatures, d, needed) is { } pair
                        ? pair with { HoldoutRow = row }
                        : null;
                });
                for (var q = 0; q < count; q++)
                {
                    if (found[q] is { } match)
                    {
                        matches.Add(match);
                    }
                }
            });
            index.ReleaseSearchBuffers();
        }

        matches.Sort((x, y) => x.HoldoutRow.CompareTo(y.HoldoutRow));
        return matches;
    }

    /// <summary>The first pair of candidates, nearest first, whose segment holds <paramref name="row"/>.</summary>
    internal static Match? FindPair(ReadOnlySpan<double> row, ReadOnlySpan<int> candidates, int[] among, double[] features, int d, int needed)
    {
        for (var i = 0; i < candidates.Length; i++)
        {
            var from = among[candidates[i]];
            var a = features.AsSpan(from * d, d);
            for (var j = i + 1; j < candidates.Length; j++)
            {
                var to = among[candidates[j]];
                if (GapOnSegment(row, a, features.AsSpan(to * d, d), needed) is { } gap)
                {
                    return new Match(-1, from, to, gap);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The t in (0, 1) with h = a + t (b − a) in every coordinate within tolerance, when a and b differ in at least
    /// <paramref name="needed"/> coordinates and h is told apart from both ends; else null.
    /// </summary>
    internal static double? GapOnSegment(ReadOnlySpan<double> h, ReadOnlySpan<double> a, ReadOnlySpan<double> b, int needed)
    {
        // Each coordinate that differs allows an interval of t; the row is on the segment when their intersection
        // is not empty and lies strictly inside (0, 1) (an end itself is a copy, the identical-rows check's case).
        double low = 0, high = 1;
        var differing = 0;
        for (var j = 0; j < h.Length; j++)
        {
            var span = b[j] - a[j];
            var tolerance = RelativeTolerance * (Math.Abs(a[j]) + Math.Abs(b[j]));
            var offset = h[j] - a[j];
            if (Math.Abs(span) <= 2 * tolerance)
            {
                // Equal ends (a constant coordinate, say): the row must share the value, as SMOTE's rows do exactly.
                if (Math.Abs(offset) > tolerance + Math.Abs(span))
                {
                    return null;
                }

                continue;
            }

            var centre = offset / span;
            var halfWidth = tolerance / Math.Abs(span);
            low = Math.Max(low, centre - halfWidth);
            high = Math.Min(high, centre + halfWidth);
            if (low > high)
            {
                return null;
            }

            differing++;
        }

        if (differing < needed || low <= 0 || high >= 1)
        {
            return null;
        }

        // Three real rows on a grid (whole numbers, or decimals of a fixed precision) line up at simple fractions
        // only — spam's near-duplicate emails at exactly ½, say. SMOTE's gap is a random double: it falls within
        // tolerance of one of these ~3 000 fractions with a chance of ~3 000 times the interval's width.
        for (var denominator = 2; denominator <= SimpleFractionDenominator; denominator++)
        {
            if (Math.Ceiling(low * denominator) / denominator <= high)
            {
                return null;
            }
        }

        return (low + high) / 2;
    }

    private static int[][] RowsByClass(int[] labels, int classCount)
    {
        var counts = new int[classCount];
        foreach (var label in labels)
        {
            counts[label]++;
        }

        var rows = new int[classCount][];
        for (var c = 0; c < classCount; c++)
        {
            rows[c] = new int[counts[c]];
            counts[c] = 0;
        }

        for (var i = 0; i < labels.Length; i++)
        {
            rows[labels[i]][counts[labels[i]]++] = i;
        }

        return rows;
    }
}
