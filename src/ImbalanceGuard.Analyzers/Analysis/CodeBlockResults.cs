using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using ImbalanceGuard.Analyzers.Checks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ImbalanceGuard.Analyzers.Analysis;

/// <summary>
/// The findings of one code block, computed once and shared by the analyzers: the leakage analysis
/// (IG0001-IG0003, on the control-flow graph), the value analysis (IG0004-IG0005, on the operation tree) and the
/// selection check (IG0006, on the operation tree), each only when the token scan says it can find something.
/// </summary>
internal sealed class CodeBlockResults
{
    private readonly SyntaxNode _block;
    private readonly ISymbol? _owner;
    private readonly SemanticModel _model;
    private readonly SettingsContext _context;
    private readonly Once<Triggers> _triggers;
    private readonly Once<(IOperation? Root, PrePass? Pre)> _tree;
    private readonly Once<ImmutableArray<Finding>> _leakage;
    private readonly Once<ImmutableArray<Finding>> _values;
    private readonly Once<ImmutableArray<Finding>> _selection;
    private CancellationToken _cancellationToken;

    public CodeBlockResults(SyntaxNode block, ISymbol? owner, SemanticModel model, SettingsContext context)
    {
        _block = block;
        _owner = owner;
        _model = model;
        _context = context;

        // Once: the first analyzer to ask computes while the others wait; a cancelled computation is not cached.
        _triggers = new Once<Triggers>(() => Triggers.Scan(_block, _context, _cancellationToken));
        _tree = new Once<(IOperation?, PrePass?)>(BuildTree);
        _leakage = new Once<ImmutableArray<Finding>>(ComputeLeakage);
        _values = new Once<ImmutableArray<Finding>>(ComputeValues);
        _selection = new Once<ImmutableArray<Finding>>(ComputeSelection);
    }

    public ImmutableArray<Finding> Leakage(CancellationToken cancellationToken)
    {
        _cancellationToken = cancellationToken;
        return _leakage.Value;
    }

    public ImmutableArray<Finding> Values(CancellationToken cancellationToken)
    {
        _cancellationToken = cancellationToken;
        return _values.Value;
    }

    /// <summary>IG0006: a threshold, model or hyper-parameter chosen on test data.</summary>
    public ImmutableArray<Finding> Selection(CancellationToken cancellationToken)
    {
        _cancellationToken = cancellationToken;
        return _selection.Value;
    }

    private (IOperation?, PrePass?) BuildTree()
    {
        var root = FlowGraphs.Root(_model, _block, _cancellationToken);
        if (root == null)
        {
            return (null, null);
        }

        return (root, PrePass.Run(root, _context, _cancellationToken));
    }

    private ImmutableArray<Finding> ComputeLeakage()
    {
        if (!_triggers.Value.Leakage)
        {
            return ImmutableArray<Finding>.Empty;
        }

        return Guard(findings =>
        {
            var (root, pre) = _tree.Value;
            if (root == null || pre == null)
            {
                return;
            }

            var graph = FlowGraphs.Create(root, _cancellationToken);
            if (graph != null)
            {
                FlowAnalysis.Analyze(graph, _block, _owner, _context, _model, pre, findings, _cancellationToken);
            }
        });
    }

    private ImmutableArray<Finding> ComputeValues()
    {
        var triggers = _triggers.Value;
        if (!triggers.Accuracy && !triggers.Threshold)
        {
            return ImmutableArray<Finding>.Empty;
        }

        return Guard(findings =>
        {
            var (root, pre) = _tree.Value;
            if (root != null && pre != null)
            {
                ValueAnalysis.Analyze(root, _context, pre, findings, triggers.Accuracy, triggers.Threshold, _cancellationToken);
            }
        });
    }

    private ImmutableArray<Finding> ComputeSelection()
    {
        if (!_triggers.Value.Selection)
        {
            return ImmutableArray<Finding>.Empty;
        }

        return Guard(findings =>
        {
            var (root, pre) = _tree.Value;
            if (root != null && pre != null)
            {
                TunedOnTestDataCheck.Analyze(root, _context, pre, findings, _cancellationToken);
            }
        });
    }

    /// <summary>
    /// Runs an analysis and never lets it crash the compiler's analyzer host (AD0001): an unexpected exception
    /// costs this block its findings, not the build. Debug builds (the tests) rethrow so that bugs surface.
    /// </summary>
    private ImmutableArray<Finding> Guard(Action<List<Finding>> analysis)
    {
        var findings = new List<Finding>();
        try
        {
            analysis(findings);
        }
        catch (Exception exception) when (exception is not OperationCanceledException && !RethrowForTests)
        {
            return ImmutableArray<Finding>.Empty;
        }

        return findings.ToImmutableArray();
    }

#if DEBUG
    private const bool RethrowForTests = true;
#else
    private const bool RethrowForTests = false;
#endif
}
