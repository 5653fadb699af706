using ImbalanceGuard.Analyzers.Analysis;
using Xunit;

namespace ImbalanceGuard.Analyzers.Tests;

/// <summary>The lock-free identifier cache: never a wrong answer under concurrent adds, and everything kept across growth when nothing races.</summary>
public class IdentifierCacheTests
{
    private static IdentifierKind KindOf(int i) => (IdentifierKind)(ushort)(i % 7 == 0 ? 0 : 1 << (i % 15));

    [Fact]
    public void Keeps_every_entry_through_growth()
    {
        var cache = new IdentifierCache();
        for (var i = 0; i < 100_000; i++)
        {
            cache.Add("name" + i, KindOf(i));
        }

        for (var i = 0; i < 100_000; i++)
        {
            Assert.True(cache.TryGet("name" + i, out var kind), "name" + i);
            Assert.Equal(KindOf(i), kind);

            // The same entry found from characters in a larger buffer, as the text scan looks it up.
            var buffer = ("name" + i + "#tail").ToCharArray();
            Assert.True(cache.TryGet(buffer, buffer.Length - 5, out var fromBuffer), "buffer name" + i);
            Assert.Equal(KindOf(i), fromBuffer);
        }

        Assert.False(cache.TryGet("missing", out _));
        Assert.False(cache.TryGet("name1".ToCharArray(), 4, out _)); // "name" was never added
    }

    [Fact]
    public void Never_answers_wrongly_while_threads_add_and_read_at_once()
    {
        var cache = new IdentifierCache();
        var wrong = 0;
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, thread =>
        {
            for (var i = 0; i < 60_000; i++)
            {
                // Overlapping ranges: threads add the same keys at once, and read keys others are adding.
                var key = (i * 7 + thread * 5_000) % 80_000;
                if (cache.TryGet("id" + key, out var kind))
                {
                    if (kind != KindOf(key))
                    {
                        Interlocked.Increment(ref wrong);
                    }
                }
                else
                {
                    cache.Add("id" + key, KindOf(key));
                }
            }
        });

        Assert.Equal(0, wrong);
        for (var key = 0; key < 80_000; key++)
        {
            if (cache.TryGet("id" + key, out var kind))
            {
                Assert.Equal(KindOf(key), kind);
            }
        }
    }
}
