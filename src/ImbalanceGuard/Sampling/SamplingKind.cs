namespace ImbalanceGuard.Sampling;

/// <summary>What a sampler does to the classes it targets; decides how a <see cref="SamplingStrategy"/> reads.</summary>
public enum SamplingKind
{
    /// <summary>Adds rows: a strategy says how many rows each targeted class gets in the end.</summary>
    OverSampling,

    /// <summary>Keeps a chosen number of rows: a strategy says how many rows each targeted class keeps.</summary>
    UnderSampling,

    /// <summary>Removes rows by a rule (noise, overlap): a strategy only says which classes may lose rows.</summary>
    Cleaning,
}
