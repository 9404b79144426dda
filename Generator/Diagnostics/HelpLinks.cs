using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis.Diagnostics;

namespace StaticKeras.Generator.Diagnostics;

/// <summary>
/// Where each diagnostic's documentation page lives: one page per id, <c>{base}{id}.md</c>. The base
/// defaults to the docs/diagnostics folder of the repository the generator was built from (the
/// build's RepositoryUrl, stamped into this assembly); a project overrides it with the MSBuild
/// property <c>StaticKerasHelpLinkBase</c>, which the package makes visible to the generator.
/// </summary>
internal static class HelpLinks
{
    /// <summary>The MSBuild property a project sets to point the help links elsewhere.</summary>
    public const string BaseProperty = "StaticKerasHelpLinkBase";

    /// <summary>The folder of the diagnostics pages in the repository this generator was built from.</summary>
    public static string BaseUrl { get; } = Normalize(
        typeof(HelpLinks).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == BaseProperty)?.Value)
        ?? "https://github.com/statickeras/statickeras/blob/main/docs/diagnostics/";

    /// <summary>The page documenting <paramref name="id"/> under <see cref="BaseUrl"/>, e.g. <c>.../docs/diagnostics/STK1001.md</c>.</summary>
    public static string For(string id) => For(BaseUrl, id);

    /// <summary>The page documenting <paramref name="id"/> under <paramref name="baseUrl"/>.</summary>
    public static string For(string baseUrl, string id) => baseUrl + id + ".md";

    /// <summary>The base a compilation's options ask for (<see cref="BaseProperty"/>), else <see cref="BaseUrl"/>.</summary>
    public static string FromOptions(AnalyzerConfigOptionsProvider options, System.Threading.CancellationToken cancellationToken) =>
        options.GlobalOptions.TryGetValue("build_property." + BaseProperty, out var value) && Normalize(value) is { } configured
            ? configured
            : BaseUrl;

    // Blank means unset; a base always ends with '/' so that the id follows a folder.
    private static string? Normalize(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed!.EndsWith("/", System.StringComparison.Ordinal) ? trimmed : trimmed + "/";
    }
}
