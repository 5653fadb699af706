using System.Globalization;
using System.Text.Json;

namespace ImbalanceGuard.Cli.Tests;

/// <summary><c>inspect</c>'s notes: identifier and time columns, constant columns, identical rows with different labels.</summary>
public class InspectNotesTests
{
    [Theory]
    [InlineData("pima.csv")]
    [InlineData("satimage.csv")]
    [InlineData("optical_digits.csv")]
    [InlineData("spam.csv")]
    [InlineData("hacide.csv")]
    [InlineData("glass.csv")]
    public void The_bundled_real_datasets_get_no_column_note(string file)
    {
        var result = Cli.Run("inspect", RepositoryFiles.DataFile(file), "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var kinds = json.RootElement.GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("kind").GetString()).ToArray();
        Assert.DoesNotContain("id-column", kinds);
        Assert.DoesNotContain("time-column", kinds);
    }

    [Fact]
    public void What_the_real_datasets_do_hold_is_noted_constant_pixels_and_conflicting_spam_rows()
    {
        using var digits = JsonDocument.Parse(Cli.Run("inspect", RepositoryFiles.DataFile("optical_digits.csv"), "--json").Stdout);
        using var spam = JsonDocument.Parse(Cli.Run("inspect", RepositoryFiles.DataFile("spam.csv"), "--json").Stdout);

        var constant = digits.RootElement.GetProperty("notes").EnumerateArray().ToArray();
        Assert.All(constant, n => Assert.Equal("constant-column", n.GetProperty("kind").GetString()));
        Assert.Equal(["p00", "p32", "p39"], constant.Select(n => n.GetProperty("column").GetString()));
        var conflict = Assert.Single(spam.RootElement.GetProperty("notes").EnumerateArray());
        Assert.StartsWith("3 sets of identical rows (6 rows) carry different labels", conflict.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Pima_with_a_row_id_gets_an_id_column_note_pointing_to_ignore()
    {
        using var folder = new TempFolder();
        // A different number in every row, in no order: 37 and pima's 768 rows share no factor.
        var csv = WithColumn(folder, "pima.csv", "record", i => (100_000 + (37 * i % 768)).ToString(CultureInfo.InvariantCulture));

        var result = Cli.Run("inspect", csv, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var note = Assert.Single(json.RootElement.GetProperty("notes").EnumerateArray());
        Assert.Equal("id-column", note.GetProperty("kind").GetString());
        Assert.Equal("record", note.GetProperty("column").GetString());
        Assert.Equal(
            "Column 'record' holds a different value in every row, like a row identifier: as a feature a model can memorise it, and an over-sampler makes identifiers no row has (fractions between two rows'). Leave it out with --ignore record.",
            note.GetProperty("message").GetString());

        var ignored = Cli.Run("inspect", csv, "--json", "--ignore", "record");
        using var clean = JsonDocument.Parse(ignored.Stdout);
        Assert.Equal(0, clean.RootElement.GetProperty("notes").GetArrayLength());
    }

    [Fact]
    public void A_time_column_as_iso_text_or_epoch_seconds_points_to_time_column()
    {
        using var folder = new TempFolder();
        var start = new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        var iso = WithColumn(folder, "pima.csv", "recorded", i => start.AddMinutes(i * 13).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        var epoch = WithColumn(folder, "pima.csv", "ticks", i => (1_709_251_200 + (60 * i)).ToString(CultureInfo.InvariantCulture), name: "epoch.csv");

        foreach (var (csv, column) in new[] { (iso, "recorded"), (epoch, "ticks") })
        {
            var result = Cli.Run("inspect", csv, "--json");
            Assert.True(result.ExitCode == 0, result.ToString());
            using var json = JsonDocument.Parse(result.Stdout);
            var note = Assert.Single(json.RootElement.GetProperty("notes").EnumerateArray());
            Assert.Equal("time-column", note.GetProperty("kind").GetString());
            Assert.Equal(column, note.GetProperty("column").GetString());
            Assert.Contains($"--time-column {column} (time-ordered folds); otherwise leave it out with --ignore {column}.", note.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_constant_column_and_conflicting_duplicates_are_noted_and_shown_in_the_advice()
    {
        using var folder = new TempFolder();
        var lines = new List<string> { "a,b,unit,label" };
        for (var i = 0; i < 30; i++)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{i % 6},{i / 6},kg,{(i % 10 == 0 ? 1 : 0)}"));
        }

        // Rows 31 and 32 repeat rows 1 and 2's features with the other label.
        lines.Add("0,0,kg,0");
        lines.Add("1,0,kg,1");
        var csv = folder.Csv("notes.csv", [.. lines]);

        var json = Cli.Run("inspect", csv, "--json");
        var human = Cli.Run("inspect", csv);

        Assert.True(json.ExitCode == 0, json.ToString());
        using var document = JsonDocument.Parse(json.Stdout);
        var notes = document.RootElement.GetProperty("notes").EnumerateArray().ToArray();
        Assert.Equal(["constant-column", "conflicting-duplicates"], notes.Select(n => n.GetProperty("kind").GetString()));
        Assert.Equal("unit", notes[0].GetProperty("column").GetString());
        Assert.Equal("Column 'unit' holds the same value ('kg') in every row: it tells a model nothing. Leave it out with --ignore unit.", notes[0].GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, notes[1].GetProperty("column").ValueKind);
        Assert.Equal(
            "2 sets of identical rows (4 rows) carry different labels, such as data rows 1 and 31 ('1' and '0'): no model can tell them apart. Check those labels, or whether a column that separates them is missing.",
            notes[1].GetProperty("message").GetString());
        var text = string.Join(' ', human.Stdout.Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Note: Column 'unit' holds the same value ('kg') in every row", text, StringComparison.Ordinal);
        Assert.Contains("carry different labels", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_shows_the_data_notes()
    {
        using var folder = new TempFolder();
        var csv = WithColumn(folder, "pima.csv", "record", i => (100_000 + i).ToString(CultureInfo.InvariantCulture));
        var report = folder.File("pima.html");

        var result = Cli.Run("report", csv, "--strategies", "none", "--folds", "3", "--out", report);

        Assert.True(result.ExitCode == 0, result.ToString());
        var html = File.ReadAllText(report);
        Assert.Contains("<h2>Notes on the data</h2>", html, StringComparison.Ordinal);
        Assert.Contains("Column &#39;record&#39; only ever grows from row to row, like a row identifier", html, StringComparison.Ordinal);
    }

    /// <summary>A copy of a bundled file with one more column in front, its value for data row i from <paramref name="value"/>.</summary>
    private static string WithColumn(TempFolder folder, string file, string column, Func<int, string> value, string name = "with-column.csv")
    {
        var lines = File.ReadAllLines(RepositoryFiles.DataFile(file));
        return folder.Csv(name, [column + "," + lines[0], .. lines.Skip(1).Select((l, i) => value(i) + "," + l)]);
    }
}
