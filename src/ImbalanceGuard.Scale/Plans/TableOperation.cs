namespace ImbalanceGuard.Scale;

/// <summary>What a <see cref="TablePlan"/> does to a table: a holdout split or a per-class sample.</summary>
public abstract record TableOperation
{
    private protected TableOperation()
    {
    }
}
