namespace ImbalanceGuard.Pipelines;

/// <summary>How <c>CrossValidation.Run</c> reports, stops and guards.</summary>
public sealed class CrossValidationOptions
{
    /// <summary>Receives a report after each fold; null for none.</summary>
    public IProgress<CrossValidationProgress>? Progress { get; init; }

    /// <summary>Stops the run between (and inside) folds.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>
    /// What the runtime guard checks on every validation fold. Default: synthetic rows and source rows shared
    /// with the fold's training side. Add <see cref="LeakageChecks.IdenticalRows"/> to also refuse exact
    /// duplicates across the split (it fails on data that holds genuine duplicate rows).
    /// </summary>
    public LeakageChecks LeakageChecks { get; init; } = LeakageChecks.SyntheticRows | LeakageChecks.SharedSourceRows;
}
