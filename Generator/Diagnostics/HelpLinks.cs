namespace StaticKeras.Generator.Diagnostics;

/// <summary>Where each diagnostic's documentation page lives: one page per id under docs/diagnostics/.</summary>
internal static class HelpLinks
{
    /// <summary>The folder of the diagnostics pages in the repository.</summary>
    public const string BaseUrl = "https://github.com/statickeras/statickeras/blob/main/docs/diagnostics/";

    /// <summary>The page documenting <paramref name="id"/>, e.g. <c>.../docs/diagnostics/STK1001.md</c>.</summary>
    public static string For(string id) => BaseUrl + id + ".md";
}
