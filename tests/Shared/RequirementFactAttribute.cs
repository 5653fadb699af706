namespace ImbalanceGuard.Tests.Shared;

/// <summary>
/// A test that needs something the .NET SDK does not bring (a browser, a C toolchain). Where that thing is
/// missing the test reports itself skipped with the reason, so <c>dotnet test</c> passes on a machine with only
/// the SDK. CI installs those things and sets <see cref="NoSkipsVariable"/> to 1: there a missing requirement
/// is not skipped, and the test fails, so CI can never go green without having run it.
/// </summary>
public abstract class RequirementFactAttribute : FactAttribute
{
    /// <summary>The environment variable that turns every requirement skip into a failure.</summary>
    public const string NoSkipsVariable = "IMBALANCEGUARD_NO_SKIPS";

    /// <param name="missing">Why the test cannot run here and how to make it run, or null when it can.</param>
    protected RequirementFactAttribute(string? missing)
    {
        if (missing is not null && Environment.GetEnvironmentVariable(NoSkipsVariable) != "1")
        {
            Skip = missing;
        }
    }
}
