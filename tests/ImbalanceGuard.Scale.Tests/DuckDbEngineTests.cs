using System.Globalization;

namespace ImbalanceGuard.Scale.Tests;

public class DuckDbEngineTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void RowIdIsThePositionInTheFileWhateverTheThreadCount(int threads)
    {
        using var scratch = new ScratchFolder();

        // 300 000 rows (about 11 MB): several of the reader's 1 MiB buffers, so two threads read it in parallel.
        var csv = scratch.Csv("order.csv", 300_000);
        using var engine = DuckDbEngine.Open(new EngineOptions { MemoryLimitBytes = 128L << 20, Threads = threads, TemporaryFolder = scratch.Path });
        var table = engine.Load(csv, "src");
        Assert.Equal(300_000, table.RowCount);
        Assert.Equal(["pos", "t", "x", "label"], table.Columns);
        Assert.Equal(0L, Count(engine, "SELECT count(*) FROM src WHERE rowid <> pos"));

        var parquet = scratch.File("order.parquet");
        engine.CopyTo("SELECT * FROM src ORDER BY rowid", parquet, TableFormat.Parquet);
        var fromParquet = engine.Load(parquet, "src2");
        Assert.Equal(300_000, fromParquet.RowCount);
        Assert.Equal(0L, Count(engine, "SELECT count(*) FROM src2 WHERE rowid <> pos"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void AParquetFileCopiedAsCsvKeepsFileOrderAndComesBackWithItsTypes(int threads)
    {
        using var scratch = new ScratchFolder();
        var csv = scratch.Csv("order.csv", 300_000);
        var parquet = scratch.File("order.parquet");
        using var engine = DuckDbEngine.Open(new EngineOptions { MemoryLimitBytes = 64L << 20, Threads = threads, TemporaryFolder = scratch.Path });
        engine.Load(csv, "src");
        engine.CopyTo("SELECT * FROM src ORDER BY rowid", parquet, TableFormat.Parquet);

        engine.ParquetToCsv(parquet, scratch.File("copy.csv"));
        engine.CsvToParquet(scratch.File("copy.csv"), parquet, scratch.File("back.parquet"));

        Assert.Equal(["pos", "t", "x", "label"], engine.ParquetColumns(parquet));
        var positions = File.ReadLines(scratch.File("copy.csv")).Skip(1).Select(l => long.Parse(l.Split(',')[0], CultureInfo.InvariantCulture));
        Assert.Equal(Enumerable.Range(0, 300_000).Select(i => (long)i), positions);
        var types = (string path) => engine.Query($"DESCRIBE SELECT * FROM read_parquet('{path}')").Select(r => (string)r[1]!).ToArray();
        Assert.Equal(types(parquet), types(scratch.File("back.parquet")));
        Assert.Equal(0L, Count(engine, $"SELECT count(*) FROM (SELECT * FROM read_parquet('{parquet}') EXCEPT ALL SELECT * FROM read_parquet('{scratch.File("back.parquet")}'))"));
    }

    [Fact]
    public void AMissingFileIsFileNotFound()
    {
        using var scratch = new ScratchFolder();
        using var engine = DuckDbEngine.Open(new EngineOptions { MemoryLimitBytes = 64L << 20, Threads = 1, TemporaryFolder = scratch.Path });
        var e = Assert.Throws<FileNotFoundException>(() => engine.Load(scratch.File("absent.csv"), "src"));
        Assert.Contains("absent.csv", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileTheEngineCannotReadIsADataFormatErrorNamingIt()
    {
        using var scratch = new ScratchFolder();
        var bogus = scratch.File("bogus.parquet");
        File.WriteAllText(bogus, "this is not parquet");
        using var engine = DuckDbEngine.Open(new EngineOptions { MemoryLimitBytes = 64L << 20, Threads = 1, TemporaryFolder = scratch.Path });
        var e = Assert.Throws<DataFormatException>(() => engine.Load(bogus, "src"));
        Assert.StartsWith(bogus + ": cannot be read as Parquet", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingColumnIsNamedWithTheColumnsThereAre()
    {
        using var scratch = new ScratchFolder();
        using var engine = DuckDbEngine.Open(new EngineOptions { MemoryLimitBytes = 64L << 20, Threads = 1, TemporaryFolder = scratch.Path });
        var table = engine.Load(scratch.Csv("small.csv", 100), "src");
        var e = Assert.Throws<DataFormatException>(() => table.Require("class"));
        Assert.Contains("no column 'class'; its columns are pos, t, x, label", e.Message, StringComparison.Ordinal);
        Assert.Equal("label", table.Require("label"));
    }

    [Fact]
    public void ACapTooSmallIsAMemoryLimitError()
    {
        using var scratch = new ScratchFolder();
        var csv = scratch.Csv("big.csv", 200_000);
        using var engine = DuckDbEngine.Open(new EngineOptions { MemoryLimitBytes = 1L << 20, Threads = 2, TemporaryFolder = scratch.Path });
        var e = Assert.Throws<MemoryLimitException>(() => engine.Load(csv, "src"));
        Assert.Equal(1L << 20, e.LimitBytes);
        Assert.StartsWith("the memory limit of 1MB is too small", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("512MB", 512L << 20)]
    [InlineData("2gb", 2L << 30)]
    [InlineData("64 KB", 64L << 10)]
    [InlineData("1000", 1000L)]
    public void SizesAreRead(string text, long bytes)
    {
        Assert.Equal(bytes, MemorySize.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-5MB")]
    [InlineData("1.5GB")]
    [InlineData("lots")]
    [InlineData("0MB")]
    public void NonSizesAreRefused(string text)
    {
        Assert.Throws<FormatException>(() => MemorySize.Parse(text));
    }

    internal static long Count(DuckDbEngine engine, string sql)
        => Convert.ToInt64(engine.Query(sql).Single()[0], CultureInfo.InvariantCulture);
}
