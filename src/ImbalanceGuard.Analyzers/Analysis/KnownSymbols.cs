using Microsoft.CodeAnalysis;

namespace ImbalanceGuard.Analyzers.Analysis;

/// <summary>The ImbalanceGuard and ML.NET symbols the rules know, resolved once per compilation.</summary>
internal sealed class KnownSymbols
{
    public KnownSymbols(Compilation compilation)
    {
        // ImbalanceGuard
        Sampler = compilation.GetTypeByMetadataName("ImbalanceGuard.Sampling.Sampler");
        Split = compilation.GetTypeByMetadataName("ImbalanceGuard.Split");
        StratifiedKFold = compilation.GetTypeByMetadataName("ImbalanceGuard.StratifiedKFold");
        RepeatedStratifiedKFold = compilation.GetTypeByMetadataName("ImbalanceGuard.RepeatedStratifiedKFold");
        TimeSeriesSplit = compilation.GetTypeByMetadataName("ImbalanceGuard.TimeSeriesSplit");
        FoldSplitter = compilation.GetTypeByMetadataName("ImbalanceGuard.IFoldSplitter");
        CrossValidation = compilation.GetTypeByMetadataName("ImbalanceGuard.Pipelines.CrossValidation");
        MLDataCatalog = compilation.GetTypeByMetadataName("ImbalanceGuard.ML.ImbalanceDataCatalog");
        MLBinaryCatalog = compilation.GetTypeByMetadataName("ImbalanceGuard.ML.ImbalanceBinaryClassificationCatalog");
        HoldoutSet = compilation.GetTypeByMetadataName("ImbalanceGuard.HoldoutSet");
        LabeledData = compilation.GetTypeByMetadataName("ImbalanceGuard.LabeledData");
        Fold = compilation.GetTypeByMetadataName("ImbalanceGuard.Fold");
        TrainHoldoutSplit = compilation.GetTypeByMetadataName("ImbalanceGuard.TrainHoldoutSplit");
        BinaryConfusion = compilation.GetTypeByMetadataName("ImbalanceGuard.Evaluation.BinaryConfusion");
        BinaryScores = compilation.GetTypeByMetadataName("ImbalanceGuard.Evaluation.BinaryScores");
        ProbabilityCalibrator = compilation.GetTypeByMetadataName("ImbalanceGuard.Calibration.IProbabilityCalibrator");
        ProbabilisticClassifier = compilation.GetTypeByMetadataName("ImbalanceGuard.Models.IProbabilisticClassifier");
        ResamplerAttribute = compilation.GetTypeByMetadataName("ImbalanceGuard.Annotations.ResamplerAttribute");
        DataSplitterAttribute = compilation.GetTypeByMetadataName("ImbalanceGuard.Annotations.DataSplitterAttribute");
        CrossValidationSplitterAttribute = compilation.GetTypeByMetadataName("ImbalanceGuard.Annotations.CrossValidationSplitterAttribute");
        EvaluationDataAttribute = compilation.GetTypeByMetadataName("ImbalanceGuard.Annotations.EvaluationDataAttribute");
        ClassifierScoreAttribute = compilation.GetTypeByMetadataName("ImbalanceGuard.Annotations.ClassifierScoreAttribute");

        // ML.NET
        MLContext = compilation.GetTypeByMetadataName("Microsoft.ML.MLContext");
        DataView = compilation.GetTypeByMetadataName("Microsoft.ML.IDataView");
        DataOperationsCatalog = compilation.GetTypeByMetadataName("Microsoft.ML.DataOperationsCatalog");
        TrainTestData = compilation.GetTypeByMetadataName("Microsoft.ML.DataOperationsCatalog+TrainTestData");
        BinaryClassificationCatalog = compilation.GetTypeByMetadataName("Microsoft.ML.BinaryClassificationCatalog");
        BinaryClassificationMetrics = compilation.GetTypeByMetadataName("Microsoft.ML.Data.BinaryClassificationMetrics");
        MulticlassClassificationMetrics = compilation.GetTypeByMetadataName("Microsoft.ML.Data.MulticlassClassificationMetrics");
        ColumnNameAttribute = compilation.GetTypeByMetadataName("Microsoft.ML.Data.ColumnNameAttribute");

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
