using System;
using System.IO;
using ScottPlot;
using SkiaSharp;

namespace StaticKeras.Plotting;

/// <summary>
/// Gives ScottPlot the DejaVu Sans font shipped inside this assembly, so plots carry text (and look
/// the same) on machines with no fonts installed, such as a bare Debian container.
/// </summary>
internal sealed class EmbeddedFont : IFontResolver
{
    /// <summary>The family name plots use.</summary>
    public const string Family = "StaticKeras DejaVu Sans";

    private static readonly object Gate = new();
    private static bool _registered;
    private readonly byte[] _data;

    private EmbeddedFont(byte[] data) => _data = data;

    /// <summary>Adds the resolver to ScottPlot's, once per process.</summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (_registered)
            {
                return;
            }

            using var stream = typeof(EmbeddedFont).Assembly.GetManifestResourceStream("StaticKeras.Plotting.DejaVuSans.ttf")
                ?? throw new InvalidOperationException("StaticKeras.Plotting is missing its embedded font StaticKeras.Plotting.DejaVuSans.ttf.");
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            Fonts.FontResolvers.Insert(0, new EmbeddedFont(memory.ToArray()));
            _registered = true;
        }
    }

    /// <inheritdoc/>
    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) => Create(fontName);

    /// <inheritdoc/>
    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) => Create(fontName);

    private SKTypeface? Create(string fontName) =>
        string.Equals(fontName, Family, StringComparison.Ordinal) ? SKTypeface.FromData(SKData.CreateCopy(_data)) : null;
}
