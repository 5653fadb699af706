using ImbalanceGuard.Tests.Shared;

namespace ImbalanceGuard.Reporting.Tests;

/// <summary>A test that opens a report in headless Chromium: skipped with the reason where none is installed.</summary>
public sealed class ChromiumFactAttribute : RequirementFactAttribute
{
    public ChromiumFactAttribute()
        : base(Chromium.Missing)
    {
    }
}
