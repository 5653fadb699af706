using ImbalanceGuard.Models;

namespace ImbalanceGuard.Tests.Models;

public class KernelCacheTests
{
    /// <summary>
    /// Whatever the budget, a column handed back keeps the entries filled before, still matching their rows after
    /// positions were swapped (libsvm's <c>swap_index</c>), and asks only for the entries it lacks.
    /// </summary>
    [Theory]
    [InlineData(0)]                // libsvm's floor: two columns
    [InlineData(5 * 60 * 4)]       // about five
    [InlineData(1 << 20)]          // every column
    public void Columns_keep_their_entries_through_eviction_and_swaps(long bytes)
    {
        const int count = 60;
        var cache = new KernelCache(count, bytes);
        var original = Enumerable.Range(0, count).ToArray(); // the row now at each position
        var random = new Random(11);
        var servedFromCache = 0;
        for (var step = 0; step < 20_000; step++)
        {
            if (random.Next(10) < 3)
            {
                var i = random.Next(count);
                var j = random.Next(count);
                cache.Swap(i, j);
                (original[i], original[j]) = (original[j], original[i]);
                continue;
            }

            var index = random.Next(count);
            var length = 1 + random.Next(count);
            var data = cache.Get(index, length, out var start);
            Assert.InRange(start, 0, length);
            for (var t = 0; t < Math.Min(start, length); t++)
            {
                Assert.Equal(Value(original[index], original[t]), data[t]);
            }

            servedFromCache += start < length ? 0 : 1;
            for (var t = start; t < length; t++)
            {
                data[t] = Value(original[index], original[t]);
            }
        }

        Assert.True(servedFromCache > 100, $"only {servedFromCache} requests were served from the cache");
    }

    private static float Value(int column, int row) => (column * 1000) + row;
}
