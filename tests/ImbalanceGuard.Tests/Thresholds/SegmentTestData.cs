using System.Globalization;
using System.Text;

namespace ImbalanceGuard.Tests.Thresholds;

/// <summary>
/// A two-class problem with a categorical <c>region</c> whose segments need different thresholds: in "south" every
/// row's signal is shifted up, so its negatives score higher; "tiny" has too few rows to tune; deterministic.
/// </summary>
internal static class SegmentTestData
{
    /// <summary>The rows as CSV (region, x, z, label).</summary>
    public static string Csv(int seed = 5, bool withWest = false)
    {
        var random = new Random(seed);
        var text = new StringBuilder("region,x,z,label\n");
        void Add(string region, int rows, double positiveShare, double shift, double separation)
        {
            for (var i = 0; i < rows; i++)
            {
                var positive = random.NextDouble() < positiveShare;
                var x = Normal(random) + shift + (positive ? separation : 0);
                text.Append(CultureInfo.InvariantCulture, $"{region},{x:R},{Normal(random):R},{(positive ? 1 : 0)}\n");
            }
        }

        Add("north", 700, 0.12, 0, 2.5);
        Add("south", 700, 0.12, 1.5, 1.5);
        Add("tiny", 25, 0.1, 0, 2.5);
        if (withWest)
        {
            Add("west", 60, 0.12, 0.5, 2);
        }

        return text.ToString();
    }

    public static Dataset Load(int seed = 5, bool withWest = false)
        => Dataset.ReadCsv(new StringReader(Csv(seed, withWest)), new CsvLoadOptions { CategoricalColumns = ["region"], LabelColumn = "label" });

    /// <summary>A normal deviate (Box–Muller), so the data needs nothing but a seeded <see cref="Random"/>.</summary>
    private static double Normal(Random random)
        => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
