using System.IO;
using System.IO.Compression;
using System.Text.Json.Nodes;

namespace StaticKeras.Tools.KerasImport;

/// <summary>Reads a <c>.keras</c> file's <c>config.json</c> and writes its declaration.</summary>
internal static class KerasFileImport
{
    /// <summary>The declaration for the <c>.keras</c> file at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a .keras archive with a config.json.</exception>
    public static ImportResult Import(string path, string className, string ns)
    {
        using var zip = ZipFile.OpenRead(path);
        var entry = zip.GetEntry("config.json")
            ?? throw new InvalidDataException($"'{path}' has no config.json; is it a Keras 3 .keras file?");
        using var stream = entry.Open();
        var root = JsonNode.Parse(stream) ?? throw new InvalidDataException($"'{path}': config.json is empty");
        return DeclarationWriter.Write(root, className, ns, Path.GetFileName(path));
    }
}
