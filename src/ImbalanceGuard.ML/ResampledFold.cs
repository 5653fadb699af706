using Microsoft.ML;

namespace ImbalanceGuard.ML;

/// <summary>One fold of <see cref="ImbalanceBinaryClassificationCatalog.CrossValidateWithResampling"/>.</summary>
/// <param name="Index">The fold number, from 0.</param>
/// <param name="Model">The model fitted on the fold's (resampled) training rows.</param>
/// <param name="TrainingRows">Training rows before resampling.</param>
/// <param name="ResampledRows">Rows the model was fitted on.</param>
/// <param name="Metrics">The fold's threshold-free metrics by <see cref="Pipelines.MetricNames"/> name (tune a threshold on the out-of-fold scores).</param>
/// <param name="Scored">The fold's validation rows, scored by <paramref name="Model"/>.</param>
public sealed record ResampledFold(int Index, ITransformer Model, int TrainingRows, int ResampledRows, IReadOnlyDictionary<string, double> Metrics, IDataView Scored);
