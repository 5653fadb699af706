namespace ImbalanceGuard.Scale;

/// <summary>
/// A running sum of doubles with Neumaier's compensation: its error stays near one rounding however many terms
/// are added, where a plain running sum over millions of distinct scores drifts by many.
/// </summary>
internal struct CompensatedSum
{
    private double _sum;
    private double _compensation;

    /// <summary>The sum so far.</summary>
    public readonly double Value => _sum + _compensation;

    /// <summary>Adds <paramref name="term"/>.</summary>
    public void Add(double term)
    {
        var next = _sum + term;
        _compensation += Math.Abs(_sum) >= Math.Abs(term) ? (_sum - next) + term : (term - next) + _sum;
        _sum = next;
    }
}
