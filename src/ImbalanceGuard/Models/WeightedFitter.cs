namespace ImbalanceGuard.Models;

/// <summary>
/// Fits a trainer again and again on chosen rows of one training set with changing row weights, as boosting
/// does. For a decision tree (the usual weak learner) the features are binned once for every round; other
/// trainers get a training set of the chosen rows with the round's weights.
/// </summary>
internal abstract class WeightedFitter
{
    private WeightedFitter(TrainingSet training)
    {
        Training = training;
    }

    public TrainingSet Training { get; }

    public static WeightedFitter Create(TrainingSet training, IClassifierTrainer trainer)
        => trainer is DecisionTreeClassifier tree ? new TreeFitter(training, tree) : new GenericFitter(training, trainer);

    /// <summary>
    /// Fits on the rows <paramref name="rows"/> (repeats count as extra weight) weighted by
    /// <paramref name="weights"/> (indexed by row), the trainer seeded with <paramref name="seed"/>.
    /// </summary>
    public abstract IProbabilisticClassifier Fit(ReadOnlySpan<int> rows, double[] weights, long seed);

    /// <summary>The class a fitted model predicts for training row <paramref name="row"/> (lowest class on ties).</summary>
    public int Predict(IProbabilisticClassifier model, int row, Span<double> scratch)
    {
        if (model is DecisionTreeModel tree)
        {
            return tree.Predict(Training.GetRow(row));
        }

        model.PredictProbabilities(Training.GetRow(row), scratch);
        var best = 0;
        for (var c = 1; c < scratch.Length; c++)
        {
            if (scratch[c] > scratch[best])
            {
                best = c;
            }
        }

        return best;
    }

    private sealed class TreeFitter : WeightedFitter
    {
        private readonly DecisionTreeClassifier _trainer;
        private readonly TreeTraining _prepared;
        private readonly TreeBuilder _builder;
        private readonly double[] _roundWeights;
        private readonly List<int> _rows = [];

        public TreeFitter(TrainingSet training, DecisionTreeClassifier trainer)
            : base(training)
        {
            _trainer = trainer;
            _prepared = TreeTraining.Prepare(training, trainer.MaxFeatures, new ParallelOptions { MaxDegreeOfParallelism = 1 });
            _builder = new TreeBuilder(_prepared.Bins, _prepared.Labels, _prepared.ClassCount, _prepared.FeatureCount);
            _roundWeights = new double[training.RowCount];
        }

        public override IProbabilisticClassifier Fit(ReadOnlySpan<int> rows, double[] weights, long seed)
        {
            _rows.Clear();
            foreach (var row in rows)
            {
                _roundWeights[row] = 0;
            }

            foreach (var row in rows)
            {
                if (weights[row] > 0)
                {
                    if (_roundWeights[row] == 0)
                    {
                        _rows.Add(row);
                    }

                    _roundWeights[row] += weights[row];
                }
            }

            if (_rows.Count == 0)
            {
                throw new ArgumentException("No row of this round has a positive weight; there is nothing to fit.");
            }

            _rows.Sort();
            return _builder.Grow([.. _rows], _roundWeights, _trainer.Options(_prepared.FeatureCount), new SeededRandom(seed));
        }
    }

    private sealed class GenericFitter(TrainingSet training, IClassifierTrainer trainer) : WeightedFitter(training)
    {
        public override IProbabilisticClassifier Fit(ReadOnlySpan<int> rows, double[] weights, long seed)
        {
            var table = Training.Table.Select(rows);
            var roundWeights = new double[rows.Length];
            for (var i = 0; i < rows.Length; i++)
            {
                roundWeights[i] = weights[rows[i]];
            }

            var subset = new TrainingSet(table.With(weights: roundWeights));
            return (trainer is ISeedableTrainer seedable ? seedable.WithSeed(seed) : trainer).Fit(subset);
        }
    }
}
