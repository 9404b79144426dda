using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace StaticKeras.Saving;

/// <summary>
/// A safetensors header: the tensors (in data order) and the optional <c>__metadata__</c>
/// string map. Writes it byte for byte as the reference Rust implementation does, and parses and
/// validates any header the format allows.
/// </summary>
internal sealed class SafeTensorsHeader
{
    /// <summary>The reference implementation refuses larger headers; so do we.</summary>
    public const long MaxHeaderLength = 100_000_000;

    private const string MetadataKey = "__metadata__";

    public SafeTensorsHeader(IReadOnlyList<SafeTensorInfo> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        Tensors = tensors;
        Metadata = metadata;
    }

    /// <summary>The tensors in the order of their data.</summary>
    public IReadOnlyList<SafeTensorInfo> Tensors { get; }

    /// <summary>The free-form string metadata (empty when the file has none).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>
    /// The header as written to the file: compact JSON with <c>__metadata__</c> first (keys sorted,
    /// omitted when empty), then the tensors in data order, padded with spaces to a multiple of 8
    /// bytes so the data section starts aligned.
    /// </summary>
    public byte[] ToBytes()
    {
        var json = new StringBuilder("{");
        if (Metadata.Count > 0)
        {
            json.Append(JsonString(MetadataKey)).Append(":{");
            json.AppendJoin(',', Metadata.OrderBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(kv => JsonString(kv.Key) + ":" + JsonString(kv.Value)));
            json.Append('}');
            if (Tensors.Count > 0)
            {
                json.Append(',');
            }
        }

        json.AppendJoin(',', Tensors.Select(t => string.Create(CultureInfo.InvariantCulture,
            $"{JsonString(t.Name)}:{{\"dtype\":{JsonString(t.DType)},\"shape\":[{string.Join(',', t.Shape)}],\"data_offsets\":[{t.Begin},{t.End}]}}")));
        json.Append('}');
        var bytes = Encoding.UTF8.GetBytes(json.ToString());
        var padded = new byte[(bytes.Length + 7) / 8 * 8];
        bytes.CopyTo(padded, 0);
        padded.AsSpan(bytes.Length).Fill((byte)' ');
        return padded;
    }

