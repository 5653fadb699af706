using System.Globalization;
using System.Text;

namespace ImbalanceGuard.Scale.Tests;

public class PortableHashTests
{
    private static readonly int[] Seeds = [0, 1, 42, -7, int.MaxValue, int.MinValue];

    [Fact]
    public void DuckDbComputesTheSameHashesAsTheCSharpMirror()
    {
        using var scratch = new ScratchFolder();
        using var engine = DuckDbEngine.Open(new EngineOptions { MemoryLimitBytes = 256L << 20, Threads = 2, TemporaryFolder = scratch.Path });
        long[] extremes = [PortableHash.Modulus - 1, PortableHash.Modulus, PortableHash.Modulus + 1, 1L << 40, (1L << 62) - 1, 4_611_686_014_132_420_609];
        engine.Execute("CREATE TABLE ids AS SELECT range AS id FROM range(20000) UNION ALL SELECT unnest([" + string.Join(", ", extremes) + "]::BIGINT[])");
        foreach (var seed in Seeds)
        {
            var steps = PortableHash.Steps(SqlDialect.DuckDb, "id", seed, i => $"h{i}");
            var sql = new StringBuilder("WITH s AS (SELECT id FROM ids)");
            var from = "s";
            for (var i = 0; i < steps.Count; i++)
            {
                sql.Append(CultureInfo.InvariantCulture, $", c{i} AS (SELECT *, {steps[i]} AS h{i} FROM {from})");
                from = $"c{i}";
            }

            sql.Append(CultureInfo.InvariantCulture, $" SELECT id, h{steps.Count - 1} FROM {from} ORDER BY id");
            var rows = engine.Query(sql.ToString());
            Assert.Equal(20000 + extremes.Length, rows.Count);
            foreach (var row in rows)
            {
                var id = Convert.ToInt64(row[0], CultureInfo.InvariantCulture);
                Assert.Equal(PortableHash.Compute(id, seed), Convert.ToInt64(row[1], CultureInfo.InvariantCulture));
            }
        }
    }

    [Fact]
    public void HashesSpreadEvenlyAndDependOnTheSeed()
    {
        const int n = 100_000;
        var hashes = Enumerable.Range(0, n).Select(i => PortableHash.Compute(i, 42)).ToArray();
        Assert.All(hashes, h => Assert.InRange(h, 0, int.MaxValue));

        // Ten equal bins of [0, 2^31): each within 5 % of n/10 (a fair hash is within 1 % with near certainty).
        var bins = new int[10];
        foreach (var h in hashes)
        {
            bins[(int)(h * 10 / (1L << 31))]++;
        }

        Assert.All(bins, count => Assert.InRange(count, n / 10 * 0.95, n / 10 * 1.05));
        Assert.True(hashes.Distinct().Count() > n * 0.99);
        var other = Enumerable.Range(0, n).Select(i => PortableHash.Compute(i, 43)).ToArray();
        Assert.True(hashes.Zip(other).Count(p => p.First == p.Second) < 10);
    }

    [Fact]
    public void RowIdsOutsideTheRangeAreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PortableHash.Compute(-1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => PortableHash.Compute(1L << 62, 0));
    }
}
