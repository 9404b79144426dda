using Microsoft.CodeAnalysis;
using StaticKeras.Generator.Common;

namespace StaticKeras.Generator.Diagnostics;

/// <summary>
/// A diagnostic as plain values (descriptor id, location, message arguments), so it can travel
/// through the incremental pipeline and be compared for equality.
/// </summary>
/// <param name="Id">The descriptor's id in <see cref="DiagnosticDescriptors"/>.</param>
/// <param name="Location">Where it is reported; <see langword="null"/> for no location.</param>
/// <param name="Arguments">The message format's arguments.</param>
internal sealed record DiagnosticInfo(string Id, SourceLocation? Location, EquatableArray<string> Arguments)
{
    /// <summary>A diagnostic of <paramref name="descriptor"/> at <paramref name="location"/>.</summary>
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, SourceLocation? location, params string[] arguments) =>
        new(descriptor.Id, location, EquatableArray.Of(arguments));

    /// <summary>Whether the descriptor reports an error (an error stops the model from being generated in full).</summary>
    public bool IsError => DiagnosticDescriptors.Find(Id).DefaultSeverity == DiagnosticSeverity.Error;

    /// <summary>The Roslyn diagnostic to report, its help link under <see cref="HelpLinks.BaseUrl"/>.</summary>
    public Diagnostic ToDiagnostic() => ToDiagnostic(HelpLinks.BaseUrl);

    /// <summary>The Roslyn diagnostic to report, its help link under <paramref name="helpLinkBase"/>.</summary>
    public Diagnostic ToDiagnostic(string helpLinkBase) =>
        Diagnostic.Create(
            WithHelpLinkBase(DiagnosticDescriptors.Find(Id), helpLinkBase),
            Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None,
            [.. Arguments]);

    private static DiagnosticDescriptor WithHelpLinkBase(DiagnosticDescriptor d, string helpLinkBase) =>
        helpLinkBase == HelpLinks.BaseUrl
            ? d
            : new DiagnosticDescriptor(d.Id, d.Title, d.MessageFormat, d.Category, d.DefaultSeverity, d.IsEnabledByDefault, d.Description,
                HelpLinks.For(helpLinkBase, d.Id), [.. d.CustomTags]);
}
