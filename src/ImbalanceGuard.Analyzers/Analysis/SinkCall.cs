using Microsoft.CodeAnalysis.Operations;

namespace ImbalanceGuard.Analyzers.Analysis;

/// <summary>A call that is a sink of the leakage rules, with the taint of the data it was given.</summary>
internal readonly struct SinkCall
{
    public SinkCall(IInvocationOperation invocation, MethodRole role, TaintValue data, bool hasData)
    {
        Invocation = invocation;
        Role = role;
        Data = data;
        HasData = hasData;
    }

    public IInvocationOperation Invocation { get; }

    /// <summary>What the called method is (splitter, fold generator, cross-validation, resampler).</summary>
    public MethodRole Role { get; }

    /// <summary>The taint of the data argument(s) (see <see cref="MethodRole.DataParameter"/>).</summary>
    public TaintValue Data { get; }

    /// <summary>Whether the call was given data at all (a resampler may be called with none).</summary>
    public bool HasData { get; }

    /// <summary>The call as the messages quote it.</summary>
    public string Described => FlowAnalysis.Describe(Invocation.Syntax);
}
