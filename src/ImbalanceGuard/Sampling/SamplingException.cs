namespace ImbalanceGuard.Sampling;

/// <summary>
/// A sampler cannot run on this data with these settings: a sampling strategy the data cannot satisfy,
/// a class too small for the neighbours asked for, a single class, and so on. The message says which and why.
/// </summary>
public class SamplingException : InvalidOperationException
{
    /// <summary>Creates the exception with a message that names the problem.</summary>
    public SamplingException(string message)
        : base(message)
    {
    }
}
