namespace ImbalanceGuard.Sampling;

/// <summary>How edited-nearest-neighbour rules decide that a row disagrees with its neighbourhood (<c>kind_sel</c>).</summary>
public enum KindSelection
{
    /// <summary><c>all</c>: keep a row only when every neighbour has its class (removes more).</summary>
    All,

    /// <summary><c>mode</c>: keep a row when the most common class among its neighbours is its class (ties: the class that sorts first).</summary>
    Mode,
}
