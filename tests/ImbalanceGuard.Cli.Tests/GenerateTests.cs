using System.Text.Json;

namespace ImbalanceGuard.Cli.Tests;

public class GenerateTests
{
    [Theory]
    [InlineData(1000, 0.1)]
    [InlineData(1001, 0.1)]
    [InlineData(777, 0.05)]
    [InlineData(50, 0.5)]
    public void Writes_the_rows_asked_for_with_the_minority_share_within_one_row(int rows, double fraction)
    {
        using var folder = new TempFolder();
        var output = folder.File("gen.csv");

        var result = Cli.Run("generate", "--rows", $"{rows}", "--features", "6", "--minority-fraction", $"{fraction:R}", "--out", output);

        Assert.True(result.ExitCode == 0, result.ToString());
        var data = CsvFile.Rows(output);
        Assert.Equal(rows, data.Length);
        var minority = data.Count(r => r[^1] == "1");
        Assert.InRange(minority, (rows * fraction) - 1, (rows * fraction) + 1);
        Assert.Equal(rows - minority, data.Count(r => r[^1] == "0"));
        Assert.All(data, r => Assert.Equal(7, r.Length));
    }

    [Fact]
    public void Header_is_x0_to_xF_minus_1_then_label()
    {
        using var folder = new TempFolder();
        var output = folder.File("gen.csv");

        var result = Cli.Run("generate", "-n", "200", "-f", "12", "--minority-fraction", "0.2", "-o", output);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("x0,x1,x2,x3,x4,x5,x6,x7,x8,x9,x10,x11,label", CsvFile.Header(output));
        Assert.Contains("200 rows", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_seed_gives_the_same_file_and_another_seed_does_not()
    {
        using var folder = new TempFolder();
        string Generate(string seed, string name)
        {
            var result = Cli.Run("generate", "--rows", "500", "--features", "5", "--minority-fraction", "0.1", "--seed", seed, "--out", folder.File(name));
            Assert.True(result.ExitCode == 0, result.ToString());
            return File.ReadAllText(folder.File(name));
        }

        Assert.Equal(Generate("3", "a.csv"), Generate("3", "b.csv"));
        Assert.NotEqual(Generate("3", "a.csv"), Generate("4", "c.csv"));
        Assert.Equal(Generate("0", "d.csv"), File.ReadAllText(Default(folder)));
    }

    [Fact]
    public void Multiclass_data_has_the_last_class_as_the_minority_and_the_rest_equal()
    {
        using var folder = new TempFolder();
        var output = folder.File("multi.csv");

        var result = Cli.Run("generate", "-n", "1000", "-f", "8", "--classes", "4", "--minority-fraction", "0.04", "-o", output);
        var inspect = Cli.Run("inspect", output, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(inspect.Stdout);
        var counts = json.RootElement.GetProperty("class_counts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["0"] = 320, ["1"] = 320, ["2"] = 320, ["3"] = 40 }, counts);
    }

    [Fact]
    public void Generated_data_can_be_resampled()
    {
        using var folder = new TempFolder();
        var data = folder.File("gen.csv");
        Assert.Equal(0, Cli.Run("generate", "-n", "2000", "-f", "10", "--minority-fraction", "0.05", "-o", data).ExitCode);

        var result = Cli.Run("resample", data, "--pre-split", "-m", "smote", "-o", folder.File("out.csv"), "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(3800, json.RootElement.GetProperty("rows_after").GetInt32());
    }

    private static string Default(TempFolder folder)
    {
        // No --seed means seed 0.
        var path = folder.File("default.csv");
        Assert.Equal(0, Cli.Run("generate", "--rows", "500", "--features", "5", "--minority-fraction", "0.1", "--out", path).ExitCode);
        return path;
    }
}
