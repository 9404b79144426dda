using System;
using System.IO;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StaticKeras.Saving.Keras;

/// <summary>
/// The members of a Keras 3 <c>.keras</c> file (a zip archive): <c>config.json</c> (the
/// architecture), <c>metadata.json</c> (Keras version, save date) and <c>model.weights.h5</c>.
/// </summary>
internal static class KerasArchive
{
    /// <summary>The architecture member.</summary>
    public const string ConfigEntry = "config.json";

    /// <summary>The metadata member.</summary>
    public const string MetadataEntry = "metadata.json";

    /// <summary>The weights member, in Keras' HDF5 layout.</summary>
    public const string WeightsEntry = "model.weights.h5";

    /// <summary>Reads the archive at <paramref name="path"/>: its parsed <c>config.json</c> and its weights file in memory (HDF5 needs a seekable stream).</summary>
    /// <exception cref="InvalidDataException">The archive lacks a member or its config is not JSON.</exception>
    public static (JsonNode Config, MemoryStream Weights) Read(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var configEntry = zip.GetEntry(ConfigEntry) ?? throw Missing(path, ConfigEntry);
        var weightsEntry = zip.GetEntry(WeightsEntry) ?? throw Missing(path, WeightsEntry);
        JsonNode config;
        using (var stream = configEntry.Open())
        {
            try
            {
                config = JsonNode.Parse(stream) ?? throw new InvalidDataException($"'{path}': {ConfigEntry} is empty.");
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"'{path}': {ConfigEntry} is not valid JSON: {e.Message}", e);
            }
        }

        var weights = new MemoryStream();
        using (var stream = weightsEntry.Open())
        {
            stream.CopyTo(weights);
        }

        weights.Position = 0;
        return (config, weights);
    }

    private static InvalidDataException Missing(string path, string entry) =>
        new($"'{path}' is a zip archive without '{entry}'; a Keras 3 .keras file holds {ConfigEntry}, {MetadataEntry} and {WeightsEntry}.");

    /// <summary>
    /// Writes a <c>.keras</c> archive to <paramref name="stream"/>: <c>metadata.json</c>,
    /// <c>config.json</c> and <c>model.weights.h5</c>, in the order Keras writes them.
    /// </summary>
    public static void Write(Stream stream, JsonNode config, Action<Stream> writeWeights)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        WriteText(zip, MetadataEntry, new JsonObject
        {
            ["keras_version"] = KerasVersion,
            ["date_saved"] = DateTime.UtcNow.ToString("yyyy-MM-dd@HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
        }.ToJsonString());
        WriteText(zip, ConfigEntry, config.ToJsonString());
        using var weights = new MemoryStream();
        writeWeights(weights);
        using var entry = zip.CreateEntry(WeightsEntry, CompressionLevel.NoCompression).Open();
        weights.Position = 0;
        weights.CopyTo(entry);
    }

    /// <summary>The Keras version whose format is written (and checked with keras-env).</summary>
    public const string KerasVersion = "3.16.0";

    private static void WriteText(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open());
        writer.Write(text);
    }
}
