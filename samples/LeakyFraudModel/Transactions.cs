using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace LeakyFraudModel;

/// <summary>A labelled transaction: its features and whether it was fraud.</summary>
public sealed class Transaction
{
    public bool Label { get; set; }

    public float[] Features { get; set; } = [];
}

/// <summary>What the model says about a transaction.</summary>
public sealed class FraudScore
{
    public bool PredictedLabel { get; set; }

    public float Probability { get; set; }

    public float Score { get; set; }
}

/// <summary>Reads the bundled CSV files (numeric features, the class in the last column) into transactions.</summary>
public static class Transactions
{
    public static List<Transaction> Load(string path)
    {
        var lines = File.ReadLines(path).Skip(1).Where(l => l.Length > 0);
        return [.. lines.Select(line =>
        {
            var cells = line.Split(',');
            return new Transaction
            {
                Features = [.. cells[..^1].Select(c => float.Parse(c, CultureInfo.InvariantCulture))],
                Label = cells[^1].Trim() == "1",
            };
        })];
    }

    /// <summary>The schema ML.NET needs for a feature vector whose length is known only at run time.</summary>
    public static SchemaDefinition Schema(int featureCount)
    {
        var schema = SchemaDefinition.Create(typeof(Transaction));
        schema[nameof(Transaction.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return schema;
    }

    public static IDataView ToDataView(MLContext ml, IEnumerable<Transaction> rows, int featureCount)
        => ml.Data.LoadFromEnumerable(rows, Schema(featureCount));
}
