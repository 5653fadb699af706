using System.Globalization;
using System.Text;

namespace ImbalanceGuard.Cli.Tests;

/// <summary>
/// A generated CSV file of about 200 MB, made once per test class and deleted after: id (the row's position), 24
/// numbers of ugly scales (from 1e-12 to 1e12, negatives, many digits), a quoted text cell holding a comma, and a
/// label: <c>fraud</c> in about 1.5 % of the rows, <c>review</c> in about 0.3 %, else <c>legit</c>. Seeded.
/// </summary>
public sealed class BigCsv : IDisposable
{
    public const int Rows = 400_000;
    public const int Numbers = 24;

    public BigCsv()
    {
        Folder = new TempFolder();
        Path = Folder.File("big.csv");
        var random = new Random(2112);
        using var writer = new StreamWriter(Path, append: false, new UTF8Encoding(false), 1 << 20);
        writer.Write("id," + string.Join(",", Enumerable.Range(0, Numbers).Select(j => "x" + j.ToString(CultureInfo.InvariantCulture))) + ",place,label\n");
        string[] places = ["\"Austin, TX\"", "\"Lyon, FR\"", "\"Osaka, JP\""];
        for (var i = 0; i < Rows; i++)
        {
            writer.Write(i.ToString(CultureInfo.InvariantCulture));
            for (var j = 0; j < Numbers; j++)
            {
                var scale = Math.Pow(10, (j % 25) - 12);
                writer.Write(',');
                writer.Write(((random.NextDouble() - 0.3) * scale).ToString("R", CultureInfo.InvariantCulture));
            }

            var roll = random.NextDouble();
            writer.Write(',');
            writer.Write(places[i % 3]);
            writer.Write(roll < 0.015 ? ",fraud\n" : roll < 0.018 ? ",review\n" : ",legit\n");
        }
    }

    public TempFolder Folder { get; }

    public string Path { get; }

    public void Dispose() => Folder.Dispose();
}
