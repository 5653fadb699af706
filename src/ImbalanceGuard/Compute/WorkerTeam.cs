using System.Runtime.ExceptionServices;

namespace ImbalanceGuard.Models;

/// <summary>
/// Threads kept for a run of many short parallel rounds: k-means++ makes two rounds per centre, twenty
/// thousand for ClusterCentroids' ten thousand centres. <see cref="Parallel.For(int, int, Action{int})"/>
/// allocates about 1.7 KB a call; over such a run that garbage fills the collector's youngest generation,
/// whose memory then counts in the sampler's peak. A round here allocates nothing: the calling thread and the
/// team's threads take the items one at a time from a shared counter.
/// </summary>
internal sealed class WorkerTeam : IDisposable
{
    private readonly Thread[] _helpers;
    private readonly Barrier _barrier; // every helper and the caller: once to start a round, once to end it
    private Action<int>? _body;
    private int _count;
    private int _next;
    private Exception? _error;
    private bool _disposed;

    /// <param name="threads">The threads to work a round, the caller's included; one means the caller alone.</param>
    public WorkerTeam(int threads)
    {
        _helpers = new Thread[Math.Max(threads, 1) - 1];
        _barrier = new Barrier(_helpers.Length + 1);
        for (var t = 0; t < _helpers.Length; t++)
        {
            _helpers[t] = new Thread(HelpUntilDisposed) { IsBackground = true, Name = "ImbalanceGuard worker" };
            _helpers[t].Start();
        }
    }

    /// <summary>Runs <paramref name="body"/> for 0 … count-1 on the team; the first exception thrown surfaces as itself.</summary>
    public void For(int count, Action<int> body)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_helpers.Length == 0 || count <= 1)
        {
            for (var i = 0; i < count; i++)
            {
                body(i);
            }

            return;
        }

        _body = body;
        _count = count;
        _next = 0;
        _error = null;
        _barrier.SignalAndWait();
        Work();
        _barrier.SignalAndWait();
        _body = null;
        if (_error is { } error)
        {
            ExceptionDispatchInfo.Capture(error).Throw();
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_helpers.Length > 0)
        {
            // Releases the helpers waiting for a round; they see the team disposed and stop.
            _barrier.SignalAndWait();
            foreach (var helper in _helpers)
            {
                helper.Join();
            }
        }

        _barrier.Dispose();
    }

    private void Work()
    {
        int i;
        while ((i = Interlocked.Increment(ref _next) - 1) < _count)
        {
            try
            {
                _body!(i);
            }
            catch (Exception error)
            {
                Interlocked.CompareExchange(ref _error, error, null);
            }
        }
    }

    private void HelpUntilDisposed()
    {
        while (true)
        {
            _barrier.SignalAndWait();
            if (_disposed)
            {
                return;
            }

            Work();
            _barrier.SignalAndWait();
        }
    }
}
