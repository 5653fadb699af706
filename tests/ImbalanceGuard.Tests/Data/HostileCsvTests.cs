using System.Text;
using CsCheck;

namespace ImbalanceGuard.Tests.Data;

/// <summary>
/// A CSV file from outside may be anything: a line of hundreds of megabytes, a quote never closed, a million columns,
/// NUL bytes, another encoding. Each is refused with a <see cref="DataFormatException"/> naming the line, or read
/// correctly; memory stays bounded by <see cref="CsvLimits"/> and nothing hangs.
/// </summary>
public class HostileCsvTests
{
    private static readonly CsvLoadOptions Small = new() { Limits = new CsvLimits { MaxLineLength = 1_000, MaxFieldLength = 100, MaxColumns = 10 } };

    [Fact]
    public void A_line_without_end_is_refused_at_the_limit_naming_the_line_and_how_to_raise_it()
    {
        var text = new EndlessText("a,label\n1,x\n", '7');

        var error = Assert.Throws<DataFormatException>(() => Dataset.ReadCsv(text, null, "endless.csv"));

        Assert.Equal(
            "endless.csv line 3: the line is longer than 4,194,304 characters (a file without line breaks, or not a CSV file?); raise CsvLimits.MaxLineLength if the file really has lines this long.",
            error.Message);
        Assert.InRange(text.CharactersRead, CsvLimits.Default.MaxLineLength, CsvLimits.Default.MaxLineLength + (1 << 17));
    }