    /// <summary>
    /// Parses and validates a header: JSON object, known dtypes, data offsets that tile the data
    /// section from 0 to <paramref name="dataLength"/> without gaps or overlaps, and byte lengths
    /// that agree with each tensor's shape and dtype.
    /// </summary>
    /// <exception cref="InvalidDataException">Anything the format does not allow, with the reason.</exception>
    public static SafeTensorsHeader Parse(ReadOnlySpan<byte> header, long dataLength, string source)
    {
        // Names and metadata must be UTF-8 (the format says so); System.Text.Json would only notice
        // when a string is read, and then without saying which file.
        if (!System.Text.Unicode.Utf8.IsValid(header))
        {
            throw Invalid(source, $"the header is not valid UTF-8 (first invalid byte at offset {8 + FirstInvalidUtf8(header)})");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(header.ToArray());
        }
        catch (JsonException e)
        {
            throw Invalid(source, $"the header is not valid JSON ({e.Message})");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(source, "the header does not start with '{'");
            }

            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            var tensors = new List<SafeTensorInfo>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name == MetadataKey)
                {
                    ReadMetadata(property.Value, metadata, source);
                }
                else if (!names.Add(property.Name))
                {
                    throw Invalid(source, $"tensor '{property.Name}' appears twice in the header");
                }
                else
                {
                    tensors.Add(ReadTensor(property.Name, property.Value, source));
                }
            }

            tensors.Sort((a, b) => a.Begin != b.Begin ? a.Begin.CompareTo(b.Begin) : a.End.CompareTo(b.End));
            CheckLayout(tensors, dataLength, source);
            return new SafeTensorsHeader(tensors, metadata);
        }
    }

    private static void ReadMetadata(JsonElement value, Dictionary<string, string> metadata, string source)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(source, "__metadata__ must be an object of strings");
        }

        foreach (var entry in value.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.String)
            {
                throw Invalid(source, $"__metadata__ entry '{entry.Name}' is a {entry.Value.ValueKind.ToString().ToLowerInvariant()}, expected a string");
            }

            metadata[entry.Name] = entry.Value.GetString()!;
        }
    }

    private static SafeTensorInfo ReadTensor(string name, JsonElement value, string source)
    {
        if (value.ValueKind != JsonValueKind.Object
            || !value.TryGetProperty("dtype", out var dtype) || dtype.ValueKind != JsonValueKind.String
            || !value.TryGetProperty("shape", out var shape) || shape.ValueKind != JsonValueKind.Array
            || !value.TryGetProperty("data_offsets", out var offsets) || offsets.ValueKind != JsonValueKind.Array)
        {
            throw Invalid(source, $"tensor '{name}' needs \"dtype\" (string), \"shape\" (array) and \"data_offsets\" (array)");
        }

        var code = dtype.GetString()!;
        if (!SafeTensorsDTypes.IsKnown(code))
        {
            throw Invalid(source, $"tensor '{name}' has unknown dtype '{code}'");
        }

        var dims = shape.EnumerateArray().Select(d => NonNegative(d, name, "shape", source)).ToArray();
        var span = offsets.EnumerateArray().Select(d => NonNegative(d, name, "data_offsets", source)).ToArray();
        if (span.Length != 2)
        {
            throw Invalid(source, $"tensor '{name}' has {span.Length} data_offsets, expected 2 (begin, end)");
        }

        return new SafeTensorInfo(name, code, dims, span[0], span[1]);
    }

    private static long NonNegative(JsonElement element, string name, string field, string source) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var v) && v >= 0
            ? v
            : throw Invalid(source, $"tensor '{name}' has {field} entry {element.GetRawText()}, expected a non-negative integer");

    private static void CheckLayout(List<SafeTensorInfo> tensors, long dataLength, string source)
    {
        long next = 0;
        foreach (var t in tensors)
        {
            if (t.Begin != next || t.End < t.Begin)
            {
                throw Invalid(source, $"tensor '{t.Name}' has data_offsets [{t.Begin}, {t.End}], expected it to begin at {next} (tensors must tile the data section without gaps or overlaps)");
            }

            long expected;
            try
            {
                expected = checked(t.Shape.Aggregate(1L, (n, d) => n * d) * SafeTensorsDTypes.Size(t.DType));
            }
            catch (OverflowException)
            {
                throw Invalid(source, $"tensor '{t.Name}' has shape {t.ShapeText}, too large to address");
            }

            if (t.ByteLength != expected)
            {
                throw Invalid(source, $"tensor '{t.Name}' spans {t.ByteLength} bytes, but {t.DType} {t.ShapeText} needs {expected}");
            }

            next = t.End;
        }

        if (next != dataLength)
        {
            throw Invalid(source, next > dataLength
                ? $"the header describes {next} bytes of tensor data but the file holds {dataLength}; the file is truncated"
                : $"the header describes {next} bytes of tensor data but the file holds {dataLength}; {dataLength - next} bytes are unaccounted for");
        }
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[bytes.Length];
        System.Text.Unicode.Utf8.ToUtf16(bytes, chars, out var read, out _, replaceInvalidSequences: false);
        return read;
    }

    /// <summary>An <see cref="InvalidDataException"/> naming the file and what is wrong with it.</summary>
    internal static InvalidDataException Invalid(string source, string reason) =>
        new($"'{source}' is not a valid safetensors file: {reason}.");

    // Escapes as serde_json does: quote, backslash, the short control escapes, other controls as
    // \u00xx (lowercase hex); everything else, non-ASCII included, verbatim.
    private static string JsonString(string value)
    {
        var s = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            s.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\b' => "\\b",
                '\f' => "\\f",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' => "\\u00" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return s.Append('"').ToString();
    }
}
