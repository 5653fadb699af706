using Microsoft.CodeAnalysis;

namespace ImbalanceGuard.Analyzers.Analysis;

/// <summary>The ImbalanceGuard and ML.NET symbols the rules know, resolved once per compilation.</summary>
internal sealed class KnownSymbols
{
    public KnownSymbols(Compilation compilation)
    {
        // A compilation that references neither library (the common case) looks only in its own source: resolving
        // each name through every referenced assembly cost 11 ms of the 26 ms the analyzers take on Newtonsoft.Json.
        var referencesImbalanceGuard = References(compilation, "ImbalanceGuard");
        var referencesMLNet = References(compilation, "Microsoft.ML");
        INamedTypeSymbol? ImbalanceGuardType(string name)
            => referencesImbalanceGuard ? compilation.GetTypeByMetadataName(name) : compilation.Assembly.GetTypeByMetadataName(name);
        INamedTypeSymbol? MLNetType(string name)
            => referencesMLNet ? compilation.GetTypeByMetadataName(name) : compilation.Assembly.GetTypeByMetadataName(name);

        // ImbalanceGuard
        Sampler = ImbalanceGuardType("ImbalanceGuard.Sampling.Sampler");
        Split = ImbalanceGuardType("ImbalanceGuard.Split");
        StratifiedKFold = ImbalanceGuardType("ImbalanceGuard.StratifiedKFold");
        RepeatedStratifiedKFold = ImbalanceGuardType("ImbalanceGuard.RepeatedStratifiedKFold");
        TimeSeriesSplit = ImbalanceGuardType("ImbalanceGuard.TimeSeriesSplit");
        FoldSplitter = ImbalanceGuardType("ImbalanceGuard.IFoldSplitter");
        CrossValidation = ImbalanceGuardType("ImbalanceGuard.Pipelines.CrossValidation");
        MLDataCatalog = ImbalanceGuardType("ImbalanceGuard.ML.ImbalanceDataCatalog");
        MLBinaryCatalog = ImbalanceGuardType("ImbalanceGuard.ML.ImbalanceBinaryClassificationCatalog");
        HoldoutSet = ImbalanceGuardType("ImbalanceGuard.HoldoutSet");
        LabeledData = ImbalanceGuardType("ImbalanceGuard.LabeledData");
        Fold = ImbalanceGuardType("ImbalanceGuard.Fold");
        TrainHoldoutSplit = ImbalanceGuardType("ImbalanceGuard.TrainHoldoutSplit");
        BinaryConfusion = ImbalanceGuardType("ImbalanceGuard.Evaluation.BinaryConfusion");
        BinaryScores = ImbalanceGuardType("ImbalanceGuard.Evaluation.BinaryScores");
        ProbabilityCalibrator = ImbalanceGuardType("ImbalanceGuard.Calibration.IProbabilityCalibrator");
        ProbabilisticClassifier = ImbalanceGuardType("ImbalanceGuard.Models.IProbabilisticClassifier");
        ResamplerAttribute = ImbalanceGuardType("ImbalanceGuard.Annotations.ResamplerAttribute");
        DataSplitterAttribute = ImbalanceGuardType("ImbalanceGuard.Annotations.DataSplitterAttribute");
        CrossValidationSplitterAttribute = ImbalanceGuardType("ImbalanceGuard.Annotations.CrossValidationSplitterAttribute");
        EvaluationDataAttribute = ImbalanceGuardType("ImbalanceGuard.Annotations.EvaluationDataAttribute");
        ClassifierScoreAttribute = ImbalanceGuardType("ImbalanceGuard.Annotations.ClassifierScoreAttribute");

        // ML.NET
        MLContext = MLNetType("Microsoft.ML.MLContext");
        DataView = MLNetType("Microsoft.ML.IDataView");
        DataOperationsCatalog = MLNetType("Microsoft.ML.DataOperationsCatalog");
        TrainTestData = MLNetType("Microsoft.ML.DataOperationsCatalog+TrainTestData");
        BinaryClassificationCatalog = MLNetType("Microsoft.ML.BinaryClassificationCatalog");
        BinaryClassificationMetrics = MLNetType("Microsoft.ML.Data.BinaryClassificationMetrics");
        MulticlassClassificationMetrics = MLNetType("Microsoft.ML.Data.MulticlassClassificationMetrics");
        ColumnNameAttribute = MLNetType("Microsoft.ML.Data.ColumnNameAttribute");

        HasImbalanceGuard = Sampler != null || ResamplerAttribute != null;
        HasMLNet = MLContext != null || DataView != null;
        // ML.NET's TrainTestData exposes its parts as readonly fields.
        TestSet = Member<ISymbol>(TrainTestData, "TestSet");
        TrainSet = Member<ISymbol>(TrainTestData, "TrainSet");
        MLAccuracy = Member<IPropertySymbol>(BinaryClassificationMetrics, "Accuracy");
        MLMicroAccuracy = Member<IPropertySymbol>(MulticlassClassificationMetrics, "MicroAccuracy");
        IGAccuracy = Member<IPropertySymbol>(BinaryConfusion, "Accuracy");
        IGBaselineAccuracy = Member<IPropertySymbol>(BinaryConfusion, "MajorityBaselineAccuracy");
    }

