using Microsoft.CodeAnalysis;

namespace ImbalanceGuard.Analyzers.Analysis;

/// <summary>A diagnostic found by the shared analysis of a code block, reported by the analyzer that owns its rule.</summary>
internal sealed class Finding
{
    public Finding(DiagnosticDescriptor rule, Location location, params string[] arguments)
    {
        Rule = rule;
        Location = location;
        Arguments = arguments;
    }

    public DiagnosticDescriptor Rule { get; }

    public Location Location { get; }

    public string[] Arguments { get; }

    public Diagnostic ToDiagnostic() => Diagnostic.Create(Rule, Location, Arguments);
}
