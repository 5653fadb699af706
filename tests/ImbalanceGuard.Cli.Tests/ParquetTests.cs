using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ImbalanceGuard.Scale;

namespace ImbalanceGuard.Cli.Tests;

/// <summary>
/// Every command that reads a data file reads Parquet as it reads the same rows in CSV: each test writes the Parquet
/// file with DuckDB from a CSV file and checks that the command's output on it equals its output on the CSV file.
/// </summary>
public partial class ParquetTests
{
    /// <summary>An id, a text category, a numeric-coded category, numbers with many digits, and a label; 1 in 6 rows positive.</summary>
    private static string Mixed(TempFolder folder)
        => folder.Csv("mixed.csv", [
            "id,colour,region,amount,ratio,label",
            .. Enumerable.Range(0, 150).Select(i => string.Join(
                ',',
                (1000 + i).ToString(CultureInfo.InvariantCulture),
                (i % 3) switch { 0 => "red", 1 => "blue", _ => "green" },
                (1 + (i % 4)).ToString(CultureInfo.InvariantCulture),
                ((i % 6 == 0 ? 1.0 : 0.0) + (i % 7 / 10.0) + (i / 3.0)).ToString("R", CultureInfo.InvariantCulture),
                Math.Sqrt(i + 0.1).ToString("R", CultureInfo.InvariantCulture),
                i % 6 == 0 ? "1" : "0")),
        ]);

    /// <summary>A label, a score in (0, 1) with many digits and a group; 1 in 5 rows positive.</summary>
    private static string Scores(TempFolder folder, string name = "scores.csv")
        => folder.Csv(name, [
            "y,p,band",
            .. Enumerable.Range(0, 300).Select(i => string.Create(
                CultureInfo.InvariantCulture,
                $"{(i % 5 == 0 ? 1 : 0)},{((((i * 37) % 101) / 101.0) + (i % 5 == 0 ? 0.3 : 0)) / 1.3:R},{(i % 2 == 0 ? "young" : "old")}")),
        ]);

    /// <summary>The CSV file's rows as Parquet, types detected by DuckDB (integers, doubles, text), beside it.</summary>
    internal static string ToParquet(string csv)
    {
        var parquet = Path.ChangeExtension(csv, ".parquet");
        using var engine = DuckDbEngine.Open(new EngineOptions { Threads = 1, TemporaryFolder = Path.GetDirectoryName(csv) });
        engine.Execute($"COPY (SELECT * FROM read_csv('{csv}')) TO '{parquet}' (FORMAT parquet)");
        return parquet;
    }