    /// <summary>Whether the compilation is, or references, an assembly whose name starts with <paramref name="prefix"/>.</summary>
    private static bool References(Compilation compilation, string prefix)
    {
        if (compilation.AssemblyName?.StartsWith(prefix, System.StringComparison.Ordinal) == true)
        {
            return true;
        }

        foreach (var assembly in compilation.ReferencedAssemblyNames)
        {
            if (assembly.Name.StartsWith(prefix, System.StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public INamedTypeSymbol? Sampler { get; }

    public INamedTypeSymbol? Split { get; }

    public INamedTypeSymbol? StratifiedKFold { get; }

    public INamedTypeSymbol? RepeatedStratifiedKFold { get; }

    public INamedTypeSymbol? TimeSeriesSplit { get; }

    public INamedTypeSymbol? FoldSplitter { get; }

    public INamedTypeSymbol? CrossValidation { get; }

    public INamedTypeSymbol? MLDataCatalog { get; }

    public INamedTypeSymbol? MLBinaryCatalog { get; }

    public INamedTypeSymbol? HoldoutSet { get; }

    public INamedTypeSymbol? LabeledData { get; }

    public INamedTypeSymbol? Fold { get; }

    public INamedTypeSymbol? TrainHoldoutSplit { get; }

    public INamedTypeSymbol? BinaryConfusion { get; }

    public INamedTypeSymbol? BinaryScores { get; }

    public INamedTypeSymbol? ProbabilityCalibrator { get; }

    public INamedTypeSymbol? ProbabilisticClassifier { get; }

    public INamedTypeSymbol? ResamplerAttribute { get; }

    public INamedTypeSymbol? DataSplitterAttribute { get; }

    public INamedTypeSymbol? CrossValidationSplitterAttribute { get; }

    public INamedTypeSymbol? EvaluationDataAttribute { get; }

    public INamedTypeSymbol? ClassifierScoreAttribute { get; }

    public INamedTypeSymbol? MLContext { get; }

    public INamedTypeSymbol? DataView { get; }

    public INamedTypeSymbol? DataOperationsCatalog { get; }

    public INamedTypeSymbol? TrainTestData { get; }

    public INamedTypeSymbol? BinaryClassificationCatalog { get; }

    public INamedTypeSymbol? BinaryClassificationMetrics { get; }

    public INamedTypeSymbol? MulticlassClassificationMetrics { get; }

    public INamedTypeSymbol? ColumnNameAttribute { get; }

    public ISymbol? TestSet { get; }

    public ISymbol? TrainSet { get; }

    public IPropertySymbol? MLAccuracy { get; }

    public IPropertySymbol? MLMicroAccuracy { get; }

    public IPropertySymbol? IGAccuracy { get; }

    public IPropertySymbol? IGBaselineAccuracy { get; }

    public bool HasImbalanceGuard { get; }

    public bool HasMLNet { get; }

    /// <summary>Whether a symbol is declared by ImbalanceGuard or ML.NET (whose members the rules know by symbol, not by name).</summary>
    public bool IsLibrarySymbol(ISymbol symbol)
    {
        var assembly = symbol.ContainingAssembly;
        if (assembly == null)
        {
            return false;
        }

        var name = assembly.Name;
        return name == "ImbalanceGuard" || name.StartsWith("Microsoft.ML", System.StringComparison.Ordinal);
    }

    public bool IsMLNetSymbol(ISymbol symbol)
        => symbol.ContainingAssembly?.Name.StartsWith("Microsoft.ML", System.StringComparison.Ordinal) == true;

    private static T? Member<T>(INamedTypeSymbol? type, string name)
        where T : class, ISymbol
    {
        if (type == null)
        {
            return null;
        }

        foreach (var member in type.GetMembers(name))
        {
            if (member is T typed)
            {
                return typed;
            }
        }

        return null;
    }
}
