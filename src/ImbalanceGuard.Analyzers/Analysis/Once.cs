using System;

namespace ImbalanceGuard.Analyzers.Analysis;

/// <summary>
/// A value computed once, by the first thread that asks, while the others wait for it: the analyzers of one code
/// block run concurrently and share one computation. Unlike <c>Lazy</c> in execution-and-publication mode, a
/// computation that throws (a cancelled request) is not cached: the next request computes again.
/// </summary>
internal sealed class Once<T>
{
    private readonly Func<T> _compute;
    private readonly object _gate = new();
    private T? _value;
    private volatile bool _done;

    public Once(Func<T> compute)
    {
        _compute = compute;
    }

    public T Value
    {
        get
        {
            if (!_done)
            {
                lock (_gate)
                {
                    if (!_done)
                    {
                        _value = _compute();
                        _done = true;
                    }
                }
            }

            return _value!;
        }
    }
}