    [Fact]
    public void Hundreds_of_megabytes_on_one_line_cost_no_more_memory_than_the_limit()
    {
        // 300 million characters would need 600 MB as one string; the reader stops after the limit.
        var text = new EndlessText("a,label\n", 'x');
        var before = GC.GetAllocatedBytesForCurrentThread();

        Assert.Throws<DataFormatException>(() => Dataset.ReadCsv(text, Small));

        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 4 << 20);
        Assert.InRange(text.CharactersRead, 1_000, 1 << 17);
    }

    [Fact]
    public void Endless_long_lines_are_refused_before_many_of_them_pile_up()
    {
        // Each line is within the line limit but its one cell is beyond the field limit; the reader checks cells a
        // batch at a time, and a batch holds at most 16 Mi characters however few columns the file has.
        var text = new EndlessText("a,label\n", '1', lineLength: 1 << 20);

        var error = Assert.Throws<DataFormatException>(() => Dataset.ReadCsv(text, null, "long.csv"));

        Assert.StartsWith("long.csv line 2, cell 1: the cell is longer than 65,536 characters", error.Message, StringComparison.Ordinal);
        Assert.InRange(text.CharactersRead, 1 << 24, (1 << 24) + (2 << 20));
    }

    [Fact]
    public void A_quote_never_closed_is_refused_at_the_end_of_the_file_naming_the_line_it_opens_on()
    {
        Csv.ReadFails("a,label\n1,x\n\"2,y\n3,x\n4,y\n", null, "cells.csv line 3: a quoted cell is not closed before the end of the file.");
    }

    [Fact]
    public void A_quote_never_closed_in_an_endless_file_is_refused_at_the_limit_and_says_so()
    {
        var error = Assert.Throws<DataFormatException>(() => Dataset.ReadCsv(new EndlessText("a,label\n\"1,x\n", '\n'), Small, "open.csv"));

        Assert.StartsWith("open.csv line 2: the line is longer than 1,000 characters (a quoted cell opened there is still not closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_million_columns_are_refused_by_the_line_limit_and_by_the_column_limit_once_that_is_raised()
    {
        var header = string.Join(',', Enumerable.Range(0, 1_000_000).Select(i => "c" + i));
        var text = header + "\n" + string.Join(',', Enumerable.Repeat("1", 1_000_000)) + "\n";

        Csv.ReadFails(text, null, "cells.csv line 1: the line is longer than 4,194,304 characters");
        Csv.ReadFails(
            text,
            new CsvLoadOptions { Limits = new CsvLimits { MaxLineLength = 8_000_000 } },
            "cells.csv line 1: the header has 1,000,000 columns, more than the limit of 100,000; raise CsvLimits.MaxColumns if the file really is this wide.");
    }

    [Fact]
    public void A_wide_file_within_raised_limits_is_read()
    {
        var header = string.Join(',', Enumerable.Range(0, 200).Select(i => "c" + i)) + ",label";
        var row = string.Join(',', Enumerable.Range(0, 200)) + ",yes";

        var data = Csv.Read($"{header}\n{row}\n{row}\n", new CsvLoadOptions { Limits = new CsvLimits { MaxColumns = 201, MaxLineLength = 1_000 } });

        Assert.Equal(200, data.FeatureCount);
        Assert.Equal(199, data.GetRow(1)[199]);
        Csv.ReadFails($"{header}\n{row}\n", new CsvLoadOptions { Limits = new CsvLimits { MaxColumns = 200 } }, "line 1: the header has 201 columns, more than the limit of 200");
    }

    [Fact]
    public void A_cell_longer_than_the_field_limit_is_refused_naming_line_and_cell_quoted_or_not()
    {
        var longText = new string('z', 101);

        Csv.ReadFails($"a,b,label\n1,{longText},x\n", Small, "cells.csv line 2, cell 2: the cell is longer than 100 characters; raise CsvLimits.MaxFieldLength");
        Csv.ReadFails($"a,b,label\n1,\"{longText}\",x\n", Small, "cells.csv line 2, cell 2: the cell is longer than 100 characters");
        Csv.ReadFails($"{longText},b,label\n1,2,x\n", Small, "cells.csv line 1, cell 1:");
        Csv.ReadFails($"a,b,label\n1,2,{longText}\n", Small, "cells.csv line 2, cell 3:");
    }

    [Fact]
    public void A_nul_character_is_refused_naming_its_line()
    {
        Csv.ReadFails("a,label\n1,x\n2\0,y\n", null, "cells.csv line 3: holds a NUL character: is this a binary file, or UTF-16 text without its byte order mark?");
    }

    [Fact]
    public void Utf16_without_a_byte_order_mark_is_refused_as_nul_characters_on_line_one()
    {
        var error = LoadBytesFails("utf16.csv", Encoding.Unicode.GetBytes("a,label\n1,x\n2,y\n"));

        Assert.Equal("utf16.csv line 1: holds a NUL character: is this a binary file, or UTF-16 text without its byte order mark? CSV files are read as UTF-8.", error.Message);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_refused_naming_their_line_instead_of_becoming_replacement_characters()
    {
        var bytes = Encoding.ASCII.GetBytes("city,label\nParis,x\nMunich,y\n").Concat(new byte[] { (byte)'Z', 0xFC, (byte)'r', (byte)'i', (byte)'c', (byte)'h', (byte)',', (byte)'x', (byte)'\n' }).ToArray();

        var error = LoadBytesFails("latin1.csv", bytes);

        Assert.Equal("latin1.csv line 4: holds bytes that are not UTF-8 text (a file saved as Windows-1252 or Latin-1?); save it as UTF-8.", error.Message);
    }

    [Fact]
    public void Utf8_text_with_or_without_a_byte_order_mark_and_utf16_with_one_are_read_correctly()
    {
        const string Text = "city,label\nZürich,x\nMünchen,y\nZürich,y\n";
        var options = new CsvLoadOptions { CategoricalColumns = ["city"] };
        foreach (var bytes in new[]
        {
            Encoding.UTF8.GetBytes(Text),
            [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Text)],
            [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Text)],
        })
        {
            var data = Csv.LoadFile("cities.csv", bytes, options);

            Assert.Equal("city", data.Schema.FeatureNames[0]);
            Assert.Equal(["Zürich", "München"], data.Schema.CategoryLevels(0));
            Assert.Equal(3, data.RowCount);
        }
    }

    [Fact]
    public void A_quoted_cell_may_hold_line_breaks_and_later_lines_keep_their_numbers()
    {
        var options = new CsvLoadOptions { CategoricalColumns = ["note"] };

        var data = Csv.Read("note,label\n\"two\nlines\",x\n\"crlf\r\ninside\",y\nplain,x\n", options);

        Assert.Equal(["two\nlines", "crlf\r\ninside", "plain"], data.Schema.CategoryLevels(0));
        Assert.Equal(["x", "y", "x"], Csv.Labels(data));
        Csv.ReadFails("a,label\n\"1\n\",x\n\"2\r\n\",y\n3,\n", new CsvLoadOptions { CategoricalColumns = ["a"] }, "cells.csv line 6, column 'label': the label is empty.");
    }

    [Fact]
    public void Carriage_returns_alone_or_before_line_feeds_end_lines_as_line_feeds_do()
    {
        foreach (var end in new[] { "\n", "\r\n", "\r" })
        {
            var data = Csv.Read(string.Join(end, "a,label", "1,x", "2,y", string.Empty));

            Assert.Equal([1, 2], data.Features.ToArray());
            Csv.ReadFails(string.Join(end, "a,label", "1,x", "oops,y", string.Empty), null, "cells.csv line 3, column 'a'");
        }
    }

    [Fact]
    public void Cells_that_need_quotes_survive_writing_and_reading()
    {
        Gen.String[Gen.Char["a,\"\r\n é"], 1, 12].Array[1, 6].Sample(levels =>
        {
            // Category text is trimmed, so the generated text sits between two letters.
            var distinct = levels.Select(l => "x" + l + "x").Distinct(StringComparer.Ordinal).ToArray();
            var text = "note,label\n" + string.Concat(distinct.Select((l, i) => CsvLine.Quote(l, ',') + "," + (i % 2) + "\n"));

            var data = Csv.Read(text, new CsvLoadOptions { CategoricalColumns = ["note"] });

            Assert.Equal(distinct, data.Schema.CategoryLevels(0));
        });
    }

    [Fact]
    public void Any_text_is_read_or_refused_with_a_data_format_exception_and_nothing_else()
    {
        Gen.String[Gen.Char["a1,\"\r\n\0\uFFFF.-e "], 0, 80].Sample(text =>
        {
            try
            {
                Csv.Read("a,b\n" + text, Small);
            }
            catch (DataFormatException)
            {
            }
        });
    }

    [Fact]
    public void Limits_below_one_are_refused_as_arguments()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Csv.Read("a,label\n1,x\n", new CsvLoadOptions { Limits = new CsvLimits { MaxFieldLength = 0 } }));

        Assert.Contains("CsvLimits.MaxFieldLength must be at least 1; got 0.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scored_files_get_the_same_care()
    {
        var bytes = Encoding.UTF8.GetBytes("label,score\n1,0.9\n0,0.1\n0,0.\0\n");
        var folder = Directory.CreateTempSubdirectory("imbalance-guard-hostile-");
        try
        {
            var path = Path.Combine(folder.FullName, "scores.csv");
            File.WriteAllBytes(path, bytes);
            var nul = Assert.Throws<DataFormatException>(() => ImbalanceGuard.Evaluation.ScoredCsv.Load(path, "label", "score"));
            Assert.StartsWith("scores.csv line 4: holds a NUL character", nul.Message, StringComparison.Ordinal);

            File.WriteAllText(path, "label,score\n1," + new string('9', 200) + "\n");
            var wide = Assert.Throws<DataFormatException>(() => ImbalanceGuard.Evaluation.ScoredCsv.Load(path, "label", "score", limits: new CsvLimits { MaxFieldLength = 100 }));
            Assert.StartsWith("scores.csv line 2, cell 2: the cell is longer than 100 characters", wide.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static DataFormatException LoadBytesFails(string name, byte[] bytes)
        => Assert.Throws<DataFormatException>(() => Csv.LoadFile(name, bytes));
}