    /// <summary>The output with every timing and the input's name taken out, so the two runs can be compared.</summary>
    private static string Comparable(CliResult result, string csv, string parquet)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        var text = result.Stdout.Replace(Path.GetFileName(parquet), "INPUT", StringComparison.Ordinal).Replace(Path.GetFileName(csv), "INPUT", StringComparison.Ordinal);
        var node = JsonNode.Parse(text)!;
        DropTimings(node);
        return node.ToJsonString();
    }

    private static void DropTimings(JsonNode? node)
    {
        if (node is JsonObject o)
        {
            foreach (var key in o.Select(p => p.Key).Where(k => k.Contains("seconds", StringComparison.Ordinal)).ToArray())
            {
                o.Remove(key);
            }

            foreach (var (_, child) in o)
            {
                DropTimings(child);
            }
        }
        else if (node is JsonArray a)
        {
            foreach (var child in a)
            {
                DropTimings(child);
            }
        }
    }

    // inspect and evaluate take any Parquet file out of core, on the engine (OutOfCore.IsNeeded): OutOfCoreInspectTests
    // and OutOfCoreEvaluateTests check those paths on Parquet against the in-memory ones.
    public static TheoryData<string> DataCommands() => ["compare", "drift", "resample"];

    [Theory]
    [MemberData(nameof(DataCommands))]
    public void A_data_command_gives_the_same_output_on_parquet_as_on_its_csv_twin(string command)
    {
        using var folder = new TempFolder();
        var csv = Mixed(folder);
        var parquet = ToParquet(csv);
        string[] Args(string input, string tag) => command switch
        {
            "inspect" => ["inspect", input, "--ignore", "id", "--json"],
            "compare" => ["compare", input, "--ignore", "id", "--strategies", "none,smote-nc", "--folds", "3", "--seed", "2", "--json"],
            "drift" => ["drift", input, input, "--label", "label", "--ignore", "id", "--json"],
            _ => ["resample", input, "--pre-split", "-m", "smote-nc", "--seed", "4", "--ignore", "id", "-o", folder.File(tag + ".csv"), "--json"],
        };

        var fromCsv = Comparable(Cli.Run(Args(csv, "a")), csv, parquet);
        var fromParquet = Comparable(Cli.Run(Args(parquet, "b")), csv, parquet);

        Assert.Equal(fromCsv, fromParquet);
        if (command == "resample")
        {
            Assert.Equal(File.ReadAllText(folder.File("a.csv")), File.ReadAllText(folder.File("b.csv")));
        }
    }

    [Fact]
    public void Report_gives_the_same_report_on_parquet_as_on_its_csv_twin()
    {
        using var folder = new TempFolder();
        var csv = Mixed(folder);
        var parquet = ToParquet(csv);

        var a = Cli.Run("report", csv, "--ignore", "id", "--strategies", "none", "--folds", "3", "--out", folder.File("a.html"));
        var b = Cli.Run("report", parquet, "--ignore", "id", "--strategies", "none", "--folds", "3", "--out", folder.File("b.html"));

        Assert.True(a.ExitCode == 0, a.ToString());
        Assert.True(b.ExitCode == 0, b.ToString());
        Assert.Equal(Html(folder.File("a.html"), "mixed.csv"), Html(folder.File("b.html"), "mixed.parquet"));
    }

    // The last cell of each strategy's row is its fit time ("fit s"), which differs from run to run.
    private static string[] Html(string path, string input)
        => [.. File.ReadAllLines(path).Select(l => FitTime().Replace(l.Replace(input, "INPUT", StringComparison.Ordinal), "<td>TIME</td></tr>"))];

    [GeneratedRegex("<td>[0-9.]+ <span class=\"spread\">± [0-9.]+</span></td></tr>")]
    private static partial Regex FitTime();

    [Fact]
    public void Tune_gives_the_same_output_on_parquet_as_on_its_csv_twin()
    {
        using var folder = new TempFolder();
        var csv = Scores(folder);
        var parquet = ToParquet(csv);
        string[] Args(string input) => ["tune", input, "--label", "y", "--score", "p", "--objective", "cost:fp=1,fn=5", "--json"];

        Assert.Equal(Comparable(Cli.Run(Args(csv)), csv, parquet), Comparable(Cli.Run(Args(parquet)), csv, parquet));
    }

    [Fact]
    public void Drift_of_scores_alone_reads_parquet_as_csv()
    {
        using var folder = new TempFolder();
        var reference = Scores(folder, "reference.csv");
        var current = folder.Csv("current.csv", ["p", .. File.ReadAllLines(reference).Skip(1).Select(l => l.Split(',')[1])]);
        var (referenceParquet, currentParquet) = (ToParquet(reference), ToParquet(current));
        string[] Args(string r, string c) => ["drift", r, c, "--label", "y", "--score", "p", "--ignore", "band", "--threshold", "0.5", "--json"];

        var fromCsv = Cli.Run(Args(reference, current));
        var fromParquet = Cli.Run(Args(referenceParquet, currentParquet));

        Assert.True(fromCsv.ExitCode == 0, fromCsv.ToString());
        Assert.Equal(fromCsv.Stdout.Replace(".csv", ".parquet", StringComparison.Ordinal), fromParquet.Stdout);
    }

    [Fact]
    public void Resample_writes_parquet_whose_values_are_those_of_its_csv_output()
    {
        using var folder = new TempFolder();
        var input = Mixed(folder);

        var toCsv = Cli.Run("resample", input, "--pre-split", "-m", "random-over", "--seed", "9", "--ignore", "id", "-o", folder.File("out.csv"));
        var toParquet = Cli.Run("resample", input, "--pre-split", "-m", "random-over", "--seed", "9", "--ignore", "id", "-o", folder.File("out.parquet"));

        Assert.True(toCsv.ExitCode == 0, toCsv.ToString());
        Assert.True(toParquet.ExitCode == 0, toParquet.ToString());
        using var engine = DuckDbEngine.Open(new EngineOptions { Threads = 1, TemporaryFolder = folder.Path });
        var types = engine.Query($"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('{folder.File("out.parquet")}'))")
            .Select(r => $"{r[0]}:{r[1]}");
        Assert.Equal(["colour:VARCHAR", "region:DOUBLE", "amount:DOUBLE", "ratio:DOUBLE", "label:BIGINT"], types);
        var rows = engine.Query($"SELECT colour, region, amount, ratio, label FROM read_parquet('{folder.File("out.parquet")}')");
        var expected = CsvFile.Rows(folder.File("out.csv"));
        Assert.Equal(expected.Length, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(expected[i][0], (string)rows[i][0]!);
            for (var j = 1; j <= 3; j++)
            {
                Assert.Equal(double.Parse(expected[i][j], CultureInfo.InvariantCulture), (double)rows[i][j]!);
            }

            Assert.Equal(long.Parse(expected[i][4], CultureInfo.InvariantCulture), (long)rows[i][4]!);
        }

        Assert.True(File.Exists(folder.File("out.parquet.ig.json")));
    }

    [Fact]
    public void A_resampled_parquet_file_reads_back_to_the_same_csv()
    {
        using var folder = new TempFolder();
        var input = Mixed(folder);
        Assert.Equal(0, Cli.Run("resample", input, "--pre-split", "-m", "random-over", "--seed", "9", "--ignore", "id", "-o", folder.File("out.csv")).ExitCode);
        Assert.Equal(0, Cli.Run("resample", input, "--pre-split", "-m", "random-over", "--seed", "9", "--ignore", "id", "-o", folder.File("out.parquet")).ExitCode);

        // Tomek links of a file with its record: the Parquet file reads back to the rows of the CSV file.
        var fromCsv = Cli.Run("resample", folder.File("out.csv"), "-m", "tomek-links", "-o", folder.File("again-csv.csv"));
        var fromParquet = Cli.Run("resample", folder.File("out.parquet"), "-m", "tomek-links", "-o", folder.File("again-parquet.csv"));

        Assert.True(fromCsv.ExitCode == 0, fromCsv.ToString());
        Assert.True(fromParquet.ExitCode == 0, fromParquet.ToString());
        Assert.Equal(File.ReadAllText(folder.File("again-csv.csv")), File.ReadAllText(folder.File("again-parquet.csv")));
    }

    [Fact]
    public void Generate_writes_parquet_with_the_values_of_its_csv_output()
    {
        using var folder = new TempFolder();
        string[] Args(string output) => ["generate", "-n", "500", "-f", "4", "--minority-fraction", "0.1", "--seed", "6", "-o", output];

        Assert.Equal(0, Cli.Run(Args(folder.File("g.csv"))).ExitCode);
        Assert.Equal(0, Cli.Run(Args(folder.File("g.parquet"))).ExitCode);

        using var engine = DuckDbEngine.Open(new EngineOptions { Threads = 1, TemporaryFolder = folder.Path });
        var rows = engine.Query($"SELECT * FROM read_parquet('{folder.File("g.parquet")}')");
        var expected = CsvFile.Rows(folder.File("g.csv"));
        Assert.Equal(500, rows.Count);
        Assert.Equal(expected.Select(r => string.Join(',', r[..^1].Select(c => double.Parse(c, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture))) + "," + r[^1]),
            rows.Select(r => string.Join(',', r[..^1].Select(c => ((double)c!).ToString("R", CultureInfo.InvariantCulture))) + "," + ((long)r[^1]!).ToString(CultureInfo.InvariantCulture)));
    }

    public static TheoryData<string, string> BadParquet() => new()
    {
        { "no label column", "--label fraud" },
        { "corrupt file", "corrupt" },
        { "missing cell", "missing" },
    };

    [Theory]
    [MemberData(nameof(BadParquet))]
    public void Bad_parquet_input_is_one_line_and_exit_2(string problem, string what)
    {
        using var folder = new TempFolder();
        var parquet = ToParquet(Mixed(folder));
        string expected;
        string[] more = [];
        if (what == "corrupt")
        {
            File.WriteAllBytes(parquet, [.. Enumerable.Range(0, 4096).Select(i => (byte)((i * 7919) % 251))]);
            expected = "mixed.parquet: cannot be read as Parquet";
        }
        else if (what == "missing")
        {
            using var engine = DuckDbEngine.Open(new EngineOptions { Threads = 1, TemporaryFolder = folder.Path });
            engine.Execute($"COPY (SELECT * REPLACE (CASE WHEN id = 1003 THEN NULL ELSE amount END AS amount) FROM read_parquet('{parquet}')) TO '{folder.File("holes.parquet")}' (FORMAT parquet)");
            parquet = folder.File("holes.parquet");
            expected = "holes.parquet row 4, column 'amount': the cell is empty; missing values must be imputed first.";
        }
        else
        {
            more = what.Split(' ');
            expected = "mixed.parquet: there is no label column 'fraud'";
        }

        var before = folder.FileNames();

        var result = Cli.Run(["resample", parquet, "--pre-split", "-m", "random-over", "-o", folder.File("out.csv"), .. more]);

        BadInputTests.AssertBadInput(result, expected, problem);
        Assert.Equal(before, folder.FileNames());
    }
}
