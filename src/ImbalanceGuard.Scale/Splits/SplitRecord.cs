using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ImbalanceGuard.Scale;

/// <summary>
/// The sidecar <c>&lt;file&gt;.ig.json</c> written beside each part of a split, and beside each resampled file: which
/// part the file is, its fingerprint, the file it came from, how it was split, how it was resampled
/// (<see cref="Resampling"/>) and its rows per class. It is what lets the tool refuse to resample a holdout file or
/// split a part (or resampled data) again, as the types refuse it in memory.
/// </summary>
/// <param name="Role">Which part this file is (a resampled file is training data).</param>
/// <param name="File">This file's fingerprint.</param>
/// <param name="Source">The fingerprint of the file that was split (for a file resampled from a pre-split file without a record: that file).</param>
/// <param name="Kind"><c>stratified</c> or <c>time-ordered</c>; <see cref="PreSplitKind"/> for a split made elsewhere.</param>
/// <param name="Share">The holdout share asked for; null for a split made elsewhere.</param>
/// <param name="Seed">The seed of the row hash (stratified splits).</param>
/// <param name="LabelColumn">The label column.</param>
/// <param name="TimeColumn">The time column of a time-ordered split, else null.</param>
/// <param name="ClassCounts">This file's rows per class, by the class as text.</param>
/// <param name="OtherFile">The other part's file name (same folder); null for a split made elsewhere.</param>
public sealed record SplitRecord(
    SplitRole Role,
    FileFingerprint File,
    FileFingerprint Source,
    string Kind,
    double? Share,
    int? Seed,
    string LabelColumn,
    string? TimeColumn,
    IReadOnlyDictionary<string, long> ClassCounts,
    string? OtherFile)
{
    /// <summary>The value of the <c>format</c> property.</summary>
    public const string Format = "imbalance-guard-split";

    /// <summary>
    /// The version this code writes. Version 2 added <c>resampled</c> and lets <c>share</c> and <c>other</c> be absent
    /// (a split made elsewhere); version 1 records, which always have both, are read as well.
    /// </summary>
    public const int Version = 2;

    /// <summary>The <see cref="Kind"/> of a split made elsewhere, which the user declared with <c>--pre-split</c>.</summary>
    public const string PreSplitKind = "pre-split";

    /// <summary>The resamplings that made this file from the part of the split, oldest first; empty for a part as split.</summary>
    public IReadOnlyList<ResampleStep> Resampling { get; init; } = [];

    /// <summary>The sidecar's path for the data file <paramref name="dataPath"/>.</summary>
    public static string PathFor(string dataPath) => dataPath + ".ig.json";

    /// <summary>Writes the record as indented JSON.</summary>
    public void Write(Stream stream)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("format", Format);
        w.WriteNumber("version", Version);
        w.WriteString("role", Role == SplitRole.Training ? "training" : "holdout");
        WriteFile(w, "file", File);
        WriteFile(w, "source", Source);
        w.WriteStartObject("split");
        w.WriteString("kind", Kind);
        if (Share is { } share)
        {
            w.WriteNumber("share", share);
        }

        if (Seed is { } seed)
        {
            w.WriteNumber("seed", seed);
        }

        w.WriteString("label", LabelColumn);
        if (TimeColumn is not null)
        {
            w.WriteString("timeColumn", TimeColumn);
        }

        w.WriteEndObject();
        w.WriteStartObject("classCounts");
        foreach (var (label, count) in ClassCounts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            w.WriteNumber(label, count);
        }

        w.WriteEndObject();
        if (OtherFile is not null)
        {
            w.WriteString("other", OtherFile);
        }

        if (Resampling.Count > 0)
        {
            w.WriteStartArray("resampled");
            foreach (var step in Resampling)
            {
                w.WriteStartObject();
                WriteFile(w, "from", step.From);
                w.WriteString("method", step.Method);
                if (step.Seed is { } stepSeed)
                {
                    w.WriteNumber("seed", stepSeed);
                }

                w.WriteStartArray("parameters");
                foreach (var parameter in step.Parameters)
                {
                    w.WriteStringValue(parameter);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    /// <summary>
    /// The sidecar of <paramref name="dataPath"/>, or null when there is none (the file is unsplit data).
    /// </summary>
    /// <exception cref="DataFormatException">The sidecar is not a split record this version reads.</exception>
    public static SplitRecord? ReadFor(string dataPath)
    {
        var path = PathFor(dataPath);
        if (!System.IO.File.Exists(path))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(System.IO.File.ReadAllBytes(path));
            var root = document.RootElement;
            if (root.GetProperty("format").GetString() != Format || root.GetProperty("version").GetInt32() is < 1 or > Version)
            {
                throw new DataFormatException($"{path}: not a version 1 to {Version} {Format} record.");
            }

            var split = root.GetProperty("split");
            var role = root.GetProperty("role").GetString() switch
            {
                "training" => SplitRole.Training,
                "holdout" => SplitRole.Holdout,
                var other => throw new DataFormatException($"{path}: unknown role '{other}'."),
            };
            return new SplitRecord(
                role,
                ReadFile(root.GetProperty("file")),
                ReadFile(root.GetProperty("source")),
                split.GetProperty("kind").GetString()!,
                split.TryGetProperty("share", out var share) ? share.GetDouble() : null,
                split.TryGetProperty("seed", out var seed) ? seed.GetInt32() : null,
                split.GetProperty("label").GetString()!,
                split.TryGetProperty("timeColumn", out var time) ? time.GetString() : null,
                root.GetProperty("classCounts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64(), StringComparer.Ordinal),
                root.TryGetProperty("other", out var otherPart) ? otherPart.GetString() : null)
            {
                Resampling = root.TryGetProperty("resampled", out var steps) ? [.. steps.EnumerateArray().Select(ReadStep)] : [],
            };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException && e is not DataFormatException)
        {
            throw new DataFormatException($"{path}: not a readable split record ({e.Message.Split('\n')[0]}).", e);
        }
    }

    /// <summary>Checks that <paramref name="dataPath"/> is the file this record describes: the same size and SHA-256.</summary>
    /// <exception cref="DataFormatException">The file is not the one the record was written for.</exception>
    public void Verify(string dataPath)
    {
        var size = new FileInfo(dataPath).Length;
        var what = size != File.Bytes
            ? string.Create(CultureInfo.InvariantCulture, $"the file has {size} bytes, the record says {File.Bytes}")
            : FileFingerprint.Of(dataPath, File.Name, File.Rows).Sha256 != File.Sha256 ? "its content changed since the split" : null;
        if (what is not null)
        {
            throw new DataFormatException($"{PathFor(dataPath)} does not match {dataPath}: {what}. Split the original data again, or remove the stale record.");
        }
    }

    private static void WriteFile(Utf8JsonWriter w, string name, FileFingerprint file)
    {
        w.WriteStartObject(name);
        w.WriteString("name", file.Name);
        w.WriteNumber("bytes", file.Bytes);
        w.WriteString("sha256", file.Sha256);
        w.WriteNumber("rows", file.Rows);
        w.WriteEndObject();
    }

    private static ResampleStep ReadStep(JsonElement e) => new(
        ReadFile(e.GetProperty("from")),
        e.GetProperty("method").GetString()!,
        e.TryGetProperty("seed", out var seed) ? seed.GetInt32() : null,
        [.. e.GetProperty("parameters").EnumerateArray().Select(p => p.GetString()!)]);

    private static FileFingerprint ReadFile(JsonElement e) => new(
        e.GetProperty("name").GetString()!,
        e.GetProperty("bytes").GetInt64(),
        e.GetProperty("sha256").GetString()!,
        e.GetProperty("rows").GetInt64());
}
