using System.Diagnostics;

namespace ImbalanceGuard.Tests.Pipelines;

/// <summary>
/// Fails the whole process when one case runs longer than its limit. A .NET thread cannot be aborted, so a case
/// that loops forever (a damaged tree walking in a cycle) would otherwise stall the test run; ending the process
/// with <see cref="Environment.FailFast(string)"/> makes it a failed run that names the case instead.
/// </summary>
internal sealed class HangWatchdog : IDisposable
{
    private readonly TimeSpan _limit;
    private readonly Thread _thread;
    private readonly object _gate = new();
    private string? _case;
    private long _startedAt;
    private bool _disposed;

    public HangWatchdog(TimeSpan limit)
    {
        _limit = limit;
        _thread = new Thread(Watch) { IsBackground = true, Name = "fuzz watchdog" };
        _thread.Start();
    }

    /// <summary>Starts timing the case <paramref name="description"/>.</summary>
    public void Begin(string description)
    {
        lock (_gate)
        {
            _case = description;
            _startedAt = Stopwatch.GetTimestamp();
        }
    }

    /// <summary>The case finished in time.</summary>
    public void End()
    {
        lock (_gate)
        {
            _case = null;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            Monitor.PulseAll(_gate);
        }

        _thread.Join();
    }

    private void Watch()
    {
        lock (_gate)
        {
            while (!_disposed)
            {
                if (_case is not null && Stopwatch.GetElapsedTime(_startedAt) > _limit)
                {
                    Environment.FailFast($"A fuzz case ran for more than {_limit.TotalSeconds:0} s (a hang): {_case}");
                }

                Monitor.Wait(_gate, TimeSpan.FromMilliseconds(250));
            }
        }
    }
}
