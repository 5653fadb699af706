namespace ImbalanceGuard.Sampling;

/// <summary>Which Borderline-SMOTE (<c>kind</c>).</summary>
public enum BorderlineKind
{
    /// <summary><c>borderline-1</c>: new rows only towards neighbours of the same class.</summary>
    Borderline1,

    /// <summary><c>borderline-2</c>: also towards the nearest rows of other classes, at most half way.</summary>
    Borderline2,
}
