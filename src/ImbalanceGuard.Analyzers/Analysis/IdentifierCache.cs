using System;
using System.Threading;

namespace ImbalanceGuard.Analyzers.Analysis;

/// <summary>
/// What each distinct identifier text means to the scans, shared by every thread of a compilation without a lock:
/// an open-addressing table whose slots are filled by compare-and-swap. A lock here made the scans wait: the compiler
/// runs more threads than this machine's two cores, and a thread preempted while holding a stripe of a
/// <c>ConcurrentDictionary</c> stalled every thread that added to it. It is a cache: an entry added while the table
/// is being replaced by a larger one may be lost, and is then classified again.
/// </summary>
internal sealed class IdentifierCache
{
    private readonly object _growing = new();
    private Entry?[] _slots = new Entry?[16384];
    private int _count;

    public bool TryGet(string key, out IdentifierKind kind) => TryGet(key, null, key.Length, out kind);

    /// <summary>As <see cref="TryGet(string, out IdentifierKind)"/> for the text in <c>name[0..length)</c>, without making a string of it.</summary>
    public bool TryGet(char[] name, int length, out IdentifierKind kind) => TryGet(null, name, length, out kind);

    /// <summary>One probe for both forms of a key: a string, or characters in a buffer.</summary>
    private bool TryGet(string? text, char[]? name, int length, out IdentifierKind kind)
    {
        var slots = Volatile.Read(ref _slots);
        var mask = slots.Length - 1;
        var slot = Hash(text, name, length) & mask;
        for (var probes = 0; probes < slots.Length; probes++, slot = (slot + 1) & mask)
        {
            var entry = Volatile.Read(ref slots[slot]);
            if (entry == null)
            {
                break;
            }

            if (Same(entry.Key, text, name, length))
            {
                kind = entry.Kind;
                return true;
            }
        }

        kind = IdentifierKind.None;
        return false;
    }

    public void Add(string key, IdentifierKind kind)
    {
        var slots = Volatile.Read(ref _slots);
        var mask = slots.Length - 1;
        var entry = new Entry(key, kind);
        var slot = Hash(key) & mask;
        for (var probes = 0; probes < slots.Length; probes++, slot = (slot + 1) & mask)
        {
            var existing = Interlocked.CompareExchange(ref slots[slot], entry, null);
            if (existing == null)
            {
                if (Interlocked.Increment(ref _count) * 2 > slots.Length)
                {
                    Grow(slots);
                }

                return;
            }

            if (string.Equals(existing.Key, key, StringComparison.Ordinal))
            {
                return; // another thread added it first
            }
        }
    }

    private static int Hash(string key) => Hash(key, null, key.Length);

    // FNV-1a over the characters: the same for a string and for characters in a buffer.
    private static int Hash(string? text, char[]? name, int length)
    {
        var hash = 2166136261u;
        for (var k = 0; k < length; k++)
        {
            hash = (hash ^ (text != null ? text[k] : name![k])) * 16777619u;
        }

        return (int)(hash & int.MaxValue);
    }

    private static bool Same(string key, string? text, char[]? name, int length)
    {
        if (key.Length != length)
        {
            return false;
        }

        for (var k = 0; k < length; k++)
        {
            if (key[k] != (text != null ? text[k] : name![k]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Replaces a half-full table by one twice its size (by one thread; readers keep using the old one meanwhile).</summary>
    private void Grow(Entry?[] full)
    {
        lock (_growing)
        {
            if (!ReferenceEquals(Volatile.Read(ref _slots), full))
            {
                return;
            }

            var larger = new Entry?[full.Length * 2];
            var mask = larger.Length - 1;
            var count = 0;
            foreach (var entry in full)
            {
                if (entry == null)
                {
                    continue;
                }

                var slot = Hash(entry.Key) & mask;
                while (larger[slot] != null)
                {
                    slot = (slot + 1) & mask;
                }

                larger[slot] = entry;
                count++;
            }

            Volatile.Write(ref _count, count);
            Volatile.Write(ref _slots, larger);
        }
    }

    private sealed class Entry
    {
        public Entry(string key, IdentifierKind kind)
        {
            Key = key;
            Kind = kind;
        }

        public string Key { get; }

        public IdentifierKind Kind { get; }
    }
}
