using ScottPlot;
using SkiaSharp;

namespace ImbalanceGuard.Reporting;

/// <summary>
/// The plots' typeface, DejaVu Sans, carried inside this assembly (Fonts/, Bitstream Vera licence): a machine
/// with only the .NET SDK has no fonts at all, and ScottPlot then draws plots without a single letter. It is
/// also why a report renders the same everywhere. ScottPlot finds it by a name of its own, so a system's
/// fonts and a user's own plots are left as they are.
/// </summary>
internal sealed class EmbeddedFont : IFontResolver
{
    /// <summary>The family name the report's plots ask for.</summary>
    public const string Name = "ImbalanceGuard DejaVu Sans";

    private static readonly Lazy<EmbeddedFont> Resolver = new(() =>
    {
        var resolver = new EmbeddedFont();
        lock (Fonts.FontResolvers)
        {
            Fonts.FontResolvers.Insert(0, resolver);
        }

        return resolver;
    });

    private readonly SKTypeface _regular = Load("DejaVuSans.ttf");
    private readonly SKTypeface _bold = Load("DejaVuSans-Bold.ttf");

    /// <summary>Sets every text of <paramref name="plot"/> in the embedded typeface.</summary>
    public static void Apply(Plot plot)
    {
        _ = Resolver.Value;
        plot.Font.Set(Name, FontWeight.Normal, FontSlant.Upright, FontSpacing.Normal);
    }

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width)
        => CreateTypeface(fontName, weight >= FontWeight.SemiBold, slant != FontSlant.Upright);

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic)
        => fontName == Name ? (bold ? _bold : _regular) : null;

    private static SKTypeface Load(string file)
    {
        using var stream = typeof(EmbeddedFont).Assembly.GetManifestResourceStream("ImbalanceGuard.Reporting.Fonts." + file)
            ?? throw new InvalidOperationException($"The embedded font {file} is missing from {typeof(EmbeddedFont).Assembly.GetName().Name}.");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException($"The embedded font {file} could not be read.");
    }
}
