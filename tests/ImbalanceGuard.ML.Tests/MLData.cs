using Microsoft.ML;
using Microsoft.ML.Data;

namespace ImbalanceGuard.ML.Tests;

/// <summary>The bundled pima data (768 rows, 268 positive) as ML.NET views.</summary>
internal static class MLData
{
    public const int FeatureCount = 8;

    public sealed class VectorRow
    {
        [VectorType(FeatureCount)]
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }

        public string Id { get; set; } = string.Empty;

        public float Age { get; set; }
    }

    public sealed class ScalarRow
    {
        public float Glucose { get; set; }

        public float Mass { get; set; }

        [KeyType(3)]
        public uint Band { get; set; }

        public string Outcome { get; set; } = string.Empty;
    }

    /// <summary>pima as a Features vector, a Boolean Label, a text Id and an extra Age column.</summary>
    public static IDataView Vector(MLContext ml)
    {
        var data = RepositoryFiles.LoadData("pima.csv");
        var age = data.Schema.FeatureIndex("age");
        var rows = Enumerable.Range(0, data.RowCount).Select(i => new VectorRow
        {
            Features = [.. data.GetRow(i).ToArray().Select(v => (float)v)],
            Label = data.GetClassName(i) == "1",
            Id = "row-" + i,
            Age = (float)data.GetRow(i)[age],
        });
        return ml.Data.LoadFromEnumerable(rows.ToList());
    }

    /// <summary>pima's glucose and mass as scalar columns, a key-typed band of age (keys 1-3) and a text label.</summary>
    public static IDataView Scalars(MLContext ml)
    {
        var data = RepositoryFiles.LoadData("pima.csv");
        int glucose = data.Schema.FeatureIndex("glucose"), mass = data.Schema.FeatureIndex("mass"), age = data.Schema.FeatureIndex("age");
        var rows = Enumerable.Range(0, data.RowCount).Select(i => new ScalarRow
        {
            Glucose = (float)data.GetRow(i)[glucose],
            Mass = (float)data.GetRow(i)[mass],
            Band = data.GetRow(i)[age] < 30 ? 0u : data.GetRow(i)[age] < 45 ? 1u : 2u, // LoadFromEnumerable stores key k as k + 1
            Outcome = data.GetClassName(i) == "1" ? "diabetic" : "healthy",
        });
        return ml.Data.LoadFromEnumerable(rows.ToList());
    }

    public static T[] Column<T>(IDataView data, string name) => [.. data.GetColumn<T>(name)];
}
